import type { CheckinDoc } from '../camp/model'
import { isBacklog, shardOf } from '../camp/queue-counters'
import { rejectReview, type ReviewRejection } from './rejections'

/**
 * Fair distribution of a period's submissions over its teachers (issue #17 item 2). Everything below is pure; the
 * service (services/review/distribution.ts) wires it.
 *
 * Design: a check-in lands in the period's POOL (`assigneeId: null`, no extra request for the member). DEALING happens
 * on the teachers' side — the review function's timer every minute, an operator's rebalance, and a bounded deal after
 * each submit: it reads the period's backlog counters (per-teacher loads live nested in the same qc shards,
 * domain/camp/queue-counters.ts `owners`), the teachers' presences by id, and the pool's oldest items, and gives each
 * item to the eligible receiver (`mayReceive`: the period's teacher, team scope included) with the least load, one
 * transaction per item guarded on the fresh document (still waiting, still in the pool). Then planRebalance: away
 * teachers give back every movable item, present teachers' backlogs end within 1; each move is one transaction
 * guarded by canMove. A deal or a move is ONE check-in update plus ONE `_.inc` of its counter shard.
 *
 * Documents:
 *  - the check-in carries `assigneeId`, `lease` ({ holder, until } | null), `pinned`; index
 *    { periodId, reviewStatus, assigneeId, submittedAt } (personal queue, the pool, finding movable items).
 *  - `review_presence/{teacherId}` Presence: written only by that teacher's own claims, submits and queue first page
 *    (throttled by PRESENCE_TOUCH_MS) and by an operator marking them away — never by a check-in, so no hotspot.
 * A teacher holds at most ONE live lease (Presence.holding): claiming another releases the first. Hence a teacher's
 * non-movable backlog is ≤ 1 (+ pinned items), and whenever two present teachers differ by ≥ 2 the larger can give one.
 */
/** The pool's owner in a rebalancing plan: waiting items nobody holds (always a donor). */
export const UNASSIGNED = '-'
export const LEASE_MS = 10 * 60_000
/** A teacher with no claim or submit for this long counts as away: their unopened items flow back to the others. */
export const AWAY_AFTER_MS = 2 * 60 * 60_000
/** lastActiveAt is rewritten at most this often (fewer presence writes; "away" is then late by at most this). */
export const PRESENCE_TOUCH_MS = 5 * 60_000

export interface Lease {
  holder: string
  until: number
}

/** The distribution fields of a check-in, plus what the rules read of it. */
export type Assignable = Pick<CheckinDoc, '_id' | 'submittedAt' | 'reviewStatus' | 'moderation'> & {
  /** null: nobody was present when it arrived (the UNASSIGNED pool; rebalancing hands it out). */
  assigneeId: string | null
  lease: Lease | null
  /** Placed by an operator: rebalancing leaves it where it is. */
  pinned: boolean
}

export interface Presence {
  _id: string
  teacherId: string
  lastActiveAt: number
  /** Marked absent by an operator (or by the teacher): away regardless of activity. */
  absent: boolean
  /** The check-in of the teacher's live lease, if any. */
  holding: string | null
}

export const leaseLive = (lease: Lease | null, now: number): lease is Lease => lease !== null && now < lease.until

export const isAway = (p: Pick<Presence, 'absent' | 'lastActiveAt'>, now: number): boolean =>
  p.absent || now - p.lastActiveAt >= AWAY_AFTER_MS

/** Who may receive items now: present teachers; if none is present, everyone not marked absent (night-time). */
export function receivers(presences: readonly Presence[], now: number): string[] {
  const present = presences.filter((p) => !isAway(p, now))
  return (present.length > 0 ? present : presences.filter((p) => !p.absent)).map((p) => p.teacherId).sort()
}

/**
 * The teacher a new submission goes to: the receiver with the smallest backlog; ties by rendezvous hash of
 * (check-in, teacher), so concurrent check-ins reading the same loads spread over the tied teachers. null = nobody.
 */
export function assignNew(
  checkinId: string,
  loads: Readonly<Record<string, number>>,
  presences: readonly Presence[],
  now: number,
): string | null {
  return leastLoaded(checkinId, receivers(presences, now), loads)
}

export interface Claimed<T extends Assignable> {
  ok: true
  item: T
  /** The assignment changed (apply counterPatches for the owners). */
  moved: { from: string | null; to: string } | null
  /** Another check-in whose lease this teacher held: clear its lease in the same transaction. */
  release: string | null
  presence: Presence
}

/**
 * Opening a submission to work on it. Allowed when it waits, nobody else holds a live lease, and it is the teacher's,
 * unassigned, or its assignee is away (then it moves to the claimer). Claiming again renews the lease.
 */
export function claim<T extends Assignable>(
  item: T,
  presence: Presence,
  assignee: Presence | null,
  now: number,
): Claimed<T> | ReviewRejection {
  const teacherId = presence.teacherId
  if (!isBacklog(item)) return rejectReview('REVIEW.NOT_WAITING')
  if (leaseLive(item.lease, now) && item.lease.holder !== teacherId)
    return rejectReview('REVIEW.LEASED', { holder: item.lease.holder, until: item.lease.until })
  const mine = item.assigneeId === teacherId
  if (!mine && item.assigneeId !== null && !(assignee && isAway(assignee, now)))
    return rejectReview('REVIEW.NOT_YOURS', { assigneeId: item.assigneeId })
  const claimed: T = { ...item, assigneeId: teacherId, lease: { holder: teacherId, until: now + LEASE_MS }, pinned: mine && item.pinned }
  return {
    ok: true,
    item: claimed,
    moved: mine ? null : { from: item.assigneeId, to: teacherId },
    release: presence.holding !== null && presence.holding !== item._id ? presence.holding : null,
    presence: { ...presence, holding: item._id, lastActiveAt: now, absent: false },
  }
}

/**
 * Submit needs the teacher's live lease, or — nobody holding a live lease — the item assigned to them, still in the
 * pool, or assigned to a teacher who is away (`assigneeAway`): the same items `claim` would give them.
 */
export function checkSubmit(item: Assignable, teacherId: string, now: number, assigneeAway = false): ReviewRejection | null {
  if (!isBacklog(item)) return rejectReview('REVIEW.NOT_WAITING')
  if (leaseLive(item.lease, now))
    return item.lease.holder === teacherId ? null : rejectReview('REVIEW.LEASED', { holder: item.lease.holder, until: item.lease.until })
  if (item.assigneeId === teacherId || item.assigneeId === null || assigneeAway) return null
  return rejectReview('REVIEW.NOT_YOURS', { assigneeId: item.assigneeId ?? UNASSIGNED })
}

/** A check-in's distribution fields, defaulted for documents written before them (absent = pool, no lease). */
export function assignableOf<T extends Pick<CheckinDoc, '_id' | 'submittedAt' | 'reviewStatus' | 'moderation'>>(
  c: T & { assigneeId?: string | null; lease?: Lease | null; pinned?: boolean },
): T & Assignable {
  return { ...c, assigneeId: c.assigneeId ?? null, lease: c.lease ?? null, pinned: c.pinned ?? false }
}

/** A teacher's presence before their first claim: never active (so idle), not marked away. */
export const noPresence = (teacherId: string): Presence => ({ _id: teacherId, teacherId, lastActiveAt: 0, absent: false, holding: null })

/** Whether `teacherId` may receive / review an item of team `teamId` in a period (its teacher, inside their team scope). */
export function mayReceive(
  period: { teacherIds: readonly string[]; teacherTeams: Readonly<Record<string, readonly string[]>> },
  teacherId: string,
  teamId: string | null,
): boolean {
  if (!period.teacherIds.includes(teacherId)) return false
  const teams = period.teacherTeams[teacherId]
  return !teams || teams.length === 0 || (teamId !== null && teams.includes(teamId))
}

/** The receiver among `candidates` with the least load; ties by rendezvous hash of (item, teacher). null = none. */
export function leastLoaded(itemId: string, candidates: readonly string[], loads: Readonly<Record<string, number>>): string | null {
  let best: { id: string; load: number; tie: number } | null = null
  for (const id of candidates) {
    const load = loads[id] ?? 0
    const tie = shardOf(`${itemId}|${id}`, 0x7fffffff)
    if (!best || load < best.load || (load === best.load && tie > best.tie)) best = { id, load, tie }
  }
  return best?.id ?? null
}

/** The presence after a claim/submit: null when nothing needs writing (activity recorded recently, nothing held). */
export function touchPresence(p: Presence, now: number, holding: string | null = p.holding): Presence | null {
  if (holding === p.holding && !p.absent && now - p.lastActiveAt < PRESENCE_TOUCH_MS) return null
  return { ...p, lastActiveAt: now, holding, absent: false }
}

/** Whether rebalancing may move this item away from `from` now (also the guard inside the move's transaction). */
export const canMove = (item: Assignable, from: string | null, now: number): boolean =>
  isBacklog(item) && item.assigneeId === from && !item.pinned && !leaseLive(item.lease, now)

export interface TeacherLoad {
  /** A teacher id, or UNASSIGNED for the pool of items nobody holds (always a donor). */
  teacherId: string
  /** Waiting items assigned to them (the owner counter). */
  backlog: number
  /** Of those, the ones canMove allows (backlog − live lease − pinned). */
  movable: number
  /** Away teachers (and the pool) give away every movable item and receive nothing. */
  away: boolean
}

export interface Move {
  from: string
  to: string
  count: number
}

/**
 * The fewest single-item moves after which away donors hold no movable item and present teachers' backlogs differ by
 * at most 1 (as far as movable items allow). Greedy: each step moves one item from an away donor, else from the
 * largest present backlog with a movable item, to the smallest present backlog, while that narrows the gap.
 */
export function planRebalance(loads: readonly TeacherLoad[]): Move[] {
  const state = loads.map((l) => ({ ...l }))
  const present = state.filter((l) => !l.away && l.teacherId !== UNASSIGNED)
  if (present.length === 0) return []
  const moves = new Map<string, Move>()
  const byLoad = (a: TeacherLoad, b: TeacherLoad) => a.backlog - b.backlog || (a.teacherId < b.teacherId ? -1 : 1)
  for (;;) {
    const to = [...present].sort(byLoad)[0]
    const donor =
      state.find((l) => (l.away || l.teacherId === UNASSIGNED) && l.movable > 0) ??
      [...present].sort((a, b) => byLoad(b, a)).find((l) => l.movable > 0 && l.backlog - to.backlog >= 2)
    if (!donor) break
    donor.backlog--
    donor.movable--
    to.backlog++
    to.movable++
    const key = `${donor.teacherId}>${to.teacherId}`
    const m = moves.get(key) ?? { from: donor.teacherId, to: to.teacherId, count: 0 }
    moves.set(key, { ...m, count: m.count + 1 })
  }
  return [...moves.values()]
}

/** Which of a donor's fetched items a move takes: movable ones, oldest first (they have waited longest). */
export function pickMovable<T extends Assignable>(items: readonly T[], from: string | null, count: number, now: number): T[] {
  return items
    .filter((i) => canMove(i, from, now))
    .sort((a, b) => a.submittedAt - b.submittedAt || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    .slice(0, count)
}

/**
 * The moves bound to items: each donor's movable items (fetched with one query per donor: its oldest waiting, limit
 * = its total count + 1) are taken oldest first and dealt to its moves in order, so no item is picked twice when a
 * donor gives to several teachers. Each pair is one transaction guarded by canMove(item, from) on the fresh document.
 */
export function bindMoves<T extends Assignable>(
  moves: readonly Move[],
  fetched: readonly T[],
  now: number,
): { item: T; from: string; to: string }[] {
  const out: { item: T; from: string; to: string }[] = []
  const taken = new Map<string, number>()
  for (const m of moves) {
    const from = m.from === UNASSIGNED ? null : m.from
    const pool = pickMovable(fetched, from, Number.MAX_SAFE_INTEGER, now)
    const start = taken.get(m.from) ?? 0
    for (const item of pool.slice(start, start + m.count)) out.push({ item, from: m.from, to: m.to })
    taken.set(m.from, start + m.count)
  }
  return out
}

/** The item after a move (rebalance) to `to`. */
export const moveTo = <T extends Assignable>(item: T, to: string): T => ({ ...item, assigneeId: to, lease: null, pinned: false })

/**
 * An operator places one item with a teacher; it is pinned there (rebalancing never moves it back). A live lease of
 * someone else refuses unless `force` (the lease is then broken). Moving a teacher's WHOLE backlog is marking them
 * absent (markAbsent): planRebalance then hands every movable item to the present teachers by load.
 */
export function reassign<T extends Assignable>(item: T, to: string, now: number, force = false): T | ReviewRejection {
  if (!isBacklog(item)) return rejectReview('REVIEW.NOT_WAITING')
  if (leaseLive(item.lease, now) && item.lease.holder !== to && !force)
    return rejectReview('REVIEW.LEASED', { holder: item.lease.holder, until: item.lease.until })
  return { ...item, assigneeId: to, lease: leaseLive(item.lease, now) && item.lease.holder === to ? item.lease : null, pinned: true }
}

export const markAbsent = (p: Presence, absent: boolean, now: number): Presence => ({
  ...p,
  absent,
  lastActiveAt: absent ? p.lastActiveAt : now,
})
