/**
 * Camp documents as other features read and write them inside their OWN transactions (a review marks its check-in
 * reviewed and pays the featured bonus onto the enrollment in the review's transaction): single-document operations,
 * each exactly the request it was when the caller named the collection itself.
 */
import { enrollmentId, sumCredits, type CheckinDoc, type PeriodDoc } from '../../domain/camp'
import { incentivesOf, planFeaturedBadge } from '../../domain/community/incentives'
import type { Tx } from '../../shared/db'
import { command, type Write } from '../../shared/repository'
import { appendAwardsInTx } from './awards'
import { CHECKINS, ENROLLMENTS, repo } from './store'

/** The check-in as `tx` reads it, or null. */
export const checkinInTx = (tx: Tx, checkinId: string): Promise<CheckinDoc | null> => repo.getIn(tx, CHECKINS, checkinId)

/** Updates the check-in in `tx` with `data` (the caller's patch, written as given). */
export async function updateCheckinInTx(tx: Tx, checkinId: string, data: Write['data']): Promise<void> {
  await repo.inTx(tx, CHECKINS).doc(checkinId).update({ data })
}

/** Adds `amount` to the enrollment's `pointsEarned` (the period's earned total) with `_.inc`, in `tx`. */
export async function addPointsEarnedInTx(tx: Tx, periodId: string, memberId: string, amount: number, now: number): Promise<void> {
  await repo
    .inTx(tx, ENROLLMENTS)
    .doc(enrollmentId(periodId, memberId))
    .update({ data: { pointsEarned: command().inc(amount), updatedAt: now } })
}

/**
 * 首次精选: a teacher just featured one of the member's check-ins (call only on the false → true transition, before
 * other writes to the enrollment in `tx`). Reads the enrollment in `tx`; when the badge is not held yet, writes the
 * grown list (plus any points it carries, onto `pointsEarned` with `_.inc`) and books its `badge` entry. A badge is
 * never removed, so un-featuring and featuring again earns nothing. Answers the points booked.
 */
export async function awardFeaturedBadgeInTx(tx: Tx, period: PeriodDoc, memberId: string, ref: string, now: number): Promise<number> {
  const id = enrollmentId(period._id, memberId)
  const enrollment = await repo.getIn(tx, ENROLLMENTS, id)
  if (!enrollment) return 0
  const plan = planFeaturedBadge({ periodId: period._id, memberId, ref, held: enrollment.badges ?? [] }, incentivesOf(period))
  if (!plan.badges) return 0
  const points = sumCredits(plan.awards)
  const data = { badges: command().set(plan.badges), updatedAt: now, ...(points > 0 ? { pointsEarned: command().inc(points) } : {}) }
  await repo.inTx(tx, ENROLLMENTS).doc(id).update({ data })
  await appendAwardsInTx(tx, plan.awards, now)
  return points
}
