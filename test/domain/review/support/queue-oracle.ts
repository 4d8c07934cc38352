/**
 * What the database should select for a queue query, written here from the query's meaning (scope, status,
 * moderation, cursor), independently of how services/review/queue.ts turns it into a `where()`.
 */
import type { CheckinDoc } from '@cloud/domain/camp'
import type { QueueQuery } from '@cloud/domain/review'

const afterCursor = (query: QueueQuery, c: CheckinDoc): boolean =>
  query.after === null || c.submittedAt > query.after.submittedAt || (c.submittedAt === query.after.submittedAt && c._id > query.after.id)

export function selectedBy(query: QueueQuery, c: CheckinDoc): boolean {
  const inScope = query.scopes.some(
    (s) =>
      s.periodId === c.periodId &&
      (s.day === null || s.day === c.day) &&
      (s.teamIds === null || (c.teamId !== null && s.teamIds.includes(c.teamId))),
  )
  if (!inScope) return false
  if (query.reviewStatus !== null && c.reviewStatus !== query.reviewStatus) return false
  if (query.moderation !== null && c.moderation !== query.moderation) return false
  if (query.excludeRisky && c.moderation === 'risky') return false
  return afterCursor(query, c)
}

/** Oldest first, then by id: the order the queue promises teachers. */
export const queueOrder = (a: CheckinDoc, b: CheckinDoc): number =>
  a.submittedAt !== b.submittedAt ? a.submittedAt - b.submittedAt : a._id < b._id ? -1 : a._id > b._id ? 1 : 0
