/**
 * The review queue's backlog counters (domain/camp/queue-counters.ts for the layout and why): camp owns them because
 * every write that moves the backlog is a check-in write, and review already depends on camp.
 *
 * Writes: `bumpQueueCountersInTx(tx, before, after)` in the transaction of the check-in write, exactly once with it —
 * ONE `_.inc` update of one shard, or nothing when the backlog does not move. A shard's first write finds no document
 * (updated 0) and `set`s the seed, which holds its increment; a concurrent first write conflicts on that document and
 * withTransaction retries it (the pattern of services/review/stats-counter.ts).
 *
 * Reads: `queueCountsOf(periodIds)` reads each period's base and shards by `_id` (QUEUE_SHARDS + 1 ids a period, one
 * request per 15 periods). A period without its base (check-ins from before the counters) is recounted once, safely:
 *   1. the shards as that read found them (v0);
 *   2. its backlog counted by (day, team, assignee): one `$group` page per BACKLOG_PAGE groups;
 *   3. its shards read again (v1); when no shard's `writes` moved since v0, `add` base = count − Σ v0 (a duplicate
 *      means another read added it first).
 * A check-in that commits before v0 is in the count and in v0; one that commits between v0 and v1 moves `writes`
 * (the recount gives up and answers its count; the next read tries again); one that commits after v1 is in neither,
 * only in its shard. The read that recounted answers its count.
 */
import {
  BASE_K,
  countsOfGroups,
  queueCounterId,
  queueCounterIds,
  queueCounterStep,
  queueShardIds,
  recountedBase,
  sumQueueCounters,
  type PeriodQueueCounts,
  type QueueCounted,
  type QueueCounterDoc,
  type QueueRecountGroup,
} from '../../domain/camp'
import { isDuplicateKey, withoutId, type Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { updatedCount } from '../points/ledger'
import { CHECKINS, QUEUE_COUNTERS, repo } from './store'

/** Groups per recount request: an aggregate without a limit stage answers 20 rows in a cloud function (platform-facts). */
export const BACKLOG_PAGE = 1000

/** Moves the backlog counters from `before` to `after` inside `tx` (null = no such check-in): 0, 1 or (first write) 2 requests. */
export async function bumpQueueCountersInTx(tx: Tx, before: QueueCounted | null, after: QueueCounted | null): Promise<void> {
  const step = queueCounterStep(before, after)
  if (!step) return
  const _ = command()
  const data = Object.fromEntries(Object.entries(step.inc).map(([path, n]) => [path, _.inc(n)]))
  const doc = repo.inTx(tx, QUEUE_COUNTERS).doc(step.docId)
  if (updatedCount(await doc.update({ data })) === 1) return
  await doc.set({ data: withoutId(step.seed) })
}

/** A recount's step between its count and its second read of the shards (tests make a write land there). */
export interface RecountHooks {
  afterCount?: () => Promise<void>
}

/** The backlog of each period (pending, not risky check-ins) by day and by team and day. */
export async function queueCountsOf(
  periodIds: readonly string[],
  pageSize = BACKLOG_PAGE,
  hooks: RecountHooks = {},
): Promise<Map<string, PeriodQueueCounts>> {
  const unique = [...new Set(periodIds)]
  const shards = await repo.byIds(QUEUE_COUNTERS, unique.flatMap(queueCounterIds))
  const counts = await Promise.all(unique.map((p) => sumQueueCounters(p, shards) ?? recount(p, shards, pageSize, hooks)))
  return new Map(counts.map((c) => [c.periodId, c]))
}

/** Like queueCountsOf, without recounting: periods without their base are left out (one request, never a scan). */
export async function countedQueueCountsOf(periodIds: readonly string[]): Promise<Map<string, PeriodQueueCounts>> {
  const unique = [...new Set(periodIds)]
  const shards = await repo.byIds(QUEUE_COUNTERS, unique.flatMap(queueCounterIds))
  return new Map(unique.flatMap((p) => sumQueueCounters(p, shards) ?? []).map((c) => [c.periodId, c]))
}

/** Backlog check-ins of the period grouped by (day, team), page by page. */
async function backlogGroups(periodId: string, pageSize: number): Promise<QueueRecountGroup[]> {
  const _ = command()
  const match = { periodId, reviewStatus: 'pending', moderation: _.neq('risky') }
  const groups: QueueRecountGroup[] = []
  for (let skip = 0; ; skip += pageSize) {
    const res = await repo
      .col(CHECKINS)
      .aggregate()
      .match(match)
      .group({ _id: { day: '$day', teamId: '$teamId', assigneeId: '$assigneeId' }, count: _.aggregate.sum(1) })
      .sort({ '_id.day': 1, '_id.teamId': 1, '_id.assigneeId': 1 })
      .skip(skip)
      .limit(pageSize)
      .end<{ _id: { day: string; teamId?: string | null; assigneeId?: string | null }; count: number }>()
    groups.push(
      ...res.list.map((g) => ({ day: g._id.day, teamId: g._id.teamId ?? null, assigneeId: g._id.assigneeId ?? null, count: g.count })),
    )
    if (res.list.length < pageSize) return groups
  }
}

async function recount(
  periodId: string,
  v0: ReadonlyMap<string, QueueCounterDoc>,
  pageSize: number,
  hooks: RecountHooks,
): Promise<PeriodQueueCounts> {
  const groups = await backlogGroups(periodId, pageSize)
  await hooks.afterCount?.()
  const v1 = await repo.byIds(QUEUE_COUNTERS, queueCounterIds(periodId))
  const moved = queueShardIds(periodId).some((id) => (v0.get(id)?.writes ?? 0) !== (v1.get(id)?.writes ?? 0))
  if (!moved && !v1.has(queueCounterId(periodId, BASE_K))) {
    const base = recountedBase(
      periodId,
      groups,
      queueShardIds(periodId).flatMap((id) => v0.get(id) ?? []),
    )
    await repo
      .col(QUEUE_COUNTERS)
      .add({ data: base })
      .catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err
      })
  }
  return countsOfGroups(periodId, groups)
}
