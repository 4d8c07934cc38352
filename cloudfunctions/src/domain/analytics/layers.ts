/**
 * Lifecycle layers (product.md): L1 浏览 → L2 关注/下载 → L3 活跃 → L4 兴趣 → L5 付费, plus 沉睡.
 *
 * A member's stored record keeps the HIGHEST layer any of their events reached (max semantics: re-processing an event,
 * or processing events out of order, never lowers it) and the last business day they did anything. What an operator
 * sees is derived from both at read time: activity fades (活跃 needs recent activity, anyone from L2 up who stays idle
 * long enough is 沉睡), the record never has to be rewritten for time passing.
 */
import { addDays, daysBetween } from '../business-day'
import type { EventType } from '../identity/events'

export const REACHED_LAYERS = ['L1', 'L2', 'L3', 'L4', 'L5'] as const
export type ReachedLayer = (typeof REACHED_LAYERS)[number]
export type ShownLayer = ReachedLayer | 'sleeping'

/** An L3 member idle for this many business days no longer counts as 活跃 (shown as L2 关注 until asleep). */
export const ACTIVE_WITHIN_DAYS = 7
/** A member of L2 or above idle for this many business days is 沉睡. */
export const SLEEPING_AFTER_DAYS = 14

/** Which layer an event proves the member reached; null = the event says nothing about the layer. */
export const EVENT_LAYER: Readonly<Partial<Record<EventType, ReachedLayer>>> = {
  first_open: 'L1',
  view_camp: 'L1',
  material_view: 'L1',
  class_view: 'L1',
  invite_poster: 'L1',
  invite_claim: 'L1',
  material_unlock: 'L2',
  material_download: 'L2',
  join_period: 'L2',
  reminder_subscribed: 'L2',
  checkin: 'L3',
  makeup: 'L3',
  complete: 'L3',
  class_signup: 'L4',
  class_attend: 'L4',
  lead_stage: 'L4',
  conversion_paid: 'L5',
}

/** Events that are the system acting on the member (not the member acting): they do not make anyone active. */
const PASSIVE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'reminder_sent',
  'review_received',
  'featured',
  'invite_rewarded',
  'invite_qualified',
])

export const isMemberActivity = (type: EventType): boolean => !PASSIVE_EVENTS.has(type)

export const layerRank = (layer: ReachedLayer | null): number => (layer ? REACHED_LAYERS.indexOf(layer) + 1 : 0)

export const higherLayer = (a: ReachedLayer | null, b: ReachedLayer | null): ReachedLayer | null => (layerRank(b) > layerRank(a) ? b : a)

export interface MemberLayerDoc {
  /** openid */
  _id: string
  layer: ReachedLayer
  /** Business day of the member's last own action. */
  lastActiveDay: string
  /** Business day the current layer was first reached. */
  since: string
  updatedAt: number
}

export interface ActivityFact {
  type: EventType
  day: string
}

export type LayerChange =
  | { changed: false }
  | { changed: true; doc: Omit<MemberLayerDoc, '_id' | 'updatedAt'>; from: ReachedLayer | null; to: ReachedLayer; lifted: boolean }

/**
 * Folds a member's new facts into their record. Max semantics on both the layer and the last active day, so applying
 * the same facts twice (two timers racing, a re-run after a crash) gives the same record and no second transition.
 */
export function applyActivity(current: Omit<MemberLayerDoc, '_id' | 'updatedAt'> | null, facts: readonly ActivityFact[]): LayerChange {
  let layer: ReachedLayer | null = current?.layer ?? null
  let lastActiveDay = current?.lastActiveDay ?? ''
  let since = current?.since ?? ''
  for (const f of facts) {
    const reached = EVENT_LAYER[f.type] ?? null
    if (layerRank(reached) > layerRank(layer)) {
      layer = reached
      since = f.day
    } else if (reached && reached === layer && f.day < since) since = f.day
    if (isMemberActivity(f.type) && f.day > lastActiveDay) lastActiveDay = f.day
  }
  if (!layer) return { changed: false }
  const lifted = layer !== (current?.layer ?? null)
  if (!lifted && lastActiveDay === current?.lastActiveDay && since === current?.since) return { changed: false }
  return { changed: true, doc: { layer, lastActiveDay: lastActiveDay || since, since }, from: current?.layer ?? null, to: layer, lifted }
}

/** The layer an operator sees today. */
export function shownLayer(doc: Pick<MemberLayerDoc, 'layer' | 'lastActiveDay'>, today: string): ShownLayer {
  const idle = daysBetween(doc.lastActiveDay, today)
  if (doc.layer !== 'L1' && idle >= SLEEPING_AFTER_DAYS) return 'sleeping'
  if (doc.layer === 'L3' && idle >= ACTIVE_WITHIN_DAYS) return 'L2'
  return doc.layer
}

/** One indexed count on `member_layers {layer, lastActiveDay}`: stored layer, last active day in [from, before). */
export interface LayerCountQuery {
  shown: ShownLayer
  layer: ReachedLayer
  from?: string
  before?: string
}

/** The counts whose sums give every shown layer today; each matches exactly the records shownLayer maps there. */
export function layerCountQueries(today: string): LayerCountQuery[] {
  const awakeFrom = addDays(today, -(SLEEPING_AFTER_DAYS - 1))
  const activeFrom = addDays(today, -(ACTIVE_WITHIN_DAYS - 1))
  return [
    { shown: 'L1', layer: 'L1' },
    { shown: 'L2', layer: 'L2', from: awakeFrom },
    { shown: 'L2', layer: 'L3', from: awakeFrom, before: activeFrom },
    { shown: 'L3', layer: 'L3', from: activeFrom },
    { shown: 'L4', layer: 'L4', from: awakeFrom },
    { shown: 'L5', layer: 'L5', from: awakeFrom },
    ...(['L2', 'L3', 'L4', 'L5'] as const).map((layer): LayerCountQuery => ({ shown: 'sleeping', layer, before: awakeFrom })),
  ]
}

/** Transition counter field name in the `layer_paths` doc: `none_L2`, `L2_L3`, … */
export const pathKey = (from: ReachedLayer | null, to: ReachedLayer): string => `${from ?? 'none'}_${to}`
