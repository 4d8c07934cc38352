/**
 * The featured bonus inside the review's (or feature's) transaction. The award is planned only on the check-in's
 * false → true transition, but a check-in featured, un-featured and featured again plans it twice: the entry's key
 * (featuredAwardKey) is read first, and an existing entry means "already paid" — skipped, never failing the review.
 * Paying also adds the bonus to the enrollment's `pointsEarned` (the period's earned total), with `_.inc`.
 */
import type { FeaturedAward } from '../../domain/review'
import type { Tx } from '../../shared/db'
import { addPointsEarnedInTx } from '../camp/checkin-tx'
import { appendInTx, entryInTx } from '../points/ledger'

/** Answers the amount actually paid (0 when every award was already in the ledger). */
export async function payFeaturedInTx(tx: Tx, awards: readonly FeaturedAward[], periodId: string, now: number): Promise<number> {
  let paid = 0
  for (const a of awards) {
    if (await entryInTx(tx, a.key)) continue
    await appendInTx(tx, { _id: a.key, memberId: a.memberId, amount: a.amount, reason: a.reason, ref: a.ref }, now)
    await addPointsEarnedInTx(tx, periodId, a.memberId, a.amount, now)
    paid += a.amount
  }
  return paid
}
