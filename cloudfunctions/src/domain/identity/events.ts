import { businessDay, SHANGHAI_OFFSET_MS } from '../business-day'

/**
 * Conversion events — the one tracking schema every feature writes through (collection `events`).
 *
 * EventDoc
 *   _id        idempotency key where the event is naturally once (see EVENT_KEYS), e.g. `join_period:{period}:{member}`;
 *              omitted for repeatable events (the database assigns one)
 *   type       one of EVENT_TYPES
 *   memberId   openid of the actor
 *   at         epoch ms (server clock)
 *   day        business day `YYYY-MM-DD` in Asia/Shanghai: the check-in's business day for camp events, else the
 *              calendar day of `at` — funnels, retention and participation per day group by it
 *   hour       0–23, Shanghai wall clock of `at` (the check-in heatmap, 高频打卡时间段)
 *   periodId?  campId?   what it concerns
 *   channel?   how the member arrived (share, poster, group, search, scan, …), ≤ 32 chars
 *   posterCode? the invite poster's short code (mini-program code scene), ≤ 32 chars
 *   props      small flat facts: string | number | boolean values only (e.g. { fromGroup: true, images: 3 })
 *
 * Indexes: { type, day }, { periodId, type, day }, { memberId, at -1 }, { posterCode, type } (sparse use).
 * Later features append types here; never rename one (stored history uses the names).
 */
export const EVENT_TYPES = [
  'first_open',
  'view_camp',
  'join_period',
  'checkin',
  'makeup',
  'complete',
  'reminder_subscribed',
  'reminder_sent',
  'review_received',
  'featured',
  // ---- materials
  'material_view',
  'material_unlock',
  'material_download',
  // ---- free classes
  'class_view',
  'class_signup',
  'class_cancel',
  'class_promoted',
  'class_attend',
  'lead_stage',
  // ---- invites
  'invite_poster',
  'invite_claim',
  'invite_qualified',
  'invite_rewarded',
  // ---- analytics
  'conversion_paid',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export type EventProps = Readonly<Record<string, string | number | boolean>>

export interface EventDoc {
  _id?: string
  type: EventType
  memberId: string
  at: number
  day: string
  hour: number
  periodId?: string
  campId?: string
  channel?: string
  posterCode?: string
  props: EventProps
}

export interface EventInput {
  type: EventType
  memberId: string
  periodId?: string
  campId?: string
  /** Camp events pass the check-in's business day; default: the calendar day of `now` in Shanghai. */
  day?: string
  /** What makes a repeatable event unique when it needs a key (e.g. the subscription's request id). */
  ref?: string
  channel?: string
  posterCode?: string
  props?: EventProps
}

type KeyRule = (i: EventInput, day: string) => string | null
const need = (i: EventInput, field: 'periodId' | 'campId' | 'ref'): string => {
  const v = i[field]
  if (!v) throw new Error(`event ${i.type} needs ${field}`)
  return v
}

/** Which events are naturally once, and their key. null = repeatable (no `_id`). */
export const EVENT_KEYS: Readonly<Record<EventType, KeyRule>> = {
  first_open: (i) => `first_open:${i.memberId}`,
  view_camp: (i, day) => `view_camp:${need(i, 'campId')}:${day}:${i.memberId}`,
  join_period: (i) => `join_period:${need(i, 'periodId')}:${i.memberId}`,
  checkin: (i, day) => `checkin:${need(i, 'periodId')}:${day}:${i.memberId}`,
  makeup: (i, day) => `makeup:${need(i, 'periodId')}:${day}:${i.memberId}`,
  complete: (i) => `complete:${need(i, 'periodId')}:${i.memberId}`,
  reminder_subscribed: (i) => (i.ref ? `reminder_subscribed:${i.memberId}:${i.ref}` : null),
  reminder_sent: (i, day) => `reminder_sent:${need(i, 'periodId')}:${day}:${i.memberId}`,
  review_received: (i) => `review_received:${need(i, 'ref')}`,
  featured: (i) => `featured:${need(i, 'ref')}`,
  // ---- materials: `ref` is the material id; a view counts once per member and day, a download every time.
  material_view: (i, day) => `material_view:${need(i, 'ref')}:${day}:${i.memberId}`,
  material_unlock: (i) => `material_unlock:${need(i, 'ref')}:${i.memberId}`,
  material_download: () => null,
  // ---- free classes: `ref` is the class id (the signup id for class_attend). A view counts once per member and
  // day, the first signup per class once; cancels, promotions and lead stage moves every time.
  class_view: (i, day) => `class_view:${need(i, 'ref')}:${day}:${i.memberId}`,
  class_signup: (i) => `class_signup:${need(i, 'ref')}:${i.memberId}`,
  class_cancel: () => null,
  class_promoted: () => null,
  class_attend: (i) => `class_attend:${need(i, 'ref')}`,
  lead_stage: () => null,
  // ---- invites: the poster is made once per member; `ref` is the invitee for qualification and reward (once each).
  invite_poster: (i) => `invite_poster:${i.memberId}`,
  invite_claim: (i) => `invite_claim:${i.memberId}`,
  invite_qualified: (i) => `invite_qualified:${need(i, 'ref')}`,
  invite_rewarded: (i) => `invite_rewarded:${need(i, 'ref')}`,
  // ---- analytics: one paid conversion per member and period (a correction changes the record, not the event).
  conversion_paid: (i) => `conversion_paid:${need(i, 'periodId')}:${i.memberId}`,
}

const MAX_TAG = 32

/** Builds the event document; insert it and treat a duplicate-key error as "already recorded". */
export function buildEvent(input: EventInput, now: number): EventDoc {
  if (!input.memberId) throw new Error('event needs memberId')
  if (!Number.isFinite(now)) throw new RangeError('now must be a finite epoch ms')
  const day = input.day ?? businessDay(now)
  const id = EVENT_KEYS[input.type](input, day)
  const doc: EventDoc = {
    type: input.type,
    memberId: input.memberId,
    at: now,
    day,
    hour: shanghaiHour(now),
    props: { ...(input.props ?? {}) },
  }
  if (id) doc._id = id
  if (input.periodId) doc.periodId = input.periodId
  if (input.campId) doc.campId = input.campId
  if (input.channel) doc.channel = input.channel.slice(0, MAX_TAG)
  if (input.posterCode) doc.posterCode = input.posterCode.slice(0, MAX_TAG)
  return doc
}

const HOUR_MS = 3_600_000

function shanghaiHour(epochMs: number): number {
  const h = Math.floor((epochMs + SHANGHAI_OFFSET_MS) / HOUR_MS) % 24
  return (h + 24) % 24
}
