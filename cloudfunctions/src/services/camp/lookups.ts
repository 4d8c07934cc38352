/**
 * Camp data as other features may read it (they never name camp collections, nor import ./store.ts): periods, camps,
 * enrollments and check-ins by id or on a declared index, and the review queue's aggregates on check-ins.
 */
import type { CheckinDoc, PeriodDoc } from '../../domain/camp'
import { command } from '../../shared/repository'
import { profileLookup, profilesFrom, withoutProfile, type Profile, type WithProfile } from '../identity/profiles'
import { CAMPS, CHECKINS, PERIODS, repo } from './store'

export { getCamp, getCheckin, getEnrollment, getPeriod, visiblePeriod } from './store'

/** When the member submitted their first on-time check-in (index member_makeup_submitted; one request), or null. */
export async function firstCheckinAt(memberId: string): Promise<number | null> {
  const res = await repo
    .col(CHECKINS)
    .where({ memberId, makeup: false })
    .orderBy('submittedAt', 'asc')
    .limit(1)
    .field({ submittedAt: true })
    .get()
  return res.data[0]?.submittedAt ?? null
}

/**
 * Periods in one of `statuses` (index { status }), or with `teacherId` only those the teacher is assigned to (index
 * { teacherIds }): at most `limit`, one request.
 */
export async function periodsIn(statuses: readonly PeriodDoc['status'][], limit: number, teacherId?: string): Promise<PeriodDoc[]> {
  const _ = command()
  const where = teacherId === undefined ? { status: _.in([...statuses]) } : { teacherIds: teacherId, status: _.in([...statuses]) }
  return (await repo.col(PERIODS).where(where).limit(limit).get()).data
}

/** Camps by id: one request per 1000 ids. */
export const campsByIds = (campIds: readonly string[]) => repo.byIds(CAMPS, campIds)

/** The member's latest `limit` check-ins of a period, newest day first (index { periodId, memberId, day }). */
export async function latestCheckinsOf(periodId: string, memberId: string, limit: number): Promise<CheckinDoc[]> {
  return (await repo.col(CHECKINS).where({ periodId, memberId }).orderBy('day', 'desc').limit(limit).get()).data
}

/**
 * Up to `limit` check-ins matching `match`, in submission order (submittedAt, _id), with their members' profiles
 * joined: ONE aggregate request.
 */
export async function checkinsInSubmissionOrder(
  match: object,
  limit: number,
): Promise<{ checkins: CheckinDoc[]; profiles: Map<string, Profile> }> {
  const res = await repo
    .col(CHECKINS)
    .aggregate()
    .match(match)
    .sort({ submittedAt: 1, _id: 1 })
    .limit(limit)
    .lookup(profileLookup('memberId'))
    .end<WithProfile<CheckinDoc>>()
  return { checkins: res.list.map((r) => withoutProfile(r)), profiles: profilesFrom(res.list) }
}

/**
 * The first `limit` (≤ 1000, a server get's maximum) check-ins matching `match` in submission order, only the fields a
 * queue-age read needs: one request. Give `match` one period and a review status: an ordered walk of
 * period_review_submitted (a tie-break on `_id` would leave that index for submitted_id's walk of every check-in).
 */
export async function checkinsBySubmission(
  match: object,
  limit: number,
): Promise<Pick<CheckinDoc, '_id' | 'periodId' | 'day' | 'submittedAt' | 'editedAt' | 'redoCount'>[]> {
  const res = await repo
    .col(CHECKINS)
    .where(match)
    .orderBy('submittedAt', 'asc')
    .limit(limit)
    .field({ periodId: true, day: true, submittedAt: true, editedAt: true, redoCount: true })
    .get()
  return res.data
}

/**
 * Check-ins matching `match` in submission order (then `_id`), at most `limit` (≤ 1000): one request. Review's fair
 * distribution reads the pool and a teacher's dealt items this way (index period_review_assignee_submitted).
 */
export async function checkinsWhere(match: object, limit: number): Promise<CheckinDoc[]> {
  const res = await repo.col(CHECKINS).where(match).orderBy('submittedAt', 'asc').orderBy('_id', 'asc').limit(limit).get()
  return res.data
}
