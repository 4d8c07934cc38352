/**
 * The one subscribe message of a fresh review. Only the transaction that CREATED the review (its `_id` is the
 * first-review-wins key) gets a notification in its plan, so a second teacher, a retry or an edit never send. The
 * credit is claimed first with a conditional `_.inc(-1)` (credits > 0), then the message goes out: without a credit
 * nothing is sent and nothing fails. WeChat's 43101 (no credit on its side) zeroes ours; any other failure gives
 * the credit back.
 */
import { REVIEW_TEMPLATE_ID } from '../../contracts/camp'
import type { ReviewNotification } from '../../domain/review'
import { command } from '../../shared/repository'
import { sendSubscribeMessage } from '../camp/wechat'
import { repo, REVIEW_CREDITS } from './store'

export type NotifyOutcome = 'sent' | 'no_credit' | 'failed'

export async function notifyReview(n: ReviewNotification, now: number): Promise<NotifyOutcome> {
  const _ = command()
  const credits = repo.col(REVIEW_CREDITS)
  const claim = await credits.where({ _id: n.memberId, credits: _.gt(0) }).update({ data: { credits: _.inc(-1), updatedAt: now } })
  if (claim.stats.updated !== 1) return 'no_credit'
  const outcome = await sendSubscribeMessage({ touser: n.memberId, templateId: REVIEW_TEMPLATE_ID, page: n.page, data: n.data })
  if (outcome === 'no_credit') await credits.doc(n.memberId).update({ data: { credits: 0, updatedAt: now } })
  if (outcome === 'failed') await credits.doc(n.memberId).update({ data: { credits: _.inc(1), updatedAt: now } })
  return outcome
}
