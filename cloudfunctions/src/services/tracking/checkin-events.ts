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
import { byIds, db, getOrNull, isDuplicateKey, txGet, withTransaction } from '../../shared/db'
import { EVENTS } from './store'

const CHECKINS = 'checkins'
const SYS_META = 'sys_meta'
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

type Submitted = Pick<CheckinDoc, '_id' | 'submittedAt' | 'makeup'>

/** The next check-ins after the cursor in (submittedAt, _id) order (index { submittedAt, _id }), up to `until`. */
async function nextPage(cursor: Cursor | null, until: number): Promise<Submitted[]> {
  const _ = db().command
  const read = async (where: Record<string, unknown>, limit: number) =>
    (
      await db()
        .collection(CHECKINS)
        .where(where)
        .orderBy('submittedAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(limit)
        .field({ _id: true, submittedAt: true, makeup: true })
        .get()
    ).data as unknown as Submitted[]
  const same = cursor ? await read({ submittedAt: cursor.at, _id: _.gt(cursor.checkinId) }, PAGE) : []
  if (same.length >= PAGE) return same
  const later = await read({ submittedAt: cursor ? _.gt(cursor.at) : _.gte(0) }, PAGE - same.length)
  return [...same, ...later].filter((c) => c.submittedAt <= until)
}

async function insertEvent(doc: EventDoc): Promise<boolean> {
  try {
    await db().collection(EVENTS).add({ data: doc })
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

/** Moves the cursor forward only (concurrent runs never move it back). */
async function advance(last: Submitted, now: number): Promise<void> {
  await withTransaction(async (tx) => {
    const cur = await txGet<Cursor>(tx, SYS_META, CHECKIN_EVENTS_CURSOR)
    const newer = !cur || last.submittedAt > cur.at || (last.submittedAt === cur.at && last._id > cur.checkinId)
    const data = newer
      ? { at: last.submittedAt, checkinId: last._id, updatedAt: now }
      : { at: cur.at, checkinId: cur.checkinId, updatedAt: now }
    await tx.collection(SYS_META).doc(CHECKIN_EVENTS_CURSOR).set({ data })
  })
}

/**
 * Materialises the `checkin` events of every check-in submitted up to `until`. Any failure throws before the cursor
 * passes the failed check-in, so the next run derives it; answers how many events were new.
 */
export async function deriveCheckinEvents(until: number, now: number, budgetMs = 20_000, clock: () => number = Date.now): Promise<number> {
  const started = clock()
  let cursor = await getOrNull<Cursor>(SYS_META, CHECKIN_EVENTS_CURSOR)
  let inserted = 0
  while (clock() - started < budgetMs) {
    const page = await nextPage(cursor, until)
    if (page.length === 0) break
    const wanted = page.filter((c) => !c.makeup).map((c) => c._id)
    const full = wanted.length ? await byIds<CheckinDoc>(CHECKINS, wanted) : new Map<string, CheckinDoc>()
    for (const c of full.values()) if (await insertEvent(checkinEventOf(c))) inserted++
    const last = page[page.length - 1]
    await advance(last, now)
    cursor = { _id: CHECKIN_EVENTS_CURSOR, at: last.submittedAt, checkinId: last._id, updatedAt: now }
  }
  return inserted
}
