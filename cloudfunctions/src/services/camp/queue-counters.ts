/**
 * The review queue's backlog counters (domain/camp/queue-counters.ts for the layout and why): camp owns them because
 * every write that moves the backlog is a check-in write, and review already depends on camp.
 *
 * Writes: `bumpQueueCountersInTx(tx, before, after)` in the transaction of the check-in write, exactly once with it —
 * ONE `_.inc` update of one shard, or nothing when the backlog does not move. The first write to a shard finds no
 * document (updated 0) and `set`s the seed, which holds its increment; a concurrent first write conflicts on that
 * document and withTransaction retries it (the pattern of services/review/stats-counter.ts).
 *
 * Reads: `queueCountsOf(periodIds)` reads the QUEUE_SHARDS (32) shards of each period by `_id` (one request per 31 periods). A
 * period whose shards are missing or not ready (check-ins from before the counters, or a period's first check-ins)
 * is recounted once, safely:
 *   1. create its missing shards (plain `add`, not ready, zero; a duplicate means a write site created it first),
 *      and read their `writes` numbers (v0);
 *   2. count its backlog by (day, team): one `$group` page per BACKLOG_PAGE groups;
 *   3. one transaction: get the shards; when none took a write since v0, set them all ready with the recount.
 * A check-in that commits before step 1's read is in the recount and in v0; one that commits between that read and
 * the transaction's snapshot moves `writes` (the recount gives up and answers its count; the next read tries again);
 * one that commits later conflicts with the transaction's writes (snapshot isolation), so either it is retried on top
 * of the ready shards or the recount fails and is tried again. The read that recounted answers the recount itself.
 */
import {
  countsOfGroups,
  emptyQueueCounter,
  queueCounterIds,
  queueCounterStep,
  recountedShards,
  sumQueueCounters,
  type PeriodQueueCounts,
  type QueueCounted,
  type QueueCounterDoc,
  type QueueRecountGroup,
} from '../../domain/camp'
import { isDuplicateKey, TxAbort, TxConflict, withoutId, withTransaction, type Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { updatedCount } from '../points/ledger'
import { CHECKINS, QUEUE_COUNTERS, repo } from './store'

/** Groups per recount request: an aggregate without a limit stage answers 20 rows in a cloud function (platform-facts). */
export const BACKLOG_PAGE = 1000
/** Transaction attempts of one recount (a busy period gives up quickly and is recounted on a later read). */
const RECOUNT_ATTEMPTS = 3

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

/** A recount's step between its count and its transaction (tests make a write land there). */
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
      .group({ _id: { day: '$day', teamId: '$teamId' }, count: _.aggregate.sum(1) })
      .sort({ '_id.day': 1, '_id.teamId': 1 })
      .skip(skip)
      .limit(pageSize)
      .end<{ _id: { day: string; teamId?: string | null }; count: number }>()
    groups.push(...res.list.map((g) => ({ day: g._id.day, teamId: g._id.teamId ?? null, count: g.count })))
    if (res.list.length < pageSize) return groups
  }
}

async function recount(
  periodId: string,
  known: ReadonlyMap<string, QueueCounterDoc>,
  pageSize: number,
  hooks: RecountHooks,
): Promise<PeriodQueueCounts> {
  const ids = queueCounterIds(periodId)
  const missing = ids.map((id, k) => [id, k] as const).filter(([id]) => !known.has(id))
  await Promise.all(
    missing.map(([, k]) =>
      repo
        .col(QUEUE_COUNTERS)
        .add({ data: emptyQueueCounter(periodId, k) })
        .catch((err: unknown) => {
          if (!isDuplicateKey(err)) throw err
        }),
    ),
  )
  const before = missing.length > 0 ? await repo.byIds(QUEUE_COUNTERS, ids) : known
  const v0 = ids.map((id) => before.get(id)?.writes ?? -1)
  const groups = await backlogGroups(periodId, pageSize)
  await hooks.afterCount?.()
  try {
    await withTransaction(async (tx) => {
      const now = await Promise.all(ids.map((id) => repo.getIn(tx, QUEUE_COUNTERS, id)))
      if (now.every((s) => s?.ready)) return
      if (now.some((s, k) => !s || s.writes !== v0[k])) throw new TxAbort('moved')
      for (const shard of recountedShards(periodId, groups, v0))
        await repo
          .inTx(tx, QUEUE_COUNTERS)
          .doc(shard._id)
          .set({ data: withoutId(shard) })
    }, RECOUNT_ATTEMPTS)
  } catch (err) {
    // A busy period: its count stands for this read; a later read recounts.
    if (!(err instanceof TxConflict)) throw err
  }
  return countsOfGroups(periodId, groups)
}
