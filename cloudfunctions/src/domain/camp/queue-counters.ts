import type { CheckinDoc } from './model'

/**
 * The review queue's backlog as counters (issue #17 item 5), so the queue's first page reads a few small documents
 * instead of a `$group` over every waiting check-in. A check-in is backlog while it is `pending` review and not
 * `risky` (the queue's own filter). Layout — camp's `queue_counters` collection, per period:
 *
 *   qc:{periodId}:{k}     a shard, k = 0 … QUEUE_SHARDS − 1   { periodId, k, writes, pending, days: { [day]: n }, teams: { [teamKey]: { [day]: n } } }
 *   qc:{periodId}:base    the base (k = −1), same cells       made at the period's creation (zero) or by a recount; folds add to it
 *
 * The backlog is base + Σ shards + the creations not folded yet, cell by cell; a period without its base is not counted
 * yet (the reader recounts it). k = shardOf(checkinId) (FNV-1a of the id): all later moves of one check-in land in the
 * same shard, and a period's check-ins spread over QUEUE_SHARDS documents, so no document is written by every write. The total and
 * every team live NESTED in the one shard (not one document per owner): whatever moves an existing check-in in or out
 * of the backlog — redo, media verdict, teacher moderation, review, return — is ONE `_.inc` update of one document,
 * in the same transaction as the check-in write (per-owner documents would make each of these two writes; the insert
 * itself writes none, see "Creations" below). Item 2
 * (distribution) fits the same way: the `owners.{fieldKey(teacherId)}.{day}` map nested here (a check-in with an
 * `assigneeId` counts in its teacher's cell too) keeps a deal, a review and a reassignment at one update; the pool
 * (waiting items nobody holds) is the total minus the owners.
 *
 * Why 64 shards: transactions are snapshot-isolated, so two check-ins of one period whose transactions overlap and hit
 * the same shard conflict and one retries. In bench/checkin-baseline (50 members of ONE period, think 0–1000 ms) the
 * check-in p95 was 35 ms with 32 shards and 23 ms with 128; 8 shards made some saturated check-ins exhaust their
 * retries. Shards are created by their first write (update finds nothing → `set` the seed: one request more, once per
 * shard), so a shard costs nothing until used, and a period's read is one `_id` request of QUEUE_SHARDS + 1 ids.
 *
 * `writes` counts the updates a shard took (+1 each; a step whose amounts net to zero is not written at all): a
 * recount (services/camp/queue-counters.ts) reads the shards (v0), counts the backlog, reads them again (v1) and, only
 * if no shard's `writes` moved in between, adds base = count − Σ shards(v0). A write that commits after v1 is neither in
 * the count nor in v0, only in its shard: counted once. The base may hold negative cells (increments from before the
 * recount that the count already holds); the sum never is negative.
 *
 * Creations (issue #12 item 9: a check-in in 7 requests): a check-in's transaction writes NO counter. Its insert marks
 * it `queuedAt` (= submittedAt, immutable; markQueued) when it enters the backlog, and that creation — +1 in the pool's
 * cells of its (day, team): a new check-in is never dealt yet — is counted from the check-in documents themselves:
 * the base carries `foldedUntil` (creations with queuedAt < foldedUntil are in its cells; absent = 0), and a reader
 * adds the creations from foldedUntil on with ONE bounded `$group` (day, team) of the check-ins (index
 * period_queued). Everything AFTER the creation — a deal, a review, a redo, a verdict — stays one shard `_.inc` in its
 * own transaction, from the document's state before to after, so a reviewed check-in not folded yet nets to zero
 * (creation +1, review −1). The review function's minute timer folds (foldHorizon, foldInc): every FOLD_EVERY_MS it adds the
 * creations of [foldedUntil, now − TAIL_MARGIN_MS) to the base and moves foldedUntil, in one transaction guarded by
 * foldedUntil itself. TAIL_MARGIN_MS exceeds any function's run (camp's timeout is 60 s, CloudBase allows 900 s;
 * a transaction expires after about 30 s), so no check-in stamped before the horizon can still commit after a fold:
 * the readers' `$group` covers at most the last ~25 minutes of one period. A recount (no base) compares the
 * creations too: any check-in that commits between its reads adds one and gives the recount up.
 *
 * Keys: days are `YYYY-MM-DD`; team ids go through fieldKey (no `.` or `$` in a field name). Nested writes only
 * ever go under `days` / `teams` / `teams.{t}`, which are objects or absent, never null or scalars (issue #12).
 */
export const QUEUE_SHARDS = 64
/** The base document's `k`. */
export const BASE_K = -1
/** Creations younger than this are never folded: longer than any function runs, so none can still commit behind a fold. */
export const TAIL_MARGIN_MS = 15 * 60_000
/** How often the timer folds a period's creations into its base (the readers' `$group` covers ≤ margin + this). */
export const FOLD_EVERY_MS = 10 * 60_000

export interface QueueCounterDoc {
  _id: string
  periodId: string
  /** 0 … QUEUE_SHARDS − 1 for a shard, BASE_K for the base. */
  k: number
  writes: number
  pending: number
  days: Record<string, number>
  teams: Record<string, Record<string, number>>
  /** Per teacher the item is dealt to (issue #17 item 2), fieldKey(teacherId) → day → n; absent on older documents. */
  owners?: Record<string, Record<string, number>>
  /** Base only: check-in creations with `queuedAt` before this are in its cells (absent = 0: none folded yet). */
  foldedUntil?: number
}

/** Check-ins of a period created (queuedAt) in a range, grouped: each one +1 in the pool's cells of its day and team. */
export interface QueueCreationGroup {
  day: string
  teamId: string | null
  count: number
}

/** What the counters read of a check-in (`assigneeId` absent or null: in the period's pool, counted in no owner). */
export type QueueCounted = Pick<CheckinDoc, '_id' | 'periodId' | 'day' | 'teamId' | 'reviewStatus' | 'moderation'> & {
  assigneeId?: string | null
}

export interface QueueCounterStep {
  docId: string
  /** Dot path → amount for `_.inc`: `writes` plus the non-zero cells. */
  inc: Record<string, number>
  /** The document to `set` when the update found none (the shard's first write): a shard holding just this step. */
  seed: QueueCounterDoc
}

/** The backlog of one period as a reader needs it: per day, and per team and day. */
export interface PeriodQueueCounts {
  periodId: string
  days: Record<string, number>
  teams: Record<string, Record<string, number>>
  /** Per teacher (real ids): their dealt backlog by day. Pool = the period's total − Σ owners. */
  owners: Record<string, Record<string, number>>
}

export const isBacklog = (c: Pick<CheckinDoc, 'reviewStatus' | 'moderation'>): boolean =>
  c.reviewStatus === 'pending' && c.moderation !== 'risky'

/** A check-in about to be inserted, stamped `queuedAt` when it enters the backlog with its insert (see "Creations"). */
export function markQueued<T extends Pick<CheckinDoc, 'reviewStatus' | 'moderation' | 'submittedAt' | 'assigneeId'>>(
  c: T,
): T & { queuedAt?: number } {
  if (!isBacklog(c)) return c
  if (c.assigneeId) throw new Error('a check-in is inserted into the pool, never dealt')
  return { ...c, queuedAt: c.submittedAt }
}

/** Where a base's creations stop (absent: none folded). */
export const foldedUntilOf = (base: Pick<QueueCounterDoc, 'foldedUntil'>): number => base.foldedUntil ?? 0

/** The horizon a fold at `now` moves the base to, or null when the base was folded recently enough. */
export function foldHorizon(base: Pick<QueueCounterDoc, 'foldedUntil'>, now: number): number | null {
  const until = now - TAIL_MARGIN_MS
  return until - foldedUntilOf(base) >= FOLD_EVERY_MS ? until : null
}

/** FNV-1a (32 bit) of the check-in id, modulo the shard count. */
export function shardOf(checkinId: string, shards = QUEUE_SHARDS): number {
  let h = 0x811c9dc5
  for (let i = 0; i < checkinId.length; i++) h = Math.imul(h ^ checkinId.charCodeAt(i), 0x01000193) >>> 0
  return h % shards
}

export const queueCounterId = (periodId: string, k: number): string => (k === BASE_K ? `qc:${periodId}:base` : `qc:${periodId}:${k}`)
export const queueShardIds = (periodId: string): string[] => Array.from({ length: QUEUE_SHARDS }, (_, k) => queueCounterId(periodId, k))
/** Everything a period's count reads: its base and its shards. */
export const queueCounterIds = (periodId: string): string[] => [queueCounterId(periodId, BASE_K), ...queueShardIds(periodId)]

/** A field name for an id: `%`, `.` and `$` escaped (a dot would be read as a path, a leading `$` as an operator). */
export const fieldKey = (id: string): string => id.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\$/g, '%24')
export const fromFieldKey = (key: string): string => key.replace(/%2E/g, '.').replace(/%24/g, '$').replace(/%25/g, '%')

export function emptyQueueCounter(periodId: string, k: number): QueueCounterDoc {
  return { _id: queueCounterId(periodId, k), periodId, k, writes: 0, pending: 0, days: {}, teams: {}, owners: {} }
}

/** The base of a period created with no check-ins: zero, so it is counted from its first check-in on. */
export const newPeriodQueueBase = (periodId: string): QueueCounterDoc => emptyQueueCounter(periodId, BASE_K)

/** The cells one backlog check-in counts in (a check-in without a team, null or absent, counts in no team). */
const cellPaths = (day: string, teamId: string | null | undefined, assigneeId?: string | null): string[] => [
  'pending',
  `days.${day}`,
  ...(teamId ? [`teams.${fieldKey(teamId)}.${day}`] : []),
  ...(assigneeId ? [`owners.${fieldKey(assigneeId)}.${day}`] : []),
]

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
    for (const p of cellPaths(c.day, c.teamId, c.assigneeId)) cells[p] = (cells[p] ?? 0) + sign
  }
  add(before, -1)
  add(after, 1)
  const nonZero = Object.entries(cells).filter(([, n]) => n !== 0)
  if (nonZero.length === 0) return null
  const inc = { writes: 1, ...Object.fromEntries(nonZero) }
  const k = shardOf(ref._id)
  return { docId: queueCounterId(ref.periodId, k), inc, seed: applyQueueInc(emptyQueueCounter(ref.periodId, k), inc) }
}

/** What `_.inc` on each path does to a counter document (the seed, and the tests' model of the database). */
export function applyQueueInc(doc: QueueCounterDoc, inc: Readonly<Record<string, number>>): QueueCounterDoc {
  const out: QueueCounterDoc = {
    ...doc,
    days: { ...doc.days },
    teams: Object.fromEntries(Object.entries(doc.teams).map(([t, d]) => [t, { ...d }])),
    owners: Object.fromEntries(Object.entries(doc.owners ?? {}).map(([t, d]) => [t, { ...d }])),
  }
  for (const [path, n] of Object.entries(inc)) {
    const [field, a, b] = path.split('.')
    if (field === 'writes') out.writes += n
    else if (field === 'pending') out.pending += n
    else if (field === 'days') out.days[a] = (out.days[a] ?? 0) + n
    else if (field === 'teams') {
      const team = (out.teams[a] ??= {})
      team[b] = (team[b] ?? 0) + n
    } else if (field === 'owners') {
      const owner = ((out.owners ??= {})[a] ??= {})
      owner[b] = (owner[b] ?? 0) + n
    } else throw new Error(`unknown queue counter path ${path}`)
  }
  return out
}

/** One row of the recount aggregate: backlog check-ins of a period grouped by (day, teamId, assigneeId). */
export interface QueueRecountGroup {
  day: string
  teamId: string | null
  /** null or absent: in the pool. */
  assigneeId?: string | null
  count: number
}

/** Adds (sign 1) or takes away (sign −1) `doc`'s cells from `into`. */
function addCells(
  into: QueueCounterDoc,
  doc: Pick<QueueCounterDoc, 'pending' | 'days' | 'teams' | 'owners'>,
  sign: number,
): QueueCounterDoc {
  const inc: Record<string, number> = { pending: sign * doc.pending }
  for (const [d, n] of Object.entries(doc.days ?? {})) inc[`days.${d}`] = sign * n
  for (const [t, byDay] of Object.entries(doc.teams ?? {})) for (const [d, n] of Object.entries(byDay)) inc[`teams.${t}.${d}`] = sign * n
  for (const [o, byDay] of Object.entries(doc.owners ?? {})) for (const [d, n] of Object.entries(byDay)) inc[`owners.${o}.${d}`] = sign * n
  return applyQueueInc(into, inc)
}

/** The base a recount adds: its count minus what the shards held when it started (v0), so base + shards = the count. */
export function recountedBase(
  periodId: string,
  groups: readonly QueueRecountGroup[],
  shardsAtStart: Iterable<QueueCounterDoc>,
  creationsAtStart: readonly QueueCreationGroup[] = [],
): QueueCounterDoc {
  let base = addGroups(emptyQueueCounter(periodId, BASE_K), groups, 1)
  for (const s of shardsAtStart) if (s.k !== BASE_K) base = addCells(base, s, -1)
  // foldedUntil 0: the readers add every creation, so the base must not hold the ones the count saw.
  return addGroups(base, creationsAtStart, -1)
}

/** `sign` × each group's count on each of its cells, as `_.inc` paths (a creation group counts in no owner). */
function groupsInc(groups: readonly (QueueRecountGroup | QueueCreationGroup)[], sign: number): Record<string, number> {
  const inc: Record<string, number> = {}
  for (const g of groups)
    if (g.count !== 0)
      for (const p of cellPaths(g.day, g.teamId, 'assigneeId' in g ? g.assigneeId : null)) inc[p] = (inc[p] ?? 0) + sign * g.count
  return inc
}

/** Adds `sign` × each group's count to its cells. */
const addGroups = (into: QueueCounterDoc, groups: readonly (QueueRecountGroup | QueueCreationGroup)[], sign: number): QueueCounterDoc =>
  applyQueueInc(into, groupsInc(groups, sign))

/** The `_.inc` paths a fold adds to the base: the creations it folds (no `writes`: the base is not a shard). */
export const foldInc = (groups: readonly QueueCreationGroup[]): Record<string, number> => groupsInc(groups, 1)

/** Two reads of the same creations agree (a recount's check that no check-in committed in between). */
export function sameCreations(a: readonly QueueCreationGroup[], b: readonly QueueCreationGroup[]): boolean {
  const key = (gs: readonly QueueCreationGroup[]) =>
    JSON.stringify(
      gs
        .filter((g) => g.count !== 0)
        .map((g) => [g.day, g.teamId ?? '', g.count])
        .sort(),
    )
  return key(a) === key(b)
}

/**
 * The period's counts (base + its shards, cell by cell, zero cells dropped) from whatever of its documents were read,
 * or null when its base is missing (not counted yet: recount first). Missing shards count zero.
 */
export function sumQueueCounters(
  periodId: string,
  docs: ReadonlyMap<string, QueueCounterDoc>,
  creations: readonly QueueCreationGroup[] = [],
): PeriodQueueCounts | null {
  const base = docs.get(queueCounterId(periodId, BASE_K))
  if (!base) return null
  let total = addGroups(emptyQueueCounter(periodId, BASE_K), creations, 1)
  for (const doc of [base, ...queueShardIds(periodId).flatMap((id) => docs.get(id) ?? [])]) total = addCells(total, doc, 1)
  const dropZero = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, n]) => n !== 0))
  const nested = (m: Record<string, Record<string, number>>) =>
    Object.fromEntries(
      Object.entries(m)
        .map(([t, byDay]) => [fromFieldKey(t), dropZero(byDay)] as const)
        .filter(([, byDay]) => Object.keys(byDay).length > 0),
    )
  return { periodId, days: dropZero(total.days), teams: nested(total.teams), owners: nested(total.owners ?? {}) }
}

/** The counts a recount's groups amount to (the answer of the read that recounted). */
export function countsOfGroups(periodId: string, groups: readonly QueueRecountGroup[]): PeriodQueueCounts {
  const base = recountedBase(periodId, groups, [])
  return sumQueueCounters(periodId, new Map([[base._id, base]])) as PeriodQueueCounts
}

/** The backlog of each teacher holding dealt items (total over days), and the pool (the period's items nobody holds). */
export function ownerLoads(counts: PeriodQueueCounts): { owners: Record<string, number>; pool: number } {
  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0)
  const owners = Object.fromEntries(Object.entries(counts.owners).map(([o, byDay]) => [o, sum(byDay)]))
  return { owners, pool: sum(counts.days) - sum(owners) }
}

/**
 * A reader's backlog of the period by day: the whole period (teams null) or the sum of its teams; `owner` = one
 * teacher's personal queue (the items dealt to them).
 */
export function backlogDays(counts: PeriodQueueCounts, teams: readonly string[] | null, owner?: string): { day: string; count: number }[] {
  const m: Record<string, number> = {}
  const sources =
    owner !== undefined ? [counts.owners[owner] ?? {}] : teams === null ? [counts.days] : teams.map((t) => counts.teams[t] ?? {})
  for (const src of sources) for (const [d, n] of Object.entries(src)) m[d] = (m[d] ?? 0) + n
  return Object.entries(m)
    .filter(([, n]) => n > 0)
    .map(([day, count]) => ({ day, count }))
}
