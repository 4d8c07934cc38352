import type { CheckinDoc } from '../camp/model'
import { isBacklog, QUEUE_SHARDS, shardOf } from '../camp/queue-counters'
import type { QueueCursor, QueueQuery } from './queue'
import { summarizeBacklog, type BacklogGroup, type BacklogSummary } from './stats'

/**
 * NOT the stored layout: the backlog counters that are written and read live in domain/camp/queue-counters.ts (one
 * document per (period, k) with the teams nested, camp's `queue_counters` collection). This file is the per-owner
 * model the distribution design (distribution.ts, item 2) was written against; when item 2 is wired, its owners
 * become an `owners` map nested in those same documents rather than documents of their own.
 *
 * Backlog counts without the `$group` scan (issue #17 item 5). A check-in counts as backlog while it is `pending` and
 * not `risky` (the queue's own filter). Its contribution lives in counter shards, one document per (period, owner, k):
 *
 *   reviewCounters/qc:{periodId}:{owner}:{k}  { periodId, owner, k, pending, days: { [day]: n }, hours: { h{epochHour}: n } }
 *
 * owner is PERIOD_OWNER ('*', the period total), the assigned teacher's id, or UNASSIGNED ('-'). k = shardOf(checkinId),
 * a hash of the check-in id, so a check-in's +1 and its later -1 hit the same k (every shard stays ≥ 0, a cheap
 * consistency check) while concurrent check-ins of a period spread over QUEUE_COUNTER_SHARDS documents: no document is
 * written by every check-in. `hours` keys the queue-entry hour (epoch hours, time-zone free) for backlog-by-age.
 *
 * Writes: every transaction that changes a check-in's reviewStatus, moderation, assigneeId, day or queuedAt calls
 * counterPatches(before, after) and applies each patch INSIDE the same transaction as the check-in write:
 *   tx.collection('reviewCounters').doc(p.docId).update({ data: { [path]: _.inc(n) … } })  // updated 0 → set(p.seed)
 * (the pattern of stats-counter.ts). A check-in or a review is thus +2 single-document writes (period shard + owner
 * shard, the same k); a reassignment is 2 (old owner −1, new owner +1; the period shard nets to zero and is skipped).
 *
 * Reads: counterShardIds(periodIds, owners) → one `where({ _id: _.in(ids) }).limit(ids.length).get()` request
 * (ids.length = periods × owners × 8 ≤ 1000), summed by readQueueCounts. No index beyond `_id` is needed.
 */
/** The stored counters' shard count (shardOf's default), so this model's k is the stored one. */
export const QUEUE_COUNTER_SHARDS = QUEUE_SHARDS
export const PERIOD_OWNER = '*'
export const UNASSIGNED = '-'
const HOUR_MS = 60 * 60 * 1000

export interface QueueCounterShard {
  _id: string
  periodId: string
  owner: string
  k: number
  pending: number
  days: Record<string, number>
  hours: Record<string, number>
}

/** What the counters read of a check-in (assigneeId and queuedAt are fields the distribution adds to CheckinDoc). */
export type CountedCheckin = Pick<CheckinDoc, '_id' | 'periodId' | 'day' | 'reviewStatus' | 'moderation'> & {
  assigneeId: string | null
  /** When it entered the queue (queue.ts queuedAt: the submission or the redo). */
  queuedAt: number
}

export interface CounterPatch {
  docId: string
  /** Dot path → amount for `_.inc`; never empty, never a zero amount. */
  inc: Record<string, number>
  /** The document to `set` when the update found none: empty counters plus this patch. */
  seed: QueueCounterShard
}

/** The backlog rule and the shard hash are the stored counters' own (domain/camp/queue-counters.ts). */
export { isBacklog, shardOf }

export const counterShardId = (periodId: string, owner: string, k: number): string => `qc:${periodId}:${owner}:${k}`
export const hourKey = (epochMs: number): string => `h${Math.floor(epochMs / HOUR_MS)}`
export const hourStart = (key: string): number => Number(key.slice(1)) * HOUR_MS

export function emptyCounterShard(periodId: string, owner: string, k: number): QueueCounterShard {
  return { _id: counterShardId(periodId, owner, k), periodId, owner, k, pending: 0, days: {}, hours: {} }
}

/** Every shard id of these periods and owners (PERIOD_OWNER for the totals, a teacher id for their own backlog). */
export function counterShardIds(periodIds: readonly string[], owners: readonly string[]): string[] {
  return periodIds.flatMap((p) => owners.flatMap((o) => Array.from({ length: QUEUE_COUNTER_SHARDS }, (_, k) => counterShardId(p, o, k))))
}

/** The `_.inc` patches that move the counters from `before` to `after` (null = the check-in does not exist). */
export function counterPatches(before: CountedCheckin | null, after: CountedCheckin | null): CounterPatch[] {
  if (before && after && (before._id !== after._id || before.periodId !== after.periodId))
    throw new Error(`counter patch across check-ins: ${before._id} → ${after._id}`)
  const ref = after ?? before
  if (!ref) return []
  const k = shardOf(ref._id)
  const docs = new Map<string, { owner: string; inc: Record<string, number> }>()
  const add = (c: CountedCheckin | null, sign: number) => {
    if (!c || !isBacklog(c)) return
    for (const owner of [PERIOD_OWNER, c.assigneeId ?? UNASSIGNED]) {
      const id = counterShardId(c.periodId, owner, k)
      const entry = docs.get(id) ?? { owner, inc: {} }
      for (const path of ['pending', `days.${c.day}`, `hours.${hourKey(c.queuedAt)}`]) entry.inc[path] = (entry.inc[path] ?? 0) + sign
      docs.set(id, entry)
    }
  }
  add(before, -1)
  add(after, 1)
  const out: CounterPatch[] = []
  for (const [docId, { owner, inc }] of docs) {
    const nonZero = Object.fromEntries(Object.entries(inc).filter(([, n]) => n !== 0))
    if (Object.keys(nonZero).length === 0) continue
    out.push({ docId, inc: nonZero, seed: applyCounterPatch(emptyCounterShard(ref.periodId, owner, k), nonZero) })
  }
  return out
}

/** What `_.inc` on each path does to a shard (the seed, and the tests' model of the database). */
export function applyCounterPatch(shard: QueueCounterShard, inc: Readonly<Record<string, number>>): QueueCounterShard {
  const out: QueueCounterShard = { ...shard, days: { ...shard.days }, hours: { ...shard.hours } }
  for (const [path, n] of Object.entries(inc)) {
    if (path === 'pending') out.pending += n
    else {
      const [field, key] = path.split('.') as ['days' | 'hours', string]
      out[field][key] = (out[field][key] ?? 0) + n
    }
  }
  return out
}

export interface QueueCounts {
  pending: number
  /** Per period and check-in day, in the shape the queue view already shows. */
  summary: BacklogSummary
  /** Pending by queue-entry hour (hourKey), zero hours dropped. */
  hours: Record<string, number>
}

/** Sums whatever shards of `owner` were read (missing shards count 0). */
export function readQueueCounts(shards: readonly QueueCounterShard[], owner: string = PERIOD_OWNER): QueueCounts {
  const mine = shards.filter((s) => s.owner === owner)
  const groups: BacklogGroup[] = mine.flatMap((s) => Object.entries(s.days).map(([day, count]) => ({ periodId: s.periodId, day, count })))
  const hours: Record<string, number> = {}
  for (const s of mine) for (const [h, n] of Object.entries(s.hours)) hours[h] = (hours[h] ?? 0) + n
  for (const h of Object.keys(hours)) if (hours[h] === 0) delete hours[h]
  return { pending: mine.reduce((n, s) => n + s.pending, 0), summary: summarizeBacklog(groups), hours }
}

/**
 * One page of a personal (or, for operators, whole-period) queue. The query is buildQueueQuery's plus an equality on
 * `assigneeId`, served by the index { periodId, assigneeId, reviewStatus, submittedAt } (operators keep the existing
 * { periodId, reviewStatus, submittedAt }): equality prefix, keyset range `after`, orderBy (submittedAt, _id), limit
 * page + 1 — never skip, never $group, so page 1 and page 100 cost the same one request per scope. The counts come
 * with the FIRST page only, as one read of counterIds; deeper pages read no counters.
 */
export interface AssignedQueuePlan {
  query: QueueQuery & { assigneeId: string | null }
  /** Shards to read with this page (null on deeper pages). */
  counterIds: string[] | null
  /** Whose shards readQueueCounts sums. */
  owner: string
}

export function planAssignedQueue(
  query: QueueQuery,
  assigneeId: string | null,
  after: QueueCursor | null = query.after,
): AssignedQueuePlan {
  const owner = assigneeId ?? PERIOD_OWNER
  const periodIds = [...new Set(query.scopes.map((s) => s.periodId))]
  return {
    query: { ...query, after, assigneeId },
    counterIds: after === null ? counterShardIds(periodIds, [owner]) : null,
    owner,
  }
}
