/**
 * Camp data as the community feature (teams) reads it: it never names camp's collections. Bounded reads on indexes.
 */
import { checkinId, enrollmentId, type CampDoc, type CheckinDoc, type EnrollmentDoc, type PeriodDoc } from '../../domain/camp'
import { command } from '../../shared/repository'
import { repo } from './store'

export type TeamEnrollment = Pick<
  EnrollmentDoc,
  | '_id'
  | 'periodId'
  | 'memberId'
  | 'publicId'
  | 'joinedAt'
  | 'checkedDays'
  | 'madeUpDays'
  | 'currentStreak'
  | 'reminderLastDay'
  | 'reminderCredits'
>

const FIELDS = {
  periodId: true,
  memberId: true,
  publicId: true,
  joinedAt: true,
  checkedDays: true,
  madeUpDays: true,
  currentStreak: true,
  reminderLastDay: true,
  reminderCredits: true,
} as const

/** The period, drafts included (operators split before publishing too), or null. */
export const periodForTeams = (periodId: string): Promise<PeriodDoc | null> => repo.get('periods', periodId)

/**
 * A period's enrollments in join order after (`joinedAt`, `id`), at most `limit` (index period_joined_id): the split
 * walks them all page by page, late-joiner placement resumes from its cursor.
 */
export async function enrollmentsJoinedAfter(
  periodId: string,
  after: { joinedAt: number; id: string } | null,
  limit: number,
): Promise<TeamEnrollment[]> {
  const _ = command()
  const where = after
    ? _.or([
        { periodId, joinedAt: _.gt(after.joinedAt) },
        { periodId, joinedAt: after.joinedAt, _id: _.gt(after.id) },
      ])
    : { periodId }
  const res = await repo.col('enrollments').where(where).orderBy('joinedAt', 'asc').orderBy('_id', 'asc').limit(limit).field(FIELDS).get()
  return res.data
}

export { nudgeMembers, type NudgeOutcome } from './nudges'

/** The enrollments of these members in the period (a team's roster: one request per 1000). */
export async function enrollmentsOfMembers(periodId: string, memberIds: readonly string[]): Promise<Map<string, TeamEnrollment>> {
  const found = await repo.byIds(
    'enrollments',
    memberIds.map((m) => `${periodId}:${m}`),
  )
  return new Map([...found.values()].map((e) => [e.memberId, e]))
}

/** A member's whole enrollment in the period (the learning report), or null: one read by `_id`. */
export const enrollmentForReport = (periodId: string, memberId: string): Promise<EnrollmentDoc | null> =>
  repo.get('enrollments', enrollmentId(periodId, memberId))

/** The camp a period belongs to (its title and cover on the report), or null. */
export const campForReport = (campId: string): Promise<CampDoc | null> => repo.get('camps', campId)

/** The member's check-ins on these days of the period, by `_id` (≤ lengthDays ids, one request). */
export async function checkinsOnDays(periodId: string, memberId: string, days: readonly string[]): Promise<CheckinDoc[]> {
  if (days.length === 0) return []
  const found = await repo.byIds(
    'checkins',
    days.map((d) => checkinId(periodId, d, memberId)),
  )
  return [...found.values()]
}
