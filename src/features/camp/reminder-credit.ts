import type { SubscribedView } from '@cloud/contracts/camp-results'
import type { Envelope } from '@/shared/cloud/types'
import { newRequestId } from '@/shared/request-id'
import { requestSubscribe } from '@/shared/wx'
import { subscribed } from './api'
import { REMINDER_TEMPLATE_ID, REVIEW_TEMPLATE_ID } from './rules'

/** The member declined (or WeChat would not ask): nothing was sent. */
export const DECLINED = { code: 'CLIENT.DECLINED', message: '未开启提醒，可随时在「打卡提醒」中开启' } as const

/**
 * Asks WeChat for one reminder credit and reports the accepted template to the function. Must start inside a tap
 * handler (WeChat shows the prompt only then), so call it before any other await.
 */
export function askReminderCredit(
  periodId: string,
  opts: { alsoReview?: boolean } = {},
): { accepted: Promise<string[]>; report: () => Promise<Envelope<SubscribedView>> } {
  // After a check-in is the natural moment to also ask for the teacher's review notification (one credit per review).
  const accepted = requestSubscribe(opts.alsoReview ? [REMINDER_TEMPLATE_ID, REVIEW_TEMPLATE_ID] : [REMINDER_TEMPLATE_ID])
  const requestId = newRequestId()
  return {
    accepted,
    report: async () => {
      const ids = await accepted
      return ids.length ? subscribed(periodId, ids, requestId) : DECLINED
    },
  }
}
