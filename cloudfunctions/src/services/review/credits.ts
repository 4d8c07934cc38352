/**
 * Review-notification credits. WeChat keeps one-time subscribe credits per (member, template), not per period, so
 * ours are one small document per member `review_credits/{memberId}` (reminder credits stay on the enrollment, where
 * the reminder timer's index needs them). The camp `subscribed` action grants them (one per accepted
 * REVIEW_TEMPLATE_ID, inside its once-per-requestId transaction); each review notification spends one with a
 * conditional update, so two reviews never spend the same credit.
 */
import type { Tx } from '../../shared/db'
import { repo, REVIEW_CREDITS } from './store'

export interface ReviewCreditsDoc {
  /** memberId (openid). */
  _id: string
  credits: number
  updatedAt: number
}

/** Adds `granted` credits inside the caller's transaction (read + set: 2 requests); answers the new count. */
export async function grantReviewCreditsInTx(tx: Tx, memberId: string, granted: number, now: number): Promise<number> {
  const doc = await repo.getIn(tx, REVIEW_CREDITS, memberId)
  const credits = (doc?.credits ?? 0) + granted
  await repo
    .inTx(tx, REVIEW_CREDITS)
    .doc(memberId)
    .set({ data: { credits, updatedAt: now } })
  return credits
}

export async function reviewCreditsOf(memberId: string): Promise<number> {
  return (await repo.get(REVIEW_CREDITS, memberId))?.credits ?? 0
}

/** The credits as the camp `subscribed` and `setReminder` actions take them (services/camp/reminders.ts `ReviewCredits`). */
export const reviewCredits = { of: reviewCreditsOf, grantInTx: grantReviewCreditsInTx }
