/**
 * Teacher stats from the day counter document (no scan of reviews) plus the live backlog aggregate. Admins see every
 * teacher: the day's counter documents (index { day, reviewed }) and every teacher assigned to a reviewable period,
 * with one backlog aggregate over all those periods.
 */
import { toTeacherStatsView, type TeacherStatsListView, type TeacherStatsView } from '../../contracts/review-views'
import type { PeriodDoc } from '../../domain/camp'
import { can } from '../../domain/identity'
import { readStats, rejectReview, statsDay, statsDocId, summarizeBacklog, type ReviewRejection } from '../../domain/review'
import { membersByIds } from '../identity/lookups'
import { backlogOf, titlesOf } from './queue'
import { loadStaff, periodsOf, repo, REVIEW_STATS } from './store'

export async function myStats(openid: string, day: string | undefined, now: number): Promise<TeacherStatsView | ReviewRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  const d = day ?? statsDay(now)
  const [doc, periods] = await Promise.all([repo.get(REVIEW_STATS, statsDocId(actor._id, d)), periodsOf(actor)])
  const backlog = await backlogOf(actor, periods)
  return toTeacherStatsView(readStats(doc, actor._id, d), backlog, actor.nickname, titlesOf(periods))
}

export async function allTeacherStats(
  openid: string,
  day: string | undefined,
  limit: number,
  now: number,
): Promise<TeacherStatsListView | ReviewRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  if (!can(actor, 'review.statsAll').ok) return rejectReview('REVIEW.NOT_TEACHER', undefined, '只有运营可以查看全部老师的数据')
  const d = day ?? statsDay(now)
  const [docs, periods] = await Promise.all([
    repo.col(REVIEW_STATS).where({ day: d }).orderBy('reviewed', 'desc').limit(limit).get(),
    periodsOf(actor),
  ])
  const assigned = periods.flatMap((p) => p.teacherIds)
  const teacherIds = [...new Set([...docs.data.map((s) => s.teacherId), ...assigned])].slice(0, limit)
  const [names, backlog] = await Promise.all([membersByIds(teacherIds), backlogOf(actor, periods)])
  const titles = titlesOf(periods)
  const byTeacher = new Map(docs.data.map((s) => [s.teacherId, s]))
  const items = teacherIds.map((id) => {
    const theirs = new Set(periods.filter((p: PeriodDoc) => p.teacherIds.includes(id)).map((p) => p._id))
    // A teacher narrowed to teams shares the period's backlog here: admins read the period total.
    const mine = summarizeBacklog(backlog.byPeriodDay.filter((g) => theirs.has(g.periodId)))
    return toTeacherStatsView(readStats(byTeacher.get(id) ?? null, id, d), mine, names.get(id)?.nickname ?? '', titles)
  })
  return { items: items.sort((a, b) => b.reviewedToday - a.reviewedToday || b.backlog - a.backlog) }
}
