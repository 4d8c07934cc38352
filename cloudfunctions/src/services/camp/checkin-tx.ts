/**
 * Camp documents as other features read and write them inside their OWN transactions (a review marks its check-in
 * reviewed and pays the featured bonus onto the enrollment in the review's transaction): single-document operations,
 * each exactly the request it was when the caller named the collection itself.
 */
import { enrollmentId, type CheckinDoc } from '../../domain/camp'
import type { Tx } from '../../shared/db'
import { command, type Write } from '../../shared/repository'
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
