/**
 * The `checkin` event is derived from the committed check-in document instead of being inserted by the check-in's
 * transaction (one request less per check-in, issue #12 item 9). The check-in doc is the durable record: it commits
 * with the points or not at all, so an event built from it is never lost and never written for a check-in that did
 * not commit. Consumers that must see a check-in at once read `checkins` directly (invites settle, day stats); the
 * layer timer walks `events`, so it first materialises the `checkin` events of the check-ins committed up to its own
 * horizon (`deriveCheckinEvents`). The event keeps its key (`checkin:{period}:{day}:{member}`) as `_id`: deriving
 * twice — overlapping timers, a retry after a failed page — inserts nothing new (duplicate key = already derived).
 */
import type { CheckinDoc } from '../../domain/camp'
import { buildEvent, type EventDoc, type EventInput } from '../../domain/identity'
import { isDuplicateKey, withTransaction } from '../../shared/db'
import type { WalkCursor } from '../../shared/repository'
import { EVENTS, repo, SYS_META } from './store'

export const CHECKIN_EVENTS_CURSOR = 'checkin-events-cursor'
const PAGE = 200

/** The `checkin` event a committed (non make-up) check-in stands for; `at` is its submission time. */
export function checkinEventOf(c: CheckinDoc): EventDoc {
  const input: EventInput = {
    type: 'checkin',
    memberId: c.memberId,
    periodId: c.periodId,
    campId: c.campId,
    day: c.day,
    channel: c.fromGroup ? 'group' : undefined,
    props: {
      dayIndex: c.dayIndex,
      fromGroup: c.fromGroup,
      text: c.content.text.trim().length > 0,
      images: c.content.images.length,
      voice: !!c.content.voice,
      points: c.points,
      moderation: c.moderation,
    },
  }
  return buildEvent(input, c.submittedAt)
}

interface Cursor {
  _id: string
  at: number
  checkinId: string
  updatedAt: number
}

export type Submitted = Pick<CheckinDoc, '_id' | 'submittedAt' | 'makeup'>

/**
 * The check-ins, as camp answers them (camp/analytics-reads.ts `checkinReads`): passed in, since camp records its
 * actions through tracking and tracking must not import camp back.
 */
export interface CheckinReads {
  /** The next check-ins after `cursor` in (submittedAt, _id) order (index { submittedAt, _id }), at most `limit`. */
  submittedAfter(cursor: WalkCursor | null, limit: number): Promise<Submitted[]>
  byIds(ids: readonly string[]): Promise<Map<string, CheckinDoc>>
}

/** The next check-ins after the cursor, up to `until`. */
async function nextPage(checkins: CheckinReads, cursor: Cursor | null, until: number): Promise<Submitted[]> {
  const page = await checkins.submittedAfter(cursor && { at: cursor.at, id: cursor.checkinId }, PAGE)
  return page.filter((c) => c.submittedAt <= until)
}

async function insertEvent(doc: EventDoc): Promise<boolean> {
  try {
    await repo.col(EVENTS).add({ data: doc })
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

/** Moves the cursor forward only (concurrent runs never move it back). */
async function advance(last: Submitted, now: number): Promise<void> {
  await withTransaction(async (tx) => {
    const cur = await repo.getMetaIn<Cursor>(tx, CHECKIN_EVENTS_CURSOR)
    const newer = !cur || last.submittedAt > cur.at || (last.submittedAt === cur.at && last._id > cur.checkinId)
    const data = newer
      ? { at: last.submittedAt, checkinId: last._id, updatedAt: now }
      : { at: cur.at, checkinId: cur.checkinId, updatedAt: now }
    await repo.inTx(tx, SYS_META).doc(CHECKIN_EVENTS_CURSOR).set({ data })
  })
}

/**
 * Materialises the `checkin` events of every check-in submitted up to `until`. Any failure throws before the cursor
 * passes the failed check-in, so the next run derives it; answers how many events were new.
 */
export async function deriveCheckinEvents(
  checkins: CheckinReads,
  until: number,
  now: number,
  budgetMs = 20_000,
  clock: () => number = Date.now,
): Promise<number> {
  const started = clock()
  let cursor = await repo.getMeta<Cursor>(CHECKIN_EVENTS_CURSOR)
  let inserted = 0
  while (clock() - started < budgetMs) {
    const page = await nextPage(checkins, cursor, until)
    if (page.length === 0) break
    const wanted = page.filter((c) => !c.makeup).map((c) => c._id)
    const full = wanted.length ? await checkins.byIds(wanted) : new Map<string, CheckinDoc>()
    for (const c of full.values()) if (await insertEvent(checkinEventOf(c))) inserted++
    const last = page[page.length - 1]
    await advance(last, now)
    cursor = { _id: CHECKIN_EVENTS_CURSOR, at: last.submittedAt, checkinId: last._id, updatedAt: now }
  }
  return inserted
}
