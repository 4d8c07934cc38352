import type { CheckinDoc } from './model'

/**
 * The review queue's backlog as counters (issue #17 item 5), so the queue's first page reads a few small documents
 * instead of a `$group` over every waiting check-in. A check-in is backlog while it is `pending` review and not
 * `risky` (the queue's own filter). Layout — ONE document per (period, k), camp's `queue_counters` collection:
 *
 *   qc:{periodId}:{k}  { periodId, k, ready, writes, pending, days: { [day]: n }, teams: { [teamKey]: { [day]: n } } }
 *
 * k = shardOf(checkinId) (FNV-1a of the id, mod QUEUE_SHARDS = 32): a check-in's +1 and its later −1 land in the same
 * document, and a period's concurrent check-ins spread over 32 documents, so no document is written by every check-in.
 * Why 32: transactions are snapshot-isolated, so two check-ins whose transactions overlap and hit the same shard conflict
 * and one retries. In bench/checkin-baseline (50 members of ONE period checking in, think 0–1000 ms) the check-in p95 was
 * 35 ms with 32 shards and 23 ms with 128 (2.3× the no-transaction baseline, as before the counter); 8 shards made
 * some saturated check-ins exhaust their retries (SYS.BUSY). 32 keeps a period's read one request (31 periods per
 * request), a new period's creation 32 adds and a recount's transaction 32 gets + 32 sets.
 * The period total and every team live NESTED in that one document (not one document per owner): whatever moves a
 * check-in in or out of the backlog — check-in, redo, media verdict, teacher moderation, review, return — is ONE
 * `_.inc` update of one document, in the same transaction as the check-in write. Per-owner documents would make
 * each of these two writes (9 requests for a check-in). Item 2 (distribution) fits the same way: an `owners.{id}.{day}`
 * map nested here keeps a check-in, a review and a reassignment at one update.
 *
 * `writes` counts the updates a shard took (+1 each; a step whose amounts net to zero is not written at all);
 * `ready` says the shard's sums may be read. A shard created by a write site (its update found no document) starts
 * NOT ready: the period may hold check-ins from before the counters existed. The reader recounts such a period once
 * (services/camp/queue-counters.ts): an aggregate of the backlog, then one transaction that re-reads all the shards,
 * and only if no shard's `writes` moved since before the aggregate, sets them all `ready` with the recount (in shard 0;
 * the others zero). A write that commits after that snapshot conflicts with the recount's writes (snapshot isolation)
 * and one of them is retried. Because the recount puts the whole base in shard 0, a single shard's cell can later go
 * below 0 (a review of an old check-in that hashes to k ≠ 0); the SUM over the shards is the backlog and never is.
 *
 * Keys: days are `YYYY-MM-DD`; team ids go through fieldKey (no `.` or `$` in a field name). Nested writes only
 * ever go under `days` / `teams` / `teams.{t}`, which are objects or absent, never null or scalars (issue #12).
 */
export const QUEUE_SHARDS = 32

export interface QueueCounterDoc {
  _id: string
  periodId: string
  k: number
  ready: boolean
  writes: number
  pending: number
  days: Record<string, number>
  teams: Record<string, Record<string, number>>
}

/** What the counters read of a check-in. */
export type QueueCounted = Pick<CheckinDoc, '_id' | 'periodId' | 'day' | 'teamId' | 'reviewStatus' | 'moderation'>

export interface QueueCounterStep {
  docId: string
  /** Dot path → amount for `_.inc`: `writes` plus the non-zero cells. */
  inc: Record<string, number>
  /** The document to `set` when the update found none: a not-ready shard holding just this step. */
  seed: QueueCounterDoc
}

/** The backlog of one period as a reader needs it: per day, and per team and day. */
export interface PeriodQueueCounts {
  periodId: string
  days: Record<string, number>
  teams: Record<string, Record<string, number>>
}

export const isBacklog = (c: Pick<CheckinDoc, 'reviewStatus' | 'moderation'>): boolean =>
  c.reviewStatus === 'pending' && c.moderation !== 'risky'

/** FNV-1a (32 bit) of the check-in id, modulo the shard count. */
export function shardOf(checkinId: string, shards = QUEUE_SHARDS): number {
  let h = 0x811c9dc5
  for (let i = 0; i < checkinId.length; i++) h = Math.imul(h ^ checkinId.charCodeAt(i), 0x01000193) >>> 0
  return h % shards
}

export const queueCounterId = (periodId: string, k: number): string => `qc:${periodId}:${k}`
export const queueCounterIds = (periodId: string): string[] => Array.from({ length: QUEUE_SHARDS }, (_, k) => queueCounterId(periodId, k))

/** A field name for an id: `%`, `.` and `$` escaped (a dot would be read as a path, a leading `$` as an operator). */
export const fieldKey = (id: string): string => id.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\$/g, '%24')
export const fromFieldKey = (key: string): string => key.replace(/%2E/g, '.').replace(/%24/g, '$').replace(/%25/g, '%')

export function emptyQueueCounter(periodId: string, k: number, ready = false): QueueCounterDoc {
  return { _id: queueCounterId(periodId, k), periodId, k, ready, writes: 0, pending: 0, days: {}, teams: {} }
}

/** The cells one backlog check-in counts in (a check-in without a team, null or absent, counts in no team). */
const cellPaths = (day: string, teamId: string | null | undefined): string[] => [
  'pending',
  `days.${day}`,
  ...(teamId ? [`teams.${fieldKey(teamId)}.${day}`] : []),
]

/** The shards of a period created with no check-ins: ready, zero (a check-in of it is always one update). */
export const readyQueueCounters = (periodId: string): QueueCounterDoc[] =>
  Array.from({ length: QUEUE_SHARDS }, (_, k) => emptyQueueCounter(periodId, k, true))

/**
 * The one `_.inc` that moves the counters from `before` to `after` (null = no such check-in), or null when the
 * backlog does not change (a 精选, a same-day edit of a waiting check-in, a make-up that never enters the queue).
 */
export function queueCounterStep(before: QueueCounted | null, after: QueueCounted | null): QueueCounterStep | null {
  if (before && after && (before._id !== after._id || before.periodId !== after.periodId))
    throw new Error(`queue counter step across check-ins: ${before._id} → ${after._id}`)
  const ref = after ?? before
  if (!ref) return null
  const cells: Record<string, number> = {}
  const add = (c: QueueCounted | null, sign: number) => {
    if (!c || !isBacklog(c)) return
    for (const p of cellPaths(c.day, c.teamId)) cells[p] = (cells[p] ?? 0) + sign
  }
  add(before, -1)
  add(after, 1)
  const nonZero = Object.entries(cells).filter(([, n]) => n !== 0)
  if (nonZero.length === 0) return null
  const inc = { writes: 1, ...Object.fromEntries(nonZero) }
  const k = shardOf(ref._id)
  return { docId: queueCounterId(ref.periodId, k), inc, seed: applyQueueInc(emptyQueueCounter(ref.periodId, k), inc) }
}

/** What `_.inc` on each path does to a shard (the seed, and the tests' model of the database). */
export function applyQueueInc(doc: QueueCounterDoc, inc: Readonly<Record<string, number>>): QueueCounterDoc {
  const out: QueueCounterDoc = {
    ...doc,
    days: { ...doc.days },
    teams: Object.fromEntries(Object.entries(doc.teams).map(([t, d]) => [t, { ...d }])),
  }
  for (const [path, n] of Object.entries(inc)) {
    const [field, a, b] = path.split('.')
    if (field === 'writes') out.writes += n
    else if (field === 'pending') out.pending += n
    else if (field === 'days') out.days[a] = (out.days[a] ?? 0) + n
    else if (field === 'teams') {
      const team = (out.teams[a] ??= {})
      team[b] = (team[b] ?? 0) + n
    } else throw new Error(`unknown queue counter path ${path}`)
  }
  return out
}

/** One row of the recount aggregate: backlog check-ins of a period grouped by (day, teamId). */
export interface QueueRecountGroup {
  day: string
  teamId: string | null
  count: number
}

/** The ready shards a recount sets: the whole base in shard 0, the others zero; `writes` kept as each was. */
export function recountedShards(periodId: string, groups: readonly QueueRecountGroup[], writes: readonly number[]): QueueCounterDoc[] {
  let base = emptyQueueCounter(periodId, 0, true)
  for (const g of groups) {
    if (g.count <= 0) continue
    base = applyQueueInc(base, Object.fromEntries(cellPaths(g.day, g.teamId).map((p) => [p, g.count])))
  }
  return Array.from({ length: QUEUE_SHARDS }, (_, k) => ({
    ...(k === 0 ? base : emptyQueueCounter(periodId, k, true)),
    writes: writes[k] ?? 0,
  }))
}

/**
 * The period's counts when all its shards were read and are ready, else null (recount first). Cells are summed over
 * the shards; zero cells are dropped.
 */
export function sumQueueCounters(periodId: string, shards: ReadonlyMap<string, QueueCounterDoc>): PeriodQueueCounts | null {
  const mine = queueCounterIds(periodId).map((id) => shards.get(id))
  if (mine.some((s) => !s || !s.ready)) return null
  const days: Record<string, number> = {}
  const teams: Record<string, Record<string, number>> = {}
  for (const s of mine as QueueCounterDoc[]) {
    for (const [d, n] of Object.entries(s.days ?? {})) days[d] = (days[d] ?? 0) + n
    for (const [t, byDay] of Object.entries(s.teams ?? {})) {
      const id = fromFieldKey(t)
      const team = (teams[id] ??= {})
      for (const [d, n] of Object.entries(byDay)) team[d] = (team[d] ?? 0) + n
    }
  }
  const dropZero = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, n]) => n !== 0))
  return {
    periodId,
    days: dropZero(days),
    teams: Object.fromEntries(
      Object.entries(teams)
        .map(([t, m]) => [t, dropZero(m)] as const)
        .filter(([, m]) => Object.keys(m).length > 0),
    ),
  }
}

/** The counts a recount's groups amount to (the answer of the read that recounted). */
export function countsOfGroups(periodId: string, groups: readonly QueueRecountGroup[]): PeriodQueueCounts {
  const shards = recountedShards(periodId, groups, [])
  return sumQueueCounters(periodId, new Map(shards.map((s) => [s._id, s]))) as PeriodQueueCounts
}

/** A reader's backlog of the period by day: the whole period (teams null) or the sum of its teams. */
export function backlogDays(counts: PeriodQueueCounts, teams: readonly string[] | null): { day: string; count: number }[] {
  const m: Record<string, number> = {}
  const sources = teams === null ? [counts.days] : teams.map((t) => counts.teams[t] ?? {})
  for (const src of sources) for (const [d, n] of Object.entries(src)) m[d] = (m[d] ?? 0) + n
  return Object.entries(m)
    .filter(([, n]) => n > 0)
    .map(([day, count]) => ({ day, count }))
}
