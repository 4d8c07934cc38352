import type { CheckinDoc } from '../camp/model'
import type { ReviewDoc } from './model'
import { scoreLabel } from './score'
import { fitThing, subscribeTime, type SubscribeData } from './subscribe-data'

/**
 * The subscribe message a member gets when a review arrives: ONE per review (its key is derived from the review id,
 * never from an edit), and only if they hold a credit — the I/O layer checks and consumes the credit and sends;
 * this module only writes the message.
 */

/** The template's key in the function's config (the I/O layer maps it to the account's template id). */
export const REVIEW_TEMPLATE = 'review_arrived' as const

/**
 * The template's fields. The keys must match the template chosen in the WeChat console (课程点评通知-like:
 * 打卡内容 thing, 点评内容 thing, 点评老师 thing, 状态 phrase, 点评时间 time); change them here if the chosen one differs.
 */
export const REVIEW_TEMPLATE_FIELDS = { topic: 'thing1', comment: 'thing2', teacher: 'thing3', status: 'phrase4', time: 'time5' } as const

/** The member's landing: their check-in of that day with the comment under it. */
export const REVIEW_LANDING_PAGE = 'features/review/pages/comment/index'

export interface ReviewNotification {
  /** Idempotency key of the send (e.g. the `_id` of a sent-notification record): a retried plan sends once. */
  key: string
  /** openid of the member (touser). */
  memberId: string
  template: typeof REVIEW_TEMPLATE
  /** `page` of subscribeMessage.send: inside this mini program, with its query. */
  page: string
  data: SubscribeData
}

export const reviewNotificationKey = (reviewDocId: string): string => `notify:${reviewDocId}`

export function reviewLandingPath(checkin: Pick<CheckinDoc, 'periodId' | 'day'>): string {
  return `${REVIEW_LANDING_PAGE}?periodId=${encodeURIComponent(checkin.periodId)}&day=${checkin.day}`
}

function commentExcerpt(review: ReviewDoc): string {
  if (review.outcome === 'returned') return `需重做：${review.redoReason ?? ''}`
  if (review.comment.trim()) return review.comment
  if (review.voice) return '老师给你发来了语音点评'
  return review.score ? `得分：${scoreLabel(review.score)}` : '老师点评了你的打卡'
}

/** The message for a fresh review; `campTitle` names the camp, `featured` says whether this review featured it. */
export function reviewNotification(review: ReviewDoc, campTitle: string, featured: boolean): ReviewNotification {
  const f = REVIEW_TEMPLATE_FIELDS
  const status = review.outcome === 'returned' ? '请重做' : featured ? '获精选' : '已点评'
  return {
    key: reviewNotificationKey(review._id),
    memberId: review.memberId,
    template: REVIEW_TEMPLATE,
    page: reviewLandingPath(review),
    data: {
      [f.topic]: { value: fitThing(`${campTitle.trim()} 第${review.dayIndex}天`, `第${review.dayIndex}天打卡`) },
      [f.comment]: { value: fitThing(commentExcerpt(review), '老师点评了你的打卡') },
      [f.teacher]: { value: fitThing(review.reviewerName, '老师') },
      [f.status]: { value: status },
      [f.time]: { value: subscribeTime(review.reviewedAt) },
    },
  }
}
