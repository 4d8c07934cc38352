/**
 * Fair distribution of a period's waiting items over its teachers (issue #17 item 2; rules and design in
 * domain/review/distribution.ts). Check-ins land in the period's pool; everything here runs on the teachers' side:
 *
 *  - dealPeriod: counters (1 `_id` read) + presences (1 `_id: _.in` read) + the pool's oldest items (1 query, index
 *    period_review_assignee_submitted) → each item to the least-loaded eligible receiver, one transaction per item
 *    (check-in get, check-in update, ONE counter `_.inc`), guarded on the fresh document (still waiting, still in the
 *    pool). Then planRebalance over the counters' per-teacher loads: per donor one query of its oldest items, each move
 *    one transaction guarded by canMove.
 *  - claimInTx: the lease an open takes (10 min, renewed for the holder; one live lease per teacher).
 *  - reassign / setAway / distributionView: the operator's actions.
 * Loads come from the counters, so concurrent deals may overshoot by the items they race for; every deal ends with a
 * rebalance, and the next deal (a minute later at most) absorbs what a race left.
 */
import {
  periodTitle,
  toQueueItemView,
  PRESENCE_LABEL,
  type DistributionView,
  type PresenceState,
  type QueueItemView,
} from '../../contracts/review-views'
import { isBacklog, ownerLoads, rejectCamp, type CampRejection, type CheckinDoc, type PeriodDoc } from '../../domain/camp'
import { defaultTeamName } from '../../domain/community/teams'
import {
  assignableOf,
  canMove,
  checkSubmit,
  checkinIdParts,
  claim,
  isAway,
  leaseLive,
  leastLoaded,
  markAbsent,
  mayReceive,
  noPresence,
  planRebalance,
  reassign as reassignRule,
  receivers,
  rejectReview,
  UNASSIGNED,
  type Assignable,
  type Presence,
  type Reviewer,
  type ReviewRejection,
  type TeacherLoad,
  touchPresence,
} from '../../domain/review'
import { TxAbort, withTransaction, type Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { checkinInTx, updateCheckinInTx } from '../camp/checkin-tx'
import { checkinsWhere, getCheckin, getPeriod, periodsIn } from '../camp/lookups'
import { bumpQueueCountersInTx, countedQueueCountsOf, foldQueueCreations, queueCountsOf } from '../camp/queue-counters'
import { membersByIds } from '../identity/lookups'
import { loadStaff, repo, REVIEWABLE_STATUSES } from './store'

export const REVIEW_PRESENCE = 'review_presence'

/** Pool items one deal hands out (the timer's; a submit deals DEAL_AFTER_SUBMIT). */
export const DEAL_BATCH = 200
export const DEAL_AFTER_SUBMIT = 3
/** Single-item moves one timer deal makes at most (the next minute's deal goes on). */
export const MAX_MOVES = 200
/**
 * An operator's rebalance / setAway goes further: a teacher back after hours may need hundreds of items at once
 * (the simulation's comeback moved ~250 in ~1 s); the function's 20 s timeout bounds it anyway.
 */
export const OPERATOR_MOVES = 1000

export interface DealReport {
  dealt: number
  moved: number
}

type Doc = CheckinDoc & Assignable

/** The presences of `teacherIds` (one request), a never-seen teacher as noPresence. */
export async function presencesOf(teacherIds: readonly string[]): Promise<Map<string, Presence>> {
  const found = teacherIds.length > 0 ? await repo.byIds(REVIEW_PRESENCE, teacherIds) : new Map<string, Presence>()
  return new Map(teacherIds.map((id) => [id, found.get(id) ?? noPresence(id)]))
}

/** Items a teacher's queue deals them when they come back (the timer does the rest within a minute). */
export const DEAL_ON_ARRIVAL = 50

/**
 * For a teacher's personal queue (first page): which of the teachers of `periods` are away now — their items are the
 * teacher's to take too — from ONE read of their presences (none for operators, who are not narrowed). Opening the
 * queue also counts as being at work (throttled like claims): a teacher coming back after 2 hours is not "present"
 * until then, so without this touch nothing would be dealt to them while a colleague is active (their queue would stay
 * empty: the colleague's items are not theirs, and deals give only to present teachers). When they come back, a
 * bounded deal of their periods runs (`dealt`: the caller reads its page again).
 */
export async function awayColleagues(
  actor: Reviewer,
  periods: readonly PeriodDoc[],
  now: number,
  arriving = false,
): Promise<{ away: Set<string>; dealt: boolean }> {
  const none = { away: new Set<string>(), dealt: false }
  if (actor.roles.includes('admin')) return none
  const mine = periods.filter((p) => p.teacherIds.includes(actor._id))
  const ids = [...new Set(mine.flatMap((p) => p.teacherIds))]
  if (ids.length === 0) return none
  const presences = await presencesOf(ids)
  const away = new Set(ids.filter((t) => t !== actor._id && isAway(presences.get(t) ?? noPresence(t), now)))
  const me = presences.get(actor._id) ?? noPresence(actor._id)
  const touched = arriving && !me.absent ? touchPresence(me, now) : null
  if (!touched) return { away, dealt: false }
  const { _id: _drop, ...data } = touched
  await repo.col(REVIEW_PRESENCE).doc(actor._id).set({ data })
  if (!isAway(me, now)) return { away, dealt: false }
  for (const p of mine) await dealPeriod(p, now, DEAL_ON_ARRIVAL, DEAL_ON_ARRIVAL)
  return { away, dealt: true }
}

/** A lease, nested, always written whole (`update` would flatten it into dot paths under a possibly null field). */
const leaseValue = (lease: Assignable['lease']) => (lease === null ? null : command().set(lease))

/** Writes `after`'s distribution fields onto the check-in and moves the counters (one `_.inc`), inside `tx`. */
async function writeAssignmentInTx(tx: Tx, before: CheckinDoc, after: Doc): Promise<void> {
  await updateCheckinInTx(tx, before._id, { assigneeId: after.assigneeId, lease: leaseValue(after.lease), pinned: after.pinned })
  await bumpQueueCountersInTx(tx, before, after)
}

/** One item moved from `from` (null = the pool) to `to` if the fresh document still allows it; false when it did not. */
async function moveOne(checkinId: string, from: string | null, to: string, now: number): Promise<boolean> {
  return withTransaction(async (tx) => {
    const fresh = await checkinInTx(tx, checkinId)
    if (!fresh) return false
    const item = assignableOf(fresh)
    if (!canMove(item, from, now)) return false
    await writeAssignmentInTx(tx, fresh, { ...item, assigneeId: to, lease: null, pinned: false })
    return true
  })
}

const backlogMatch = (periodId: string, assigneeId: string | null) => ({
  periodId,
  reviewStatus: 'pending',
  // `{ assigneeId: null }` matches null AND a missing field (MongoDB's "query for null or missing fields", which the
  // CloudBase document database follows; the emulator's matcher is mingo, MongoDB semantics). New check-ins write
  // `assigneeId: null` anyway (domain/camp/checkin.ts), so only older ones rely on the missing-field match.
  assigneeId,
  moderation: command().neq('risky'),
})

/**
 * Deals the period's pool to its receivers and evens out the backlogs (see the header). `batch` bounds the pool items
 * handed out, `maxMoves` the rebalancing moves.
 */
export async function dealPeriod(period: PeriodDoc, now: number, batch = DEAL_BATCH, maxMoves = MAX_MOVES): Promise<DealReport> {
  const teachers = period.teacherIds
  if (teachers.length === 0) return { dealt: 0, moved: 0 }
  // Counted periods only: a period without its base is recounted by a reader (the queue), not by every deal.
  const [counts, presences] = await Promise.all([countedQueueCountsOf([period._id]), presencesOf(teachers)])
  const c = counts.get(period._id)
  if (!c) return { dealt: 0, moved: 0 }
  const { owners } = ownerLoads(c)
  const loads: Record<string, number> = { ...owners }
  const recv = receivers([...presences.values()], now)
  let dealt = 0
  // The folded counts leave out the newest check-ins (all in the pool, counted from their documents), so the pool is
  // asked for directly; the counts give the teachers' loads.
  if (recv.length > 0 && batch > 0) {
    const items = await checkinsWhere(backlogMatch(period._id, null), batch)
    for (const item of items) {
      const to = leastLoaded(
        item._id,
        recv.filter((t) => mayReceive(period, t, item.teamId)),
        loads,
      )
      if (!to || !(await moveOne(item._id, null, to, now))) continue
      loads[to] = (loads[to] ?? 0) + 1
      dealt++
    }
  }
  const moved = maxMoves > 0 ? await rebalanceLoads(period, loads, new Set(recv), now, maxMoves) : 0
  return { dealt, moved }
}

/**
 * planRebalance over the loads: away teachers (and owners no longer teaching the period) give back every movable item,
 * present backlogs end within 1. Each donor's oldest items are read once (its moves + slack for a lease and pins); an
 * item goes only to a teacher who may review its team.
 */
async function rebalanceLoads(
  period: PeriodDoc,
  loads: Record<string, number>,
  present: ReadonlySet<string>,
  now: number,
  maxMoves: number,
): Promise<number> {
  const owners = new Set([...period.teacherIds, ...Object.keys(loads)])
  const plan: TeacherLoad[] = [...owners].map((t) => ({
    teacherId: t,
    backlog: loads[t] ?? 0,
    movable: loads[t] ?? 0,
    away: !present.has(t) || !period.teacherIds.includes(t),
  }))
  const moves = planRebalance(plan).filter((m) => m.from !== UNASSIGNED)
  const byDonor = new Map<string, { to: string; count: number }[]>()
  for (const m of moves) byDonor.set(m.from, [...(byDonor.get(m.from) ?? []), { to: m.to, count: m.count }])
  let moved = 0
  for (const [from, targets] of byDonor) {
    const want = targets.reduce((n, t) => n + t.count, 0)
    if (moved >= maxMoves) break
    const items = (await checkinsWhere(backlogMatch(period._id, from), Math.min(1000, want + 5))).map((d) => assignableOf(d))
    const free = items.filter((i) => canMove(i, from, now))
    for (const t of targets) {
      let left = t.count
      for (let i = 0; i < free.length && left > 0 && moved < maxMoves;) {
        if (!mayReceive(period, t.to, free[i].teamId)) {
          i++
          continue
        }
        const [item] = free.splice(i, 1)
        if (await moveOne(item._id, from, t.to, now)) {
          moved++
          left--
        }
      }
    }
  }
  return moved
}

export async function dealById(periodId: string, now: number, batch = DEAL_BATCH): Promise<DealReport> {
  const period = await getPeriod(periodId)
  return period ? dealPeriod(period, now, batch) : { dealt: 0, moved: 0 }
}

/**
 * The timer's job: every reviewable period with teachers is dealt (bounded: MAX periods a tick), then every reviewable
 * period's newest check-ins are folded into its backlog counters when due (camp's foldQueueCreations).
 */
export async function dealAll(now: number): Promise<{ periods: number; folded: number } & DealReport> {
  const reviewable = (await periodsIn(REVIEWABLE_STATUSES, 100)).filter((p) => p.status !== 'draft')
  const periods = reviewable.filter((p) => p.teacherIds.length > 0)
  const total = { periods: periods.length, dealt: 0, moved: 0, folded: 0 }
  for (const p of periods) {
    const r = await dealPeriod(p, now)
    total.dealt += r.dealt
    total.moved += r.moved
  }
  total.folded = await foldQueueCreations(
    reviewable.map((p) => p._id),
    now,
  )
  return total
}

/**
 * Inside the review's transaction (submit / return / edit of a WAITING item by a teacher of its period): checkSubmit,
 * reading the assignee's presence only when the item is another teacher's and nobody leases it. The fields the
 * check-in update then writes: LEAVES_QUEUE.
 */
export async function checkSubmitInTx(
  tx: Tx,
  checkin: CheckinDoc,
  teacherId: string,
  now: number,
): Promise<typeof LEAVES_QUEUE | ReviewRejection> {
  const item = assignableOf(checkin)
  const other = item.assigneeId && item.assigneeId !== teacherId && !leaseLive(item.lease, now) ? item.assigneeId : null
  const away = other ? isAway((await repo.getIn(tx, REVIEW_PRESENCE, other)) ?? noPresence(other), now) : false
  return checkSubmit(item, teacherId, now, away) ?? LEAVES_QUEUE
}

/**
 * What a review or a return writes on the check-in's distribution fields: no lease, nobody's — a redo re-enters the
 * queue through the pool and is dealt afresh (the reviewer is on the review).
 */
export const LEAVES_QUEUE = { lease: null, assigneeId: null } as const

/**
 * The lease an opening teacher takes, inside `tx` (the check-in as `tx` read it): claim's rule, then the check-in
 * (lease, maybe its new assignee + the counters), the teacher's presence, and the lease of the item they held before
 * released. Returns the rejection, or the check-in after the claim.
 */
export async function claimInTx(tx: Tx, checkin: CheckinDoc, teacherId: string, now: number): Promise<CheckinDoc | ReviewRejection> {
  const item = assignableOf(checkin)
  const mine = await repo.getIn(tx, REVIEW_PRESENCE, teacherId)
  const self = mine ?? noPresence(teacherId)
  const other = item.assigneeId && item.assigneeId !== teacherId && !leaseLive(item.lease, now) ? item.assigneeId : null
  const assignee = other ? ((await repo.getIn(tx, REVIEW_PRESENCE, other)) ?? noPresence(other)) : null
  const claimed = claim(item, self, assignee, now)
  if (!claimed.ok) return claimed
  await writeAssignmentInTx(tx, checkin, claimed.item)
  await repo
    .inTx(tx, REVIEW_PRESENCE)
    .doc(teacherId)
    .set({ data: { teacherId, lastActiveAt: now, absent: false, holding: checkin._id } })
  if (claimed.release) {
    const held = await checkinInTx(tx, claimed.release)
    if (held && held.lease && held.lease.holder === teacherId) await updateCheckinInTx(tx, held._id, { lease: null })
  }
  return claimed.item
}

/** Claims in its own transaction (open, next): the check-in after the claim, or the rejection. */
export async function claimItem(checkinId: string, teacherId: string, now: number): Promise<CheckinDoc | ReviewRejection | CampRejection> {
  return withTransaction(async (tx) => {
    const checkin = await checkinInTx(tx, checkinId)
    if (!checkin) throw new TxAbort(rejectCamp('CAMP.CHECKIN_NOT_FOUND'))
    // Reviewed meanwhile: it is shown as it is now, nobody leases a finished item.
    if (!isBacklog(checkin)) return checkin
    const out = await claimInTx(tx, checkin, teacherId, now)
    if ('ok' in out) throw new TxAbort(out)
    return out
  })
}

/** Whether opening this item takes a lease: a teacher of its period opening a waiting item (operators only look). */
export const takesLease = (actor: Reviewer, period: Pick<PeriodDoc, 'teacherIds'>, checkin: CheckinDoc): boolean =>
  period.teacherIds.includes(actor._id) && isBacklog(checkin)

/** Teachers' display names (one request): the nickname, 老师 when they have none. */
export async function teacherNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const members = await membersByIds(unique)
  return new Map(unique.map((id) => [id, members.get(id)?.nickname || '老师']))
}

const MINUTE = 60_000
function lastActiveLabel(p: Presence, now: number): string {
  if (p.lastActiveAt <= 0 || now - p.lastActiveAt >= 24 * 60 * MINUTE) return '今天还没有点评'
  const minutes = Math.floor((now - p.lastActiveAt) / MINUTE)
  if (minutes < 1) return '最近活跃 刚刚'
  if (minutes < 60) return `最近活跃 ${minutes} 分钟前`
  return `最近活跃 ${Math.floor(minutes / 60)} 小时前`
}

const stateOf = (p: Presence, now: number): PresenceState => (p.absent ? 'away' : isAway(p, now) ? 'idle' : 'present')

async function adminPeriod(openid: string, periodId: string): Promise<PeriodDoc | ReviewRejection | CampRejection> {
  const [actor, period] = await Promise.all([loadStaff(openid), getPeriod(periodId)])
  if ('ok' in actor) return actor
  if (!actor.roles.includes('admin')) return rejectReview('REVIEW.NOT_TEACHER')
  if (!period || period.status === 'draft') return rejectCamp('CAMP.PERIOD_NOT_FOUND')
  return period
}

/** The period's distribution as operators see it: 3 reads in parallel (counters, presences, names). */
export async function distributionOf(period: PeriodDoc & { campTitle?: string }, now: number): Promise<DistributionView> {
  const [counts, presences, names] = await Promise.all([
    queueCountsOf([period._id]),
    presencesOf(period.teacherIds),
    teacherNames(period.teacherIds),
  ])
  const c = counts.get(period._id)
  const loads = c ? ownerLoads(c) : { owners: {}, pool: 0 }
  const total = c ? Object.values(c.days).reduce((a, b) => a + b, 0) : 0
  return {
    periodId: period._id,
    periodTitle: periodTitle(period),
    total,
    pool: Math.max(0, loads.pool),
    teachers: period.teacherIds.map((t) => {
      const p = presences.get(t) ?? noPresence(t)
      return {
        teacherId: t,
        name: names.get(t) ?? '老师',
        backlog: loads.owners[t] ?? 0,
        state: { value: stateOf(p, now), label: PRESENCE_LABEL[stateOf(p, now)] },
        reviewing: p.holding !== null && now - p.lastActiveAt < 10 * MINUTE,
        lastActiveLabel: lastActiveLabel(p, now),
        teams: (period.teacherTeams[t] ?? []).map((team) => {
          const index = Number(team.slice(team.lastIndexOf(':') + 1))
          return Number.isInteger(index) && index > 0 ? defaultTeamName(index) : '小组'
        }),
      }
    }),
  }
}

export async function distribution(openid: string, periodId: string, now: number) {
  const period = await adminPeriod(openid, periodId)
  if ('ok' in period) return period
  return distributionOf(period, now)
}

export async function rebalance(openid: string, periodId: string, now: number) {
  const period = await adminPeriod(openid, periodId)
  if ('ok' in period) return period
  await dealPeriod(period, now, DEAL_BATCH, OPERATOR_MOVES)
  return distributionOf(period, now)
}

/** Marks a teacher of the period away (their unopened items flow to the present teachers at once) or back. */
export async function setAway(openid: string, periodId: string, teacherId: string, away: boolean, now: number) {
  const period = await adminPeriod(openid, periodId)
  if ('ok' in period) return period
  if (!period.teacherIds.includes(teacherId)) return rejectReview('REVIEW.NOT_ASSIGNED', { periodId })
  await withTransaction(async (tx) => {
    const p = (await repo.getIn(tx, REVIEW_PRESENCE, teacherId)) ?? noPresence(teacherId)
    const { _id: _drop, ...next } = markAbsent(p, away, now)
    await repo.inTx(tx, REVIEW_PRESENCE).doc(teacherId).set({ data: next })
  })
  await dealPeriod(period, now, DEAL_BATCH, OPERATOR_MOVES)
  return distributionOf(period, now)
}

/** An operator places one waiting item with a teacher of its period who may review it; pinned there. */
export async function reassignItem(
  openid: string,
  checkinId: string,
  teacherId: string,
  force: boolean,
  now: number,
): Promise<QueueItemView | ReviewRejection | CampRejection> {
  const parts = checkinIdParts(checkinId)
  if (!parts) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  const period = await adminPeriod(openid, parts.periodId)
  if ('ok' in period) return period
  const checkin = await getCheckin(checkinId)
  if (!checkin) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  if (!mayReceive(period, teacherId, checkin.teamId)) return rejectReview('REVIEW.NOT_ASSIGNED', { periodId: period._id })
  const out = await withTransaction<CheckinDoc | ReviewRejection>(async (tx) => {
    const fresh = await checkinInTx(tx, checkinId)
    if (!fresh) throw new TxAbort(rejectReview('REVIEW.NOT_WAITING'))
    const next = reassignRule(assignableOf(fresh), teacherId, now, force)
    if ('ok' in next) throw new TxAbort(next)
    await writeAssignmentInTx(tx, fresh, next)
    return next
  })
  if ('ok' in out) return out
  const names = await teacherNames([teacherId, ...(out.lease ? [out.lease.holder] : [])])
  return toQueueItemView(out, undefined, periodTitle(period), now, { names, viewerId: '' })
}

/** Presence after a submit (throttled: written only when stale or it held this item), outside the review's transaction. */
export async function touchAfterSubmit(teacherId: string, presence: Presence | null, checkinId: string, now: number): Promise<void> {
  const p = presence ?? noPresence(teacherId)
  const next = touchPresence(p, now, p.holding === checkinId ? null : p.holding)
  if (!next) return
  const { _id: _drop, ...data } = next
  await repo.col(REVIEW_PRESENCE).doc(teacherId).set({ data })
}
