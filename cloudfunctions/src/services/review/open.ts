/**
 * Opening a submission: the check-in, its media, the member's streak and recent history, this round's review and the
 * camp's score options. Everything derivable from the check-in id (`checkin:{periodId}:{day}:{memberId}`) is read in
 * one parallel wave with the caller and the period; only the camp (its score scale) waits for the period.
 */
import { toReviewOpenView, type ReviewOpenView } from '../../contracts/review-views'
import { rejectCamp, type CampDoc, type CampRejection, type CheckinDoc, type EnrollmentDoc, type PeriodDoc } from '../../domain/camp'
import { MAX_REDOS } from '../../domain/camp'
import { checkinIdParts, checkReviewer, reviewId, type ReviewDoc, type Reviewer, type ReviewRejection } from '../../domain/review'
import { getCamp, getCheckin, getEnrollment, getPeriod, latestCheckinsOf } from '../camp/lookups'
import { memberOf } from '../identity/lookups'
import type { Profile } from '../identity/profiles'
import { claimItem, takesLease } from './distribution'
import { loadStaff, repo, REVIEWS } from './store'

/** How many of the member's latest check-ins the page lists under the submission. */
const HISTORY = 8

interface Details {
  enrollment: EnrollmentDoc | null
  recent: CheckinDoc[]
  /** Every round's review, by id. */
  reviews: Map<string, ReviewDoc>
  profile: Profile | undefined
}

/** The reads that need only the check-in id (4 requests, in parallel). */
async function detailsOf(checkinId: string): Promise<Details> {
  const parts = checkinIdParts(checkinId)
  if (!parts) throw new RangeError(`not a check-in id: ${checkinId}`)
  const rounds = Array.from({ length: MAX_REDOS + 1 }, (_, r) => reviewId(checkinId, r))
  const [enrollment, recent, reviews, profile] = await Promise.all([
    getEnrollment(parts.periodId, parts.memberId),
    latestCheckinsOf(parts.periodId, parts.memberId, HISTORY + 1),
    repo.byIds(REVIEWS, rounds),
    memberOf(parts.memberId),
  ])
  return { enrollment, recent: recent.slice(0, HISTORY + 1), reviews, profile: profile ?? undefined }
}

function viewOf(
  actor: Reviewer,
  period: PeriodDoc,
  camp: CampDoc | null,
  checkin: CheckinDoc,
  d: Details,
  now: number,
): ReviewOpenView | ReviewRejection {
  const denied = checkReviewer(actor, 'review.open', period, checkin)
  if (denied) return denied
  const review = d.reviews.get(reviewId(checkin._id, checkin.redoCount)) ?? null
  const history = d.recent.filter((h) => h._id !== checkin._id).slice(0, HISTORY)
  const titled = { ...period, campTitle: camp?.title }
  return toReviewOpenView(checkin, titled, camp?.scoreScale ?? 'stars5', d.enrollment, history, review, d.profile, actor._id, now)
}

/**
 * `lease` false: look without taking the item (a draft prepared ahead for an item the teacher has not opened yet —
 * taking it would move their one lease off the item they are working on).
 */
export async function openReview(
  openid: string,
  checkinId: string,
  now: number,
  lease = true,
): Promise<ReviewOpenView | ReviewRejection | CampRejection> {
  const parts = checkinIdParts(checkinId)
  if (!parts) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  const [actor, period, checkin, details] = await Promise.all([
    loadStaff(openid),
    getPeriod(parts.periodId),
    getCheckin(checkinId),
    detailsOf(checkinId),
  ])
  if ('ok' in actor) return actor
  if (!period || !checkin) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  const denied = checkReviewer(actor, 'review.open', period, checkin)
  if (denied) return denied
  // A teacher of the period opening a waiting item takes its lease (issue #17 item 2), in parallel with the camp read.
  const [camp, claimed] = await Promise.all([
    getCamp(period.campId),
    lease && takesLease(actor, period, checkin) ? claimItem(checkinId, actor._id, now) : checkin,
  ])
  if ('ok' in claimed) return claimed
  return viewOf(actor, period, camp, claimed, details, now)
}

/** For "next": the check-in and its period are already in hand; a teacher of the period claims it (its lease). */
export async function openFetched(
  actor: Reviewer,
  period: PeriodDoc,
  checkin: CheckinDoc,
  now: number,
): Promise<ReviewOpenView | ReviewRejection | CampRejection> {
  const denied = checkReviewer(actor, 'review.open', period, checkin)
  if (denied) return denied
  const [camp, details, claimed] = await Promise.all([
    getCamp(period.campId),
    detailsOf(checkin._id),
    takesLease(actor, period, checkin) ? claimItem(checkin._id, actor._id, now) : checkin,
  ])
  if ('ok' in claimed) return claimed
  return viewOf(actor, period, camp, claimed, details, now)
}
