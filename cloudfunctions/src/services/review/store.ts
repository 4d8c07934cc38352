/**
 * The review repository and the reads every review use case shares: the caller as a reviewer (one member read: roles
 * and nickname together) and the periods they review (index { teacherIds } for teachers, { status } for admins).
 * Camp documents are read and written through the functions camp exports (camp/lookups.ts, camp/checkin-tx.ts).
 */
import type { PeriodDoc } from '../../domain/camp'
import { rejectReview, type Reviewer, type ReviewRejection } from '../../domain/review'
import { repository } from '../../shared/repository'
import { campsByIds, periodsIn } from '../camp/lookups'
import { memberOf } from '../identity/lookups'

export const REVIEWS = 'reviews'
export const REVIEW_STATS = 'review_stats'
export const REVIEW_PHRASES = 'review_phrases'
export const REVIEW_CREDITS = 'review_credits'
export const REVIEW_READS = 'review_reads'

export const repo = repository('review')

/** Periods whose check-ins can still be reviewed (drafts have none; closed ones are frozen). */
export const REVIEWABLE_STATUSES: PeriodDoc['status'][] = ['open', 'running', 'ended']
/** A teacher is assigned to a handful of periods; an admin's view is capped (pages narrow by period). */
const MAX_PERIODS = 100

/** The caller as review rules see them, or REVIEW.NOT_REGISTERED when they have no member record. */
export async function loadReviewer(openid: string): Promise<Reviewer | ReviewRejection> {
  const m = await memberOf(openid)
  if (!m) return rejectReview('REVIEW.NOT_REGISTERED')
  return { _id: m._id, roles: Array.isArray(m.roles) ? m.roles : ['member'], nickname: m.nickname || '老师' }
}

export const isStaff = (r: Reviewer): boolean => r.roles.includes('teacher') || r.roles.includes('admin')

/** Members without a staff role are refused before anything else is read. */
export async function loadStaff(openid: string): Promise<Reviewer | ReviewRejection> {
  const r = await loadReviewer(openid)
  if ('ok' in r) return r
  return isStaff(r) ? r : rejectReview('REVIEW.NOT_TEACHER')
}

/** The periods the reviewer may see: assigned ones for teachers, every reviewable one for admins. */
export async function periodsOf(r: Reviewer): Promise<PeriodDoc[]> {
  const periods = await periodsIn(REVIEWABLE_STATUSES, MAX_PERIODS, r.roles.includes('admin') ? undefined : r._id)
  return withCampTitles(periods)
}

/** Each period with its camp's title (one read of the camps by id), for the titles teachers see. */
export async function withCampTitles<P extends PeriodDoc>(periods: readonly P[]): Promise<(P & { campTitle?: string })[]> {
  const camps = await campsByIds([...new Set(periods.map((p) => p.campId))])
  return periods.map((p) => ({ ...p, campTitle: camps.get(p.campId)?.title }))
}
