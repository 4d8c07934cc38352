/**
 * The SLA dashboard (issue #17 item 3) — 批改时效. Time to review comes from the teachers' day stats documents
 * (`review_stats/stats:{teacher}:{day}`, whose `sla` histogram and hour counters the review transaction writes,
 * domain/review/sla.ts withSla): ONE `byIds` of teachers × days ids (≤ MAX_SLA_IDS). Operators page the teachers
 * (role index roles_created) so that bound holds for any range.
 *
 * Backlog by age and the oldest waiting item: the stored queue counters (services/camp/queue-counters.ts) count the
 * backlog by day and team, not by queue-entry hour (an `hours` map nested in the same shards would add no request),
 * so this reads the waiting check-ins themselves — the queue's backlog criteria (queue.ts backlogMatchesByPeriod),
 * one ordered walk of { periodId, reviewStatus, submittedAt } per period in parallel, oldest submission first, at most
 * 1000 a period and MAX_SLA_BACKLOG in all.
 * Ages count from the queue-entry time (a redo's resubmission, domain/review/queue.ts queuedAt), which is never
 * before the submission: under the cap every count and the oldest item are exact; past it (`capped`) they describe
 * the MAX_SLA_BACKLOG earliest submissions.
 */
import { toSlaView, type SlaView, type WaitingCheckin } from '../../contracts/review-views'
import { can } from '../../domain/identity'
import {
  MAX_SLA_BACKLOG,
  rejectReview,
  slaRange,
  slaTeachersPerPage,
  statsDay,
  statsDocId,
  type Reviewer,
  type ReviewRejection,
} from '../../domain/review'
import type { PeriodDoc } from '../../domain/camp'
import { MAX_GET } from '../../shared/db'
import { checkinsBySubmission } from '../camp/lookups'
import { membersWithRole } from '../identity/lookups'
import { backlogMatchesByPeriod, titlesOf } from './queue'
import { loadStaff, periodsOf, repo, REVIEW_STATS } from './store'

export interface SlaQuery {
  from?: string
  to?: string
  lastDays?: number
}

/**
 * The waiting check-ins of the reviewer's periods, oldest submission first: one ordered walk per period in parallel
 * (as the queue reads its scopes), each at most 1000; at most `cap` overall. `capped`: a period had more than its
 * page, or all periods together more than `cap` — more may wait than the answer counts.
 */
export async function waitingCheckins(
  actor: Reviewer,
  periods: readonly PeriodDoc[],
  cap = MAX_SLA_BACKLOG,
): Promise<{ items: WaitingCheckin[]; capped: boolean }> {
  const perPeriod = Math.min(MAX_GET, cap)
  const pages = await Promise.all(backlogMatchesByPeriod(actor, periods).map((m) => checkinsBySubmission(m, perPeriod)))
  const items = pages.flat().sort((a, b) => a.submittedAt - b.submittedAt || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  // A full page or a full cap: more may wait (exactly that many waiting says so too; one more item would tell them apart).
  return { items: items.slice(0, cap), capped: items.length >= cap || pages.some((p) => p.length >= perPeriod) }
}

const statsDocs = async (teacherIds: readonly string[], days: readonly string[]) => [
  ...(
    await repo.byIds(
      REVIEW_STATS,
      teacherIds.flatMap((t) => days.map((d) => statsDocId(t, d))),
    )
  ).values(),
]

/** The caller's own time to review and the backlog of their periods. */
export async function mySla(openid: string, q: SlaQuery, now: number): Promise<SlaView | ReviewRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  if (!can(actor, 'review.sla').ok) return rejectReview('REVIEW.NOT_TEACHER')
  const days = slaRange(q.from, q.to, statsDay(now), q.lastDays)
  if (!Array.isArray(days)) return days
  const [docs, periods] = await Promise.all([statsDocs([actor._id], days), periodsOf(actor)])
  const waiting = await waitingCheckins(actor, periods)
  return toSlaView({
    scope: 'mine',
    days,
    docs,
    teachers: [actor],
    waiting: waiting.items,
    capped: waiting.capped,
    titles: titlesOf(periods),
    nextPage: null,
    now,
  })
}

/** Every teacher (one page of them) and the backlog of every reviewable period: operators only. */
export async function allSla(openid: string, q: SlaQuery & { page: number }, now: number): Promise<SlaView | ReviewRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  if (!can(actor, 'review.slaAll').ok) return rejectReview('REVIEW.NOT_TEACHER', undefined, '只有运营可以查看全部老师的批改时效')
  const days = slaRange(q.from, q.to, statsDay(now), q.lastDays)
  if (!Array.isArray(days)) return days
  const per = slaTeachersPerPage(days.length)
  const [found, periods] = await Promise.all([membersWithRole('teacher', q.page * per, per + 1), periodsOf(actor)])
  const teachers = found.slice(0, per)
  const [docs, waiting] = await Promise.all([
    statsDocs(
      teachers.map((t) => t._id),
      days,
    ),
    waitingCheckins(actor, periods),
  ])
  return toSlaView({
    scope: 'all',
    days,
    docs,
    teachers,
    waiting: waiting.items,
    capped: waiting.capped,
    titles: titlesOf(periods),
    nextPage: found.length > per ? q.page + 1 : null,
    now,
  })
}
