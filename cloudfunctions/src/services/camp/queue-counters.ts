/**
 * The review queue's backlog counters (domain/camp/queue-counters.ts for the layout and why): camp owns them because
 * every write that moves the backlog is a check-in write, and review already depends on camp.
 *
 * Writes: `bumpQueueCountersInTx(tx, before, after)` in the transaction of a write to an EXISTING check-in, exactly
 * once with it — ONE `_.inc` update of one shard, or nothing when the backlog does not move. A shard's first write
 * finds no document (updated 0) and `set`s the seed, which holds its increment; a concurrent first write conflicts on
 * that document and withTransaction retries it (the pattern of services/review/stats-counter.ts). A check-in's insert
 * writes no counter: its creation is counted from the document (`queuedAt`, domain "Creations").
 *
 * Reads: `queueCountsOf(periodIds)` reads each period's base and shards by `_id` (QUEUE_SHARDS + 1 ids a period, one
 * request per 15 periods) and the creations from each base's foldedUntil on (one `$group` request per 50 periods).
 * A period without its base (check-ins from before the counters) is recounted once, safely:
 *   1. the shards and the creations as that read found them (v0);
 *   2. its backlog counted by (day, team, assignee): one `$group` page per BACKLOG_PAGE groups;
 *   3. its shards and creations read again (v1); when no shard's `writes` moved and no creation came since v0, `add`
 *      base = count − Σ v0 shards − v0 creations, foldedUntil 0 (a duplicate means another read added it first).
 * A write that commits before v0 is in the count and in v0; one that commits between v0 and v1 moves `writes` or
 * adds a creation (the recount gives up and answers its count; the next read tries again); one that commits after v1
 * is in neither, only in its shard or its creation. The read that recounted answers its count.
 *
 * Folds: `foldQueueCreations(periodIds, now)` (the review function's minute timer) moves, per period every
 * FOLD_EVERY_MS, the creations older than TAIL_MARGIN_MS into its base: one `$group` of [foldedUntil, horizon), then
 * one transaction (base get, base `_.inc` + foldedUntil) that gives up if another fold moved foldedUntil first.
 */
import {
  BASE_K,
  countsOfGroups,
  foldHorizon,
  foldInc,
  foldedUntilOf,
  sameCreations,
  queueCounterId,
  queueCounterIds,
  queueCounterStep,
  queueShardIds,
  recountedBase,
  sumQueueCounters,
  type PeriodQueueCounts,
  type QueueCounted,
  type QueueCounterDoc,
  type QueueCreationGroup,
  type QueueRecountGroup,
} from '../../domain/camp'
import { isDuplicateKey, TxAbort, withoutId, withTransaction, type Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { updatedCount } from '../points/ledger'
import { CHECKINS, QUEUE_COUNTERS, repo } from './store'

/** Groups per recount request: an aggregate without a limit stage answers 20 rows in a cloud function (platform-facts). */
export const BACKLOG_PAGE = 1000
/** Periods per creations `$group` (one `$or` branch each): an operator's many periods take a few requests, in parallel. */
const OR_CLAUSES = 50

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
  if (unique.length === 0) return new Map()
  const shards = await repo.byIds(QUEUE_COUNTERS, unique.flatMap(queueCounterIds))
  const froms = new Map(unique.map((p) => [p, foldedUntilOfPeriod(shards, p)]))
  const created = await creationGroups(froms, null, pageSize)
  const counts = await Promise.all(
    unique.map((p) => {
      const creations = created.get(p) ?? []
      return sumQueueCounters(p, shards, creations) ?? recount(p, shards, creations, pageSize, hooks)
    }),
  )
  return new Map(counts.map((c) => [c.periodId, c]))
}

/**
 * The folded counts only (base + shards, no `$group`, never a recount; periods without their base are left out): one
 * request. What the dealer needs — every teacher's load (deals and reviews are shard writes) — without the newest
 * creations, which are all in the pool.
 */
export async function countedQueueCountsOf(periodIds: readonly string[]): Promise<Map<string, PeriodQueueCounts>> {
  const unique = [...new Set(periodIds)]
  const shards = await repo.byIds(QUEUE_COUNTERS, unique.flatMap(queueCounterIds))
  return new Map(unique.flatMap((p) => sumQueueCounters(p, shards) ?? []).map((c) => [c.periodId, c]))
}

type Grouped<K> = { _id: K; count: number }

/** A period's check-ins matching `match`, grouped by `by` and counted, page by page (explicit limit: issue #12 item 3). */
async function groupPages<K>(match: object, by: Record<string, string>, pageSize: number): Promise<Grouped<K>[]> {
  const _ = command()
  const sort = Object.fromEntries(Object.keys(by).map((k) => [`_id.${k}`, 1]))
  const out: Grouped<K>[] = []
  for (let skip = 0; ; skip += pageSize) {
    const res = await repo
      .col(CHECKINS)
      .aggregate()
      .match(match)
      .group({ _id: by, count: _.aggregate.sum(1) })
      .sort(sort)
      .skip(skip)
      .limit(pageSize)
      .end<Grouped<K>>()
    out.push(...res.list)
    if (res.list.length < pageSize) return out
  }
}

/** Backlog check-ins of the period grouped by (day, team, assignee), page by page. */
async function backlogGroups(periodId: string, pageSize: number): Promise<QueueRecountGroup[]> {
  const _ = command()
  const match = { periodId, reviewStatus: 'pending', moderation: _.neq('risky') }
  const by = { day: '$day', teamId: '$teamId', assigneeId: '$assigneeId' }
  const groups = await groupPages<{ day: string; teamId?: string | null; assigneeId?: string | null }>(match, by, pageSize)
  return groups.map((g) => ({ day: g._id.day, teamId: g._id.teamId ?? null, assigneeId: g._id.assigneeId ?? null, count: g.count }))
}

const foldedUntilOfPeriod = (docs: ReadonlyMap<string, QueueCounterDoc>, periodId: string): number => {
  const base = docs.get(queueCounterId(periodId, BASE_K))
  return base ? foldedUntilOf(base) : 0
}

/**
 * Each period's creations (check-ins by queuedAt) from its `from` on, before `until` (null: no end), by (day, team):
 * ONE `$group` per OR_CLAUSES periods (an `$or` of one (periodId, queuedAt) range each, index period_queued). A `match`
 * stage takes the ordinary query operators, `_.or` / `_.gte` / `_.lt` among them (WeChat's Aggregate.match reference:
 * "查询条件与普通查询一致，可以用普通查询操作符").
 */
async function creationGroups(
  froms: ReadonlyMap<string, number>,
  until: number | null,
  pageSize = BACKLOG_PAGE,
): Promise<Map<string, QueueCreationGroup[]>> {
  const _ = command()
  const range = (from: number) => (until === null ? _.gte(from) : _.and(_.gte(from), _.lt(until)))
  const clauses = [...froms].map(([periodId, from]) => ({ periodId, queuedAt: range(from) }))
  const by = { periodId: '$periodId', day: '$day', teamId: '$teamId' }
  const chunks = Array.from({ length: Math.ceil(clauses.length / OR_CLAUSES) }, (_c, i) =>
    clauses.slice(i * OR_CLAUSES, (i + 1) * OR_CLAUSES),
  )
  const pages = await Promise.all(
    chunks.map((c) => groupPages<{ periodId: string; day: string; teamId?: string | null }>(c.length === 1 ? c[0] : _.or(c), by, pageSize)),
  )
  const groups = pages.flat()
  const out = new Map<string, QueueCreationGroup[]>()
  for (const g of groups) {
    const list = out.get(g._id.periodId) ?? []
    list.push({ day: g._id.day, teamId: g._id.teamId ?? null, count: g.count })
    out.set(g._id.periodId, list)
  }
  return out
}

async function recount(
  periodId: string,
  v0: ReadonlyMap<string, QueueCounterDoc>,
  created0: readonly QueueCreationGroup[],
  pageSize: number,
  hooks: RecountHooks,
): Promise<PeriodQueueCounts> {
  const groups = await backlogGroups(periodId, pageSize)
  await hooks.afterCount?.()
  const [v1, created] = await Promise.all([
    repo.byIds(QUEUE_COUNTERS, queueCounterIds(periodId)),
    creationGroups(new Map([[periodId, 0]]), null, pageSize),
  ])
  const moved = queueShardIds(periodId).some((id) => (v0.get(id)?.writes ?? 0) !== (v1.get(id)?.writes ?? 0))
  if (!moved && sameCreations(created0, created.get(periodId) ?? []) && !v1.has(queueCounterId(periodId, BASE_K))) {
    const base = recountedBase(
      periodId,
      groups,
      queueShardIds(periodId).flatMap((id) => v0.get(id) ?? []),
      created0,
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

/**
 * The timer's fold (see the header): for each period whose base is due, its creations older than the margin move into
 * the base. Answers how many periods were folded. A fold that finds foldedUntil moved (another timer) changes nothing.
 */
export async function foldQueueCreations(periodIds: readonly string[], now: number): Promise<number> {
  const unique = [...new Set(periodIds)]
  const bases = await repo.byIds(
    QUEUE_COUNTERS,
    unique.map((p) => queueCounterId(p, BASE_K)),
  )
  let folded = 0
  for (const base of bases.values()) {
    const until = foldHorizon(base, now)
    if (until === null) continue
    const from = foldedUntilOf(base)
    const groups = (await creationGroups(new Map([[base.periodId, from]]), until)).get(base.periodId) ?? []
    const done = await withTransaction<boolean>(async (tx) => {
      const fresh = await repo.getIn(tx, QUEUE_COUNTERS, base._id)
      if (!fresh || foldedUntilOf(fresh) !== from) throw new TxAbort(false)
      const _ = command()
      const inc = Object.fromEntries(Object.entries(foldInc(groups)).map(([path, n]) => [path, _.inc(n)]))
      await repo
        .inTx(tx, QUEUE_COUNTERS)
        .doc(base._id)
        .update({ data: { ...inc, foldedUntil: until } })
      return true
    })
    if (done) folded++
  }
  return folded
}
