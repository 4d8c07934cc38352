/**
 * The member's today and calendar with their teacher's feedback (camp actions composed here, downstream of camp,
 * which knows nothing of reviews): camp's reads first, exactly as camp answers them alone, then the review reads.
 */
import { toCalendarView, toTodayView, type CalendarView, type TodayView } from '../../contracts/camp-views'
import { toReviewView } from '../../contracts/review-views'
import type { CampRejection } from '../../domain/camp'
import { checkinsOfPeriod, joinedPeriod, todayOfMember } from '../camp/member-views'
import { latestReview } from './my-checkin'
import { myUnreadReviews, seeReview } from './reads'

/**
 * Period, then enrollment and today's check-in at once (camp); once a teacher reviewed today's check-in, its latest
 * review and read mark (showing it here marks it seen).
 */
export async function today(periodId: string, memberId: string, now: number): Promise<TodayView | CampRejection> {
  const found = await todayOfMember(periodId, memberId, now)
  if ('ok' in found) return found
  const { period, enrollment, checkin } = found
  const review = checkin ? await latestReview(checkin) : undefined
  const shown =
    checkin && review
      ? { view: toReviewView(review, checkin, period, memberId, now), unread: await seeReview(memberId, review, now) }
      : null
  return toTodayView(period, enrollment, checkin, now, shown)
}

/**
 * Period and enrollment, then the member's check-ins of the period (review state per day) and their unread reviews
 * at once; nothing is marked seen here (a day's review is seen when the day is opened).
 */
export async function calendarOf(periodId: string, memberId: string, now: number): Promise<CalendarView | CampRejection> {
  const joined = await joinedPeriod(periodId, memberId)
  if ('ok' in joined) return joined
  const [checkins, unread] = await Promise.all([checkinsOfPeriod(periodId, memberId), myUnreadReviews(memberId)])
  const unreadDays = new Set(unread.filter((r) => r.periodId === periodId).map((r) => r.day))
  return toCalendarView(joined.period, joined.enrollment, now, checkins, unreadDays)
}
