import type { CheckinDoc, ModerationState, PeriodDoc, ReviewStatus } from '../camp/model'
import { todayOf } from '../camp/period-time'
import type { Actor } from '../identity/policy'
import { reviewablePeriods, teamsOf } from './access'
import { rejectReview, type ReviewRejection } from './rejections'

/**
 * The teacher's queue as an index query plus keyset paging, never an offset or a re-scan:
 *
 *   checkins.where(_.and([
 *       _.or(scopes.map(s => ({ periodId: s.periodId, day?: s.day, teamId?: _.in(s.teamIds) }))),
 *       { reviewStatus?, moderation? / moderation: _.neq('risky') },
 *       after ? _.or([{ submittedAt: _.gt(after.submittedAt) }, { submittedAt: after.submittedAt, _id: _.gt(after.id) }]) : {},
 *   ])).orderBy('submittedAt', 'asc').orderBy('_id', 'asc').limit(limit)
 *
 * on the index { periodId, reviewStatus, submittedAt } (in CheckinDoc's list; `day` and `teamId` are residual
 * filters — add { periodId, reviewStatus, day, submittedAt } if day filters get hot) and { periodId, moderation,
 * submittedAt } for the flagged view. Order: oldest submission first, ties by id, so "next" is simply the first item
 * strictly after the current one in the same query.
 */

export const QUEUE_KINDS = ['pending', 'flagged', 'returned'] as const
/** pending: awaiting review. flagged: content security said 'review'. returned: sent back, awaiting the member's redo. */
export type QueueKind = (typeof QUEUE_KINDS)[number]

export interface QueueFilter {
  kind: QueueKind
  /** One of the teacher's periods; undefined = all of them. */
  periodId?: string
  /** A business day, 'today' (each period's own today under its cut-off) or 'all' (the whole backlog). */
  day: string
  /** Operators only: one teacher's dealt items, or 'pool' (nobody's yet); undefined = everyone's. */
  assignee?: string
}

export interface QueueCursor {
  submittedAt: number
  id: string
}

export interface QueueScope {
  periodId: string
  /** null = any day. */
  day: string | null
  /** null = any team (the teacher is not narrowed to teams). */
  teamIds: string[] | null
  /** Whose items (fair distribution, issue #17 item 2): a teacher id, null = the pool, undefined = anyone's. */
  assigneeId?: string | null
}

export interface QueueQuery {
  /** OR-ed; empty means the teacher has nothing to see (skip the query). */
  scopes: QueueScope[]
  /** null = any status. */
  reviewStatus: ReviewStatus | null
  /** Equality filter, or null with `excludeRisky`. */
  moderation: ModerationState | null
  /** Rejected content never waits in the queue. */
  excludeRisky: boolean
  after: QueueCursor | null
  /** Documents to fetch: the page size + 1, so the caller knows whether there is more. */
  limit: number
}

export const MAX_QUEUE_PAGE = 50

/** When the check-in entered the queue: its submission, or the redo that sent it back (waits restart then). */
export function queuedAt(checkin: Pick<CheckinDoc, 'submittedAt' | 'editedAt' | 'redoCount'>): number {
  return checkin.redoCount > 0 && checkin.editedAt !== null ? checkin.editedAt : checkin.submittedAt
}

export function waitedMinutes(checkin: Pick<CheckinDoc, 'submittedAt' | 'editedAt' | 'redoCount'>, now: number): number {
  return Math.max(0, Math.floor((now - queuedAt(checkin)) / 60_000))
}

/** 刚刚 / 12 分钟 / 2 小时 5 分 / 1 天 3 小时 */
export function waitedLabel(minutes: number): string {
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟`
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`
  const hours = Math.floor((minutes % (24 * 60)) / 60)
  return `${Math.floor(minutes / (24 * 60))} 天${hours ? ` ${hours} 小时` : ''}`
}

/** The query for one page of the actor's queue; REVIEW.NOT_ASSIGNED when the filter names a period they do not teach. */
export function buildQueueQuery(
  actor: Actor,
  periods: readonly PeriodDoc[],
  filter: QueueFilter,
  now: number,
  pageSize: number,
  after: QueueCursor | null = null,
  away: ReadonlySet<string> = new Set(),
): QueueQuery | ReviewRejection {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_QUEUE_PAGE) throw new RangeError(`invalid page size ${pageSize}`)
  let mine = reviewablePeriods(actor, periods)
  if (filter.periodId !== undefined) {
    mine = mine.filter((p) => p._id === filter.periodId)
    if (mine.length === 0) return rejectReview('REVIEW.NOT_ASSIGNED', { periodId: filter.periodId })
  }
  const admin = actor.roles.includes('admin')
  if (filter.assignee !== undefined && !admin && filter.assignee !== actor._id) return rejectReview('REVIEW.NOT_TEACHER')
  // Teachers see their personal queue: the items dealt to them, the pool not dealt yet, and the items of colleagues
  // who are away (`away`, from their presences) — everything claim would give them; the timer re-deals the last two
  // within a minute. Returned items wait for the member, not for a teacher: not narrowed.
  const personal = !admin && filter.kind !== 'returned'
  const fixed: (string | null | undefined)[] =
    filter.assignee !== undefined && filter.kind !== 'returned' ? [filter.assignee === 'pool' ? null : filter.assignee] : [undefined]
  const scopes = mine
    .filter((p) => p.status !== 'draft')
    .flatMap((p): QueueScope[] => {
      const base: QueueScope = {
        periodId: p._id,
        day: filter.day === 'all' ? null : filter.day === 'today' ? todayOf(p, now) : filter.day,
        teamIds: teamsOf(actor, p),
      }
      const whose = personal ? [actor._id, null, ...p.teacherIds.filter((t) => t !== actor._id && away.has(t))] : fixed
      return whose.map((a) => (a === undefined ? base : { ...base, assigneeId: a }))
    })
  return {
    scopes,
    reviewStatus: filter.kind === 'flagged' ? null : filter.kind,
    moderation: filter.kind === 'flagged' ? 'review' : null,
    excludeRisky: filter.kind !== 'flagged',
    after,
    limit: pageSize + 1,
  }
}

/** Queue order: oldest submission first, then id. */
export function compareQueue(a: Pick<CheckinDoc, 'submittedAt' | '_id'>, b: Pick<CheckinDoc, 'submittedAt' | '_id'>): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt - b.submittedAt
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
}

export const cursorOf = (c: Pick<CheckinDoc, 'submittedAt' | '_id'>): QueueCursor => ({ submittedAt: c.submittedAt, id: c._id })

/** A fetched page (query.limit documents at most, in queue order) → the page and the cursor of the next one. */
export function pageQueue<T extends Pick<CheckinDoc, 'submittedAt' | '_id'>>(
  fetched: readonly T[],
  query: Pick<QueueQuery, 'limit'>,
): { items: T[]; next: QueueCursor | null } {
  const items = fetched.slice(0, query.limit - 1)
  const last = items[items.length - 1]
  return { items, next: fetched.length >= query.limit && last ? cursorOf(last) : null }
}
