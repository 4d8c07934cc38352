/** What a member reads about their own participation: today, calendar, my periods, certificate. */
import type { CertificateView, MyPeriodsView } from '../../contracts/camp-results'
import { toCalendarView, toPeriodView, toTodayView, type CalendarView, type TodayView } from '../../contracts/camp-views'
import {
  certificateOf,
  checkinId,
  liveStreak,
  rejectCamp,
  todayOf,
  totalCheckedDays,
  type CampDoc,
  type CampRejection,
  type CheckinDoc,
  type EnrollmentDoc,
  type PeriodDoc,
} from '../../domain/camp'
import type { MemberDoc } from '../../domain/identity'
import { toReviewView } from '../../contracts/review-views'
import { byIds, db, getOrNull } from '../../shared/db'
import { myUnreadReviews, seeReview } from '../review/reads'
import { latestReview } from './my-checkin'
import { CAMPS, CHECKINS, ENROLLMENTS, getCamp, getCheckin, getEnrollment, MEMBERS, PERIODS, visiblePeriod } from './store'

/**
 * Period, enrollment and today's check-in: the period first (its cut-off says which day is today), then both at once;
 * once a teacher reviewed today's check-in, its latest review and read mark (showing it here marks it seen).
 */
export async function today(periodId: string, memberId: string, now: number): Promise<TodayView | CampRejection> {
  const period = await visiblePeriod(periodId)
  if ('ok' in period) return period
  const [enrollment, checkin] = await Promise.all([
    getEnrollment(periodId, memberId),
    getCheckin(checkinId(periodId, todayOf(period, now), memberId)),
  ])
  const review = checkin ? await latestReview(checkin) : undefined
  const shown =
    checkin && review
      ? { view: toReviewView(review, checkin, period, memberId, now), unread: await seeReview(memberId, review, now) }
      : null
  return toTodayView(period, enrollment, checkin, now, shown)
}

export async function joinedPeriod(
  periodId: string,
  memberId: string,
): Promise<{ period: PeriodDoc; enrollment: EnrollmentDoc } | CampRejection> {
  const [period, enrollment] = await Promise.all([visiblePeriod(periodId), getEnrollment(periodId, memberId)])
  if ('ok' in period) return period
  return enrollment ? { period, enrollment } : rejectCamp('CAMP.NOT_JOINED')
}

/** The member's check-ins of a period at most (index { periodId, memberId, day }). */
const MAX_PERIOD_DAYS = 100

/**
 * Period and enrollment, then the member's check-ins of the period (review state per day) and their unread reviews
 * at once; nothing is marked seen here (a day's review is seen when the day is opened).
 */
export async function calendarOf(periodId: string, memberId: string, now: number): Promise<CalendarView | CampRejection> {
  const joined = await joinedPeriod(periodId, memberId)
  if ('ok' in joined) return joined
  const [checkins, unread] = await Promise.all([
    db().collection(CHECKINS).where({ periodId, memberId }).orderBy('day', 'asc').limit(MAX_PERIOD_DAYS).get() as unknown as Promise<{
      data: CheckinDoc[]
    }>,
    myUnreadReviews(memberId),
  ])
  const unreadDays = new Set(unread.filter((r) => r.periodId === periodId).map((r) => r.day))
  return toCalendarView(joined.period, joined.enrollment, now, checkins.data, unreadDays)
}

/** My periods, newest join first: enrollments on { memberId, joinedAt }, then their periods and camps by id. */
export async function myPeriods(memberId: string, limit: number, now: number): Promise<MyPeriodsView> {
  const res = (await db().collection(ENROLLMENTS).where({ memberId }).orderBy('joinedAt', 'desc').limit(limit).get()) as unknown as {
    data: EnrollmentDoc[]
  }
  const periods = await byIds<PeriodDoc>(
    PERIODS,
    res.data.map((e) => e.periodId),
  )
  const camps = await byIds<CampDoc>(
    CAMPS,
    [...periods.values()].map((p) => p.campId),
  )
  const items = res.data.flatMap((e) => {
    const period = periods.get(e.periodId)
    const camp = period && camps.get(period.campId)
    if (!period || !camp) return []
    const day = todayOf(period, now)
    return [
      {
        campId: camp._id,
        campTitle: camp.title,
        coverFileId: camp.coverFileId,
        period: toPeriodView(period, now),
        today: day,
        checkedToday: e.checkedDays.includes(day) || e.madeUpDays.includes(day),
        checkedDays: totalCheckedDays(e),
        currentStreak: liveStreak(period, e, now),
        pointsEarned: e.pointsEarned,
        completed: e.completed,
      },
    ]
  })
  return { items }
}

/** The certificate of a completed member (completion happens when the period ends, see ./completion.ts). */
export async function certificate(periodId: string, memberId: string): Promise<CertificateView | CampRejection> {
  const joined = await joinedPeriod(periodId, memberId)
  if ('ok' in joined) return joined
  const { period, enrollment } = joined
  if (!enrollment.completed || !enrollment.certificateNo) return rejectCamp('CAMP.CERTIFICATE_NOT_READY')
  const [camp, member] = await Promise.all([getCamp(period.campId), getOrNull<MemberDoc>(MEMBERS, memberId)])
  // Completion writes the enrollment once (completed + certificate number), so its updatedAt is the issue time.
  const issuedDay = todayOf(period, period.stats?.closedAt ?? enrollment.updatedAt)
  return {
    ...certificateOf(period, enrollment, enrollment.certificateNo, issuedDay),
    campTitle: camp?.title ?? '',
    nickname: member?.nickname || '学员',
    avatarFileId: member?.avatarFileId ?? '',
  }
}
