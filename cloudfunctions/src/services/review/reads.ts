/**
 * The member's read marks on teacher reviews (domain/review/reads.ts): which reviews are unread, and marking the ones a
 * member screen just showed as seen. Only the member's own reviews are read (index { memberId, reviewedAt }) and only
 * the member's own marks are written, so a teacher's review transaction never waits on them.
 */
import { readMarkOf, reviewVersion, unreadReviews, type ReviewDoc } from '../../domain/review'
import { withoutId } from '../../shared/db'
import { repo, REVIEW_READS, REVIEWS } from './store'

/**
 * How far back unread reviews are looked for: the member's latest reviews (a 21-day period has at most 21 check-ins
 * with one redo each), so a member in several camps at once is still counted exactly.
 */
export const UNREAD_WINDOW = 200

export async function myUnreadReviews(memberId: string): Promise<ReviewDoc[]> {
  const res = await repo.col(REVIEWS).where({ memberId }).orderBy('reviewedAt', 'desc').limit(UNREAD_WINDOW).get()
  if (res.data.length === 0) return []
  const marks = await repo.byIds(
    REVIEW_READS,
    res.data.map((r) => r._id),
  )
  return unreadReviews(res.data, marks)
}

/**
 * A member screen is showing `review` to its member: answers whether it was unread until now, and marks it seen (one
 * read, and one write only when it was unread).
 */
export async function seeReview(memberId: string, review: ReviewDoc, now: number): Promise<boolean> {
  if (review.memberId !== memberId) return false
  const marks = await repo.byIds(REVIEW_READS, [review._id])
  const mark = marks.get(review._id)
  const unread = !mark || mark.seenVersion < reviewVersion(review)
  if (unread) await markSeen(memberId, [review], now)
  return unread
}

/**
 * Record that the member was just shown these reviews. `set` by the review's id: marking twice writes the same mark, so
 * a retried view is harmless. A failed write throws (the caller answers SYS.*; the review stays unread).
 */
export async function markSeen(memberId: string, reviews: readonly ReviewDoc[], now: number): Promise<void> {
  const own = reviews.filter((r) => r.memberId === memberId)
  await Promise.all(
    own.map((r) =>
      repo
        .col(REVIEW_READS)
        .doc(r._id)
        .set({ data: withoutId(readMarkOf(r, now)) }),
    ),
  )
}
