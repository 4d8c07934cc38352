/**
 * The layer timer: walks new events in commit order (`{at, _id}` index) from a cursor in sys_meta and folds each
 * member's facts into their layer record. The cursor stays a little behind the clock so an event committed late (its
 * `at` was taken before a slow transaction committed) is not skipped; re-reading an event is harmless (max semantics).
 */
import { applyActivity, type ActivityFact } from '../../domain/analytics'
import { now as clockNow } from '../../shared/clock'
import { withTransaction } from '../../shared/db'
import { command } from '../../shared/repository'
import { checkinReads } from '../camp/analytics-reads'
import { deriveCheckinEvents } from '../tracking/checkin-events'
import { eventsAfter, type StoredEvent } from '../tracking/lookups'
import { applyFacts } from './member-layer'
import { MEMBER_LAYERS, repo, SYS_META } from './store'

export const CURSOR_ID = 'analytics-layer-cursor'
/** Events newer than this are left for the next run. */
export const CURSOR_LAG_MS = 2 * 60_000
const PAGE = 500
/** Stop early and leave the rest to the next run, well inside the function's 60 s timeout. */
const BUDGET_MS = 40_000
const PARALLEL_MOVES = 16

export interface LayerCursor {
  _id: string
  at: number
  eventId: string
  updatedAt: number
}

async function nextPage(cursor: LayerCursor | null, until: number): Promise<StoredEvent[]> {
  const page = await eventsAfter(cursor && { at: cursor.at, id: cursor.eventId }, PAGE)
  return page.filter((e) => e.at <= until)
}

/**
 * Only the last active day moves (the common case: an active member acting on a new day). A conditional update keeps
 * max semantics without a transaction; a concurrent lift writes the whole record in its transaction, and the
 * condition stops this write from moving the day backwards.
 */
async function moveLastActiveDay(memberId: string, day: string, now: number): Promise<void> {
  const _ = command()
  await repo
    .col(MEMBER_LAYERS)
    .where({ _id: memberId, lastActiveDay: _.lt(day) })
    .update({ data: { lastActiveDay: day, updatedAt: now } })
}

async function advance(last: StoredEvent, now: number): Promise<void> {
  await withTransaction(async (tx) => {
    const cur = await repo.getMetaIn<LayerCursor>(tx, CURSOR_ID)
    const newer = !cur || last.at > cur.at || (last.at === cur.at && last._id > cur.eventId)
    await repo
      .inTx(tx, SYS_META)
      .doc(CURSOR_ID)
      .set({ data: newer ? { at: last.at, eventId: last._id, updatedAt: now } : { at: cur.at, eventId: cur.eventId, updatedAt: now } })
  })
}

export interface LayerRun {
  events: number
  members: number
  lifted: number
  done: boolean
}

/** `lagMs` 0 is for callers that know every write has committed (the demo seed). */
export async function catchUpLayers(now: number, clock: () => number = clockNow, lagMs = CURSOR_LAG_MS): Promise<LayerRun> {
  const started = clock()
  const run: LayerRun = { events: 0, members: 0, lifted: 0, done: false }
  // Check-ins carry no event of their own: materialise theirs up to the same horizon before walking the events.
  await deriveCheckinEvents(checkinReads, now - lagMs, now, BUDGET_MS / 2, clock)
  let cursor = await repo.getMeta<LayerCursor>(CURSOR_ID)
  while (clock() - started < BUDGET_MS) {
    const page = await nextPage(cursor, now - lagMs)
    if (page.length === 0) {
      run.done = true
      break
    }
    const byMember = new Map<string, ActivityFact[]>()
    for (const e of page) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), { type: e.type, day: e.day }])
    // One read for the page's members; only records that would change are written.
    const current = await repo.byIds(MEMBER_LAYERS, [...byMember.keys()])
    const moves: [string, string][] = []
    for (const [memberId, facts] of byMember) {
      const known = current.get(memberId) ?? null
      const change = applyActivity(known, facts)
      if (!change.changed) continue
      if (known && !change.lifted && change.doc.since === known.since) moves.push([memberId, change.doc.lastActiveDay])
      else if (await applyFacts(memberId, facts, now)) run.lifted += 1
    }
    // Different members' records: these writes cannot conflict, so a few run at once.
    for (let i = 0; i < moves.length; i += PARALLEL_MOVES) {
      await Promise.all(moves.slice(i, i + PARALLEL_MOVES).map(([memberId, day]) => moveLastActiveDay(memberId, day, now)))
    }
    run.events += page.length
    run.members += byMember.size
    const last = page[page.length - 1]
    await advance(last, now)
    cursor = { _id: CURSOR_ID, at: last.at, eventId: last._id, updatedAt: now }
  }
  return run
}
