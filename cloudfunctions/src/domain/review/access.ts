import type { CheckinDoc, PeriodDoc } from '../camp/model'
import { can, type Actor, type ActionName } from '../identity/policy'
import { rejectReview, type ReviewRejection } from './rejections'

/** The teacher as review rules see them: the policy's actor plus the nickname stored on reviews. */
export type Reviewer = Actor & { nickname: string }

export type ReviewAction = Extract<ActionName, `review.${string}`>

/**
 * Runs the shared policy (../identity/policy.ts) for a review action on one check-in and speaks review's language:
 * a member gets REVIEW.NOT_TEACHER, a teacher of another period or team gets REVIEW.NOT_ASSIGNED. Admins pass.
 */
export function checkReviewer(
  actor: Actor | null | undefined,
  action: ReviewAction,
  period: Pick<PeriodDoc, '_id' | 'teacherIds' | 'teacherTeams'>,
  checkin?: Pick<CheckinDoc, 'teamId'>,
): ReviewRejection | null {
  const verdict = can(actor, action, {
    periodId: period._id,
    teacherIds: period.teacherIds,
    teacherTeams: period.teacherTeams,
    teamId: checkin ? checkin.teamId : undefined,
  })
  if (verdict.ok) return null
  if (verdict.code === 'AUTH.NOT_REGISTERED') return rejectReview('REVIEW.NOT_REGISTERED')
  if (verdict.code === 'AUTH.NOT_ASSIGNED') return rejectReview('REVIEW.NOT_ASSIGNED', { periodId: period._id })
  return rejectReview('REVIEW.NOT_TEACHER')
}

/** The teams inside `period` a teacher reviews; null = the whole period (admins, or teachers without teams). */
export function teamsOf(actor: Actor, period: Pick<PeriodDoc, 'teacherTeams'>): string[] | null {
  if (actor.roles.includes('admin')) return null
  const teams = period.teacherTeams[actor._id]
  return teams && teams.length > 0 ? [...teams] : null
}

/** The periods among `periods` the actor may review (all of them for admins). */
export function reviewablePeriods<P extends Pick<PeriodDoc, '_id' | 'teacherIds'>>(actor: Actor, periods: readonly P[]): P[] {
  if (actor.roles.includes('admin')) return [...periods]
  if (!actor.roles.includes('teacher')) return []
  return periods.filter((p) => p.teacherIds.includes(actor._id))
}
