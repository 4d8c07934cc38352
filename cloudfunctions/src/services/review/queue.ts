/**
 * The teacher's queue. Each scope (one of the teacher's periods, with its day and teams) is ONE aggregate on the
 * index { periodId, reviewStatus, submittedAt } (flagged: { periodId, moderation, submittedAt }): equality on the
 * prefix, `submittedAt >= cursor` as the range, sort by (submittedAt, _id), limit page + 1, members' profiles joined
 * by `$lookup`. Scopes run in parallel and merge in queue order. The backlog counts are the camp's counters (one `_id`
 * read of each period's base and shards, no scan), on the first page only.
 */
import { periodTitle, toQueueItemView, type QueuePageView } from '../../contracts/review-views'
import { backlogDays, type CheckinDoc, type PeriodDoc } from '../../domain/camp'
import {
  buildQueueQuery,
  compareQueue,
  pageQueue,
  reviewablePeriods,
  summarizeBacklog,
  teamsOf,
  type BacklogGroup,
  type BacklogSummary,
  type QueueCursor,
  type QueueFilter,
  type QueueQuery,
  type QueueScope,
  type Reviewer,
  type ReviewRejection,
} from '../../domain/review'
import { command } from '../../shared/repository'
import { checkinsInSubmissionOrder } from '../camp/lookups'
import { BACKLOG_PAGE, queueCountsOf } from '../camp/queue-counters'
import type { Profile } from '../identity/profiles'
import { awayColleagues, teacherNames } from './distribution'
import { loadStaff, periodsOf } from './store'

export interface FetchedQueue {
  docs: CheckinDoc[]
  profiles: Map<string, Profile>
}

function scopeMatch(q: QueueQuery, s: QueueScope): object {
  const _ = command()
  const m: Record<string, unknown> = { periodId: s.periodId }
  if (q.reviewStatus !== null) m.reviewStatus = q.reviewStatus
  if (q.moderation !== null) m.moderation = q.moderation
  else if (q.excludeRisky) m.moderation = _.neq('risky')
  if (s.day !== null) m.day = s.day
  if (s.teamIds !== null) m.teamId = _.in(s.teamIds)
  // null matches the pool: null or a missing field (see services/review/distribution.ts backlogMatch).
  if (s.assigneeId !== undefined) m.assigneeId = s.assigneeId
  if (!q.after) return m
  m.submittedAt = _.gte(q.after.submittedAt)
  return _.and([m, _.or([{ submittedAt: _.gt(q.after.submittedAt) }, { _id: _.gt(q.after.id) }])])
}

/** Up to `query.limit` check-ins in queue order over every scope (one request per scope). */
export async function fetchQueue(query: QueueQuery): Promise<FetchedQueue> {
  const lists = await Promise.all(query.scopes.map((s) => checkinsInSubmissionOrder(scopeMatch(query, s), query.limit)))
  const docs = lists
    .flatMap((l) => l.checkins)
    .sort(compareQueue)
    .slice(0, query.limit)
  return { docs, profiles: new Map(lists.flatMap((l) => [...l.profiles])) }
}

/** The backlog's criteria one period at a time (each an equality prefix on { periodId, reviewStatus, submittedAt }). */
export function backlogMatchesByPeriod(actor: Reviewer, periods: readonly PeriodDoc[]): object[] {
  const _ = command()
  return reviewablePeriods(actor, periods)
    .filter((p) => p.status !== 'draft')
    .map((p) => {
      const teams = teamsOf(actor, p)
      return { periodId: p._id, reviewStatus: 'pending', moderation: _.neq('risky'), ...(teams ? { teamId: _.in(teams) } : {}) }
    })
}

/**
 * What waits for the reviewer — pending, not rejected check-ins of their reviewable periods (narrowed to their teams)
 * by period and day — from the camp's backlog counters: one `_id` read of each period's base and shards (a period
 * without its base is recounted once, services/camp/queue-counters.ts; `pageSize` is that recount's page).
 */
export async function backlogOf(actor: Reviewer, periods: readonly PeriodDoc[], pageSize = BACKLOG_PAGE): Promise<BacklogSummary> {
  const mine = reviewablePeriods(actor, periods).filter((p) => p.status !== 'draft')
  if (mine.length === 0) return summarizeBacklog([])
  const counts = await queueCountsOf(
    mine.map((p) => p._id),
    pageSize,
  )
  const groups: BacklogGroup[] = mine.flatMap((p) => {
    const c = counts.get(p._id)
    return c ? backlogDays(c, teamsOf(actor, p)).map((g) => ({ periodId: p._id, ...g })) : []
  })
  return summarizeBacklog(groups)
}

export const titlesOf = (periods: readonly PeriodDoc[]): Map<string, string> => new Map(periods.map((p) => [p._id, periodTitle(p)]))

export async function queuePage(
  openid: string,
  filter: QueueFilter,
  cursor: QueueCursor | null,
  pageSize: number,
  now: number,
): Promise<QueuePageView | ReviewRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  const periods = await periodsOf(actor)
  const scopedPeriods = filter.periodId === undefined ? periods : periods.filter((p) => p._id === filter.periodId)
  const query = buildQueueQuery(actor, periods, filter, now, pageSize, cursor)
  if ('ok' in query) return query
  // One wave: the page (a teacher's own items and the pool), the backlog with the first page only (one counter read,
  // not again for every page scrolled in), the colleagues' presences, and for operators the teachers' names (assignee,
  // 正在点评). Only when a colleague is away (their items are this teacher's to take too) or this teacher just came back
  // (a deal ran for them) is the page read again with those scopes — not the steady state.
  const staffNames = actor.roles.includes('admin') ? scopedPeriods.flatMap((p) => p.teacherIds) : []
  const [presence, first, backlog, operatorNames] = await Promise.all([
    awayColleagues(actor, scopedPeriods, now, cursor === null),
    fetchQueue(query),
    cursor ? null : backlogOf(actor, periods),
    teacherNames(staffNames),
  ])
  const again = presence.dealt || presence.away.size > 0
  const full = again ? buildQueueQuery(actor, periods, filter, now, pageSize, cursor, presence.away) : query
  if ('ok' in full) return full
  const fetched = again ? await fetchQueue(full) : first
  const { items, next } = pageQueue(fetched.docs, full)
  const titles = titlesOf(periods)
  // A teacher's page names mostly themselves (their own items); another teacher's name (an away colleague's item, a
  // pool item someone opened) costs one read then, only when the page has one.
  const others = [...new Set(items.flatMap((c) => [c.assigneeId, c.lease?.holder]))].filter(
    (t): t is string => typeof t === 'string' && t !== actor._id && !operatorNames.has(t),
  )
  const names = new Map([...operatorNames, ...(others.length > 0 ? await teacherNames(others) : []), [actor._id, actor.nickname]])
  const dist = { names, viewerId: actor._id }
  return {
    items: items.map((c) => toQueueItemView(c, fetched.profiles.get(c.memberId), titles.get(c.periodId) ?? '', now, dist)),
    next,
    backlog,
  }
}
