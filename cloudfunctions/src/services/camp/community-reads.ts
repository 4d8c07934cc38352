/**
 * Camp data as the community feature (teams) reads it: it never names camp's collections. Bounded reads on indexes.
 */
import type { EnrollmentDoc, PeriodDoc } from '../../domain/camp'
import { command } from '../../shared/repository'
import { repo } from './store'

export type TeamEnrollment = Pick<
  EnrollmentDoc,
  '_id' | 'periodId' | 'memberId' | 'publicId' | 'joinedAt' | 'checkedDays' | 'madeUpDays' | 'currentStreak'
>

const FIELDS = {
  periodId: true,
  memberId: true,
  publicId: true,
  joinedAt: true,
  checkedDays: true,
  madeUpDays: true,
  currentStreak: true,
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

/** The enrollments of these members in the period (a team's roster: one request per 1000). */
export async function enrollmentsOfMembers(periodId: string, memberIds: readonly string[]): Promise<Map<string, TeamEnrollment>> {
  const found = await repo.byIds(
    'enrollments',
    memberIds.map((m) => `${periodId}:${m}`),
  )
  return new Map([...found.values()].map((e) => [e.memberId, e]))
}
