import type { CampDoc, CheckinDoc, PeriodDoc } from '../camp/model'
import { MAX_REDOS } from '../camp/edit'
import { todayOf } from '../camp/period-time'
import { publicIdOf } from '../identity/public-id'
import { checkReviewer, type Reviewer } from './access'
import { featureBlocker, featureChange, type FeaturedAward, type FeaturePatch } from './feature'
import { reviewId, type ReviewDoc } from './model'
import { reviewNotification, type ReviewNotification } from './notification'
import { queuedAt } from './queue'
import { checkReviewContent, type ReviewInput } from './review-input'
import { rejectReview, type ReviewRejection } from './rejections'
import { withSla } from './sla'
import { statsIncrement, type StatsIncrement } from './stats-counter'

/** Where a review happens: the check-in's period and the camp (its score scale and title). */
export interface ReviewScope {
  period: PeriodDoc
  camp: Pick<CampDoc, 'title' | 'scoreScale'>
}

export type ReviewEdit = Pick<ReviewDoc, 'comment' | 'voice' | 'score' | 'outcome' | 'redoReason' | 'commentVerdict' | 'editedAt'> &
  Required<Pick<ReviewDoc, 'annotatedImages'>>
export type CheckinReviewPatch = Partial<Pick<CheckinDoc, 'reviewStatus'> & FeaturePatch>

/**
 * One transaction writes a plan:
 *  - create: INSERT `review` (its `_id` is the first-review-wins key; a duplicate key means another teacher won —
 *    re-read that review and plan again, which answers REVIEW.ALREADY_REVIEWED with the winner);
 *    edit: update the review with `reviewPatch` (wrap `voice` and `score` in `_.set`: nested objects would be flattened);
 *  - update the check-in with `checkinPatch`, after checking it still has `checkinGuard` (read inside the transaction);
 *  - append each award to the ledger (a duplicate key = already paid: skip it, never fail the review);
 * then, outside the transaction: `stats` (`_.inc`: the day counters with the SLA latency and hour paths, sla.ts), and
 * `notification` if the member holds a credit.
 */
export interface ReviewPlan {
  ok: true
  kind: 'create' | 'edit'
  review: ReviewDoc
  reviewPatch: ReviewEdit | null
  checkinPatch: CheckinReviewPatch
  checkinGuard: Pick<CheckinDoc, 'reviewStatus' | 'redoCount'>
  awards: FeaturedAward[]
  notification: ReviewNotification | null
  stats: StatsIncrement | null
}

/**
 * Plans a review (or the author's same-day edit of it). `existing` is the review with id
 * reviewId(checkin._id, checkin.redoCount) if it exists. Return for redo = `input.redoReason` set: the check-in turns
 * 'returned' and the member may resubmit once (camp/edit.ts planEdit), keeping the original day.
 */
export function planReview(
  checkin: CheckinDoc,
  scope: ReviewScope,
  actor: Reviewer | null | undefined,
  input: ReviewInput,
  existing: ReviewDoc | null,
  now: number,
): ReviewPlan | ReviewRejection {
  const { period, camp } = scope
  if (checkin.periodId !== period._id) throw new Error(`check-in ${checkin._id} is not in period ${period._id}`)
  const id = reviewId(checkin._id, checkin.redoCount)
  if (existing && existing._id !== id) throw new Error(`review ${existing._id} is not ${id}`)
  const returning = input.redoReason !== null
  const denied = checkReviewer(actor, returning ? 'review.redo' : 'review.submit', period, checkin)
  if (denied || !actor) return denied ?? rejectReview('REVIEW.NOT_REGISTERED')
  if (period.status === 'closed') return rejectReview('REVIEW.PERIOD_CLOSED')

  const stateProblem = existing ? editProblem(existing, checkin, actor._id, input.edit, period, now) : createProblem(checkin, input.edit)
  if (stateProblem) return stateProblem
  if (checkin.moderation === 'risky') return rejectReview('REVIEW.CONTENT_BLOCKED')
  const content = checkReviewContent(camp.scoreScale, actor._id, input)
  if ('ok' in content) return content
  const wasReturned = existing?.outcome === 'returned'
  if (returning && !wasReturned && checkin.redoCount >= MAX_REDOS) return rejectReview('REVIEW.REDO_LIMIT', { max: MAX_REDOS })
  if (input.featured === true && !checkin.featured) {
    const blocked = featureBlocker(checkin, returning)
    if (blocked) return blocked
  }
  if (input.featured === true && returning) return rejectReview('REVIEW.FEATURE_RETURNED')

  const outcome = returning ? 'returned' : 'reviewed'
  const featured = returning ? false : (input.featured ?? checkin.featured)
  const feature = featureChange(period, checkin, featured, now)
  const checkinPatch: CheckinReviewPatch = { ...feature.patch }
  if (checkin.reviewStatus !== outcome) checkinPatch.reviewStatus = outcome
  const base = {
    checkinPatch,
    checkinGuard: { reviewStatus: checkin.reviewStatus, redoCount: checkin.redoCount },
    awards: feature.award ? [feature.award] : [],
  }

  const fields = { ...content, outcome, commentVerdict: input.commentVerdict } as const
  if (existing) {
    const reviewPatch: ReviewEdit = { ...fields, editedAt: now }
    return { ok: true, kind: 'edit', review: { ...existing, ...reviewPatch }, reviewPatch, ...base, notification: null, stats: null }
  }
  const entered = queuedAt(checkin)
  const review: ReviewDoc = {
    _id: id,
    checkinId: checkin._id,
    round: checkin.redoCount,
    periodId: checkin.periodId,
    campId: checkin.campId,
    memberId: checkin.memberId,
    day: checkin.day,
    dayIndex: checkin.dayIndex,
    teamId: checkin.teamId,
    reviewerId: actor._id,
    reviewerName: actor.nickname,
    ...fields,
    queuedAt: entered,
    waitMinutes: Math.max(0, Math.floor((now - entered) / 60_000)),
    reviewedAt: now,
    reviewedDay: todayOf(period, now),
    editedAt: null,
  }
  const notification = reviewNotification(review, camp.title, featured)
  return { ok: true, kind: 'create', review, reviewPatch: null, ...base, notification, stats: withSla(statsIncrement(review), review) }
}

function createProblem(checkin: CheckinDoc, edit: boolean): ReviewRejection | null {
  if (edit) return rejectReview('REVIEW.NOT_FOUND')
  if (checkin.makeup || checkin.reviewStatus === 'none') return rejectReview('REVIEW.NOT_REVIEWABLE')
  if (checkin.reviewStatus === 'returned') return rejectReview('REVIEW.AWAITING_REDO')
  // 'reviewed' without this round's review: the check-in moved on since it was read.
  return checkin.reviewStatus === 'pending' ? null : rejectReview('REVIEW.STALE')
}

function editProblem(
  existing: ReviewDoc,
  checkin: CheckinDoc,
  actorId: string,
  edit: boolean,
  period: PeriodDoc,
  now: number,
): ReviewRejection | null {
  if (existing.reviewerId !== actorId) {
    // the winner by public handle: details reach the client, an openid must not
    const winner = { reviewer: publicIdOf(existing.reviewerId), reviewerName: existing.reviewerName }
    if (edit) return rejectReview('REVIEW.NOT_AUTHOR', winner)
    return rejectReview('REVIEW.ALREADY_REVIEWED', winner, `这份打卡已被${existing.reviewerName || '其他老师'}点评`)
  }
  if (todayOf(period, now) !== existing.reviewedDay) return rejectReview('REVIEW.EDIT_WINDOW_PASSED', { day: existing.reviewedDay })
  return checkin.reviewStatus === existing.outcome ? null : rejectReview('REVIEW.STALE')
}
