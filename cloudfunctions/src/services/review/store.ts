/**
 * Review collections and the reads every review use case shares: the caller as a reviewer (one member read: roles
 * and nickname together) and the periods they review (index { teacherIds } for teachers, { status } for admins).
 */
import type { CampDoc, PeriodDoc } from '../../domain/camp'
import type { MemberDoc } from '../../domain/identity'
import { rejectReview, type Reviewer, type ReviewRejection } from '../../domain/review'
import { byIds, db, getOrNull } from '../../shared/db'
import { CAMPS, MEMBERS, PERIODS } from '../camp/store'

export const REVIEWS = 'reviews'
export const REVIEW_STATS = 'review_stats'
export const REVIEW_PHRASES = 'review_phrases'
export const REVIEW_CREDITS = 'review_credits'

/** Periods whose check-ins can still be reviewed (drafts have none; closed ones are frozen). */
export const REVIEWABLE_STATUSES: PeriodDoc['status'][] = ['open', 'running', 'ended']
/** A teacher is assigned to a handful of periods; an admin's view is capped (pages narrow by period). */
const MAX_PERIODS = 100

/** The caller as review rules see them, or REVIEW.NOT_REGISTERED when they have no member record. */
export async function loadReviewer(openid: string): Promise<Reviewer | ReviewRejection> {
  const m = await getOrNull<MemberDoc>(MEMBERS, openid)
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
  const _ = db().command
  const where = r.roles.includes('admin') ? { status: _.in(REVIEWABLE_STATUSES) } : { teacherIds: r._id, status: _.in(REVIEWABLE_STATUSES) }
  const res = (await db().collection(PERIODS).where(where).limit(MAX_PERIODS).get()) as unknown as { data: PeriodDoc[] }
  return withCampTitles(res.data)
}

/** Each period with its camp's title (one read of the camps by id), for the titles teachers see. */
export async function withCampTitles<P extends PeriodDoc>(periods: readonly P[]): Promise<(P & { campTitle?: string })[]> {
  const camps = await byIds<CampDoc>(CAMPS, [...new Set(periods.map((p) => p.campId))])
  return periods.map((p) => ({ ...p, campTitle: camps.get(p.campId)?.title }))
}
