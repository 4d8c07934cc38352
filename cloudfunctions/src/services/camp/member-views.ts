/**
 * What a member reads about their own participation: my periods, the certificate, and the camp half of today and the
 * calendar (the teacher's feedback on them is composed downstream, in services/review/member-views.ts).
 */
import type { CertificateView, MyPeriodsView } from '../../contracts/camp-results'
import { toPeriodView } from '../../contracts/camp-views'
import {
  certificateOf,
  checkinId,
  liveStreak,
  rejectCamp,
  todayOf,
  totalCheckedDays,
  type CampRejection,
  type CheckinDoc,
  type EnrollmentDoc,
  type PeriodDoc,
} from '../../domain/camp'
import { memberOf } from '../identity/lookups'
import { CAMPS, CHECKINS, ENROLLMENTS, getCamp, getCheckin, getEnrollment, PERIODS, repo, visiblePeriod } from './store'

/**
 * Period, enrollment and today's check-in: the period first (its cut-off says which day is today), then both at once.
 */
export async function todayOfMember(
  periodId: string,
  memberId: string,
  now: number,
): Promise<{ period: PeriodDoc; enrollment: EnrollmentDoc | null; checkin: CheckinDoc | null } | CampRejection> {
  const period = await visiblePeriod(periodId)
  if ('ok' in period) return period
  const [enrollment, checkin] = await Promise.all([
    getEnrollment(periodId, memberId),
    getCheckin(checkinId(periodId, todayOf(period, now), memberId)),
  ])
  return { period, enrollment, checkin }
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

/** The member's check-ins of a period, day by day (review state per day): one request. */
export async function checkinsOfPeriod(periodId: string, memberId: string): Promise<CheckinDoc[]> {
  return (await repo.col(CHECKINS).where({ periodId, memberId }).orderBy('day', 'asc').limit(MAX_PERIOD_DAYS).get()).data
}

/** My periods, newest join first: enrollments on { memberId, joinedAt }, then their periods and camps by id. */
export async function myPeriods(memberId: string, limit: number, now: number): Promise<MyPeriodsView> {
  const res = await repo.col(ENROLLMENTS).where({ memberId }).orderBy('joinedAt', 'desc').limit(limit).get()
  const periods = await repo.byIds(
    PERIODS,
    res.data.map((e) => e.periodId),
  )
  const camps = await repo.byIds(
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
  const [camp, member] = await Promise.all([getCamp(period.campId), memberOf(memberId)])
  // Completion writes the enrollment once (completed + certificate number), so its updatedAt is the issue time.
  const issuedDay = todayOf(period, period.stats?.closedAt ?? enrollment.updatedAt)
  return {
    ...certificateOf(period, enrollment, enrollment.certificateNo, issuedDay),
    campTitle: camp?.title ?? '',
    nickname: member?.nickname || '学员',
    avatarFileId: member?.avatarFileId ?? '',
  }
}
