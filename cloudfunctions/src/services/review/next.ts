/** "Next": the first item strictly after the current one in the same filter and order, opened at once. */
import type { ReviewOpenView } from '../../contracts/review-views'
import { buildQueueQuery, type QueueCursor, type QueueFilter, type ReviewRejection } from '../../domain/review'
import { openFetched } from './open'
import { fetchQueue } from './queue'
import { loadStaff, periodsOf } from './store'

export async function nextItem(
  openid: string,
  filter: QueueFilter,
  after: QueueCursor,
  now: number,
): Promise<ReviewOpenView | null | ReviewRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  const periods = await periodsOf(actor)
  const query = buildQueueQuery(actor, periods, filter, now, 1, after)
  if ('ok' in query) return query
  const [checkin] = (await fetchQueue(query)).docs
  const period = checkin && periods.find((p) => p._id === checkin.periodId)
  return checkin && period ? openFetched(actor, period, checkin, now) : null
}
