/** "Next": the first item strictly after the current one in the same filter and order, opened at once. */
import type { ReviewOpenView } from '../../contracts/review-views'
import type { CampRejection } from '../../domain/camp'
import { buildQueueQuery, type QueueCursor, type QueueFilter, type ReviewRejection } from '../../domain/review'
import { awayColleagues } from './distribution'
import { openFetched } from './open'
import { fetchQueue } from './queue'
import { loadStaff, periodsOf } from './store'

/** Queue candidates "next" tries (a lost race on one moves on to the following). */
const NEXT_TRIES = 3

export async function nextItem(
  openid: string,
  filter: QueueFilter,
  after: QueueCursor,
  now: number,
): Promise<ReviewOpenView | null | ReviewRejection | CampRejection> {
  const actor = await loadStaff(openid)
  if ('ok' in actor) return actor
  const periods = await periodsOf(actor)
  const scoped = filter.periodId === undefined ? periods : periods.filter((p) => p._id === filter.periodId)
  const query = buildQueueQuery(actor, periods, filter, now, NEXT_TRIES, after)
  if ('ok' in query) return query
  // As the queue page: own items and the pool in parallel with the colleagues' presences, again with an away one's.
  const [presence, first] = await Promise.all([awayColleagues(actor, scoped, now), fetchQueue(query)])
  const full = presence.away.size > 0 ? buildQueueQuery(actor, periods, filter, now, NEXT_TRIES, after, presence.away) : query
  if ('ok' in full) return full
  const candidates = full === query ? first : await fetchQueue(full)
  // A candidate another teacher took meanwhile (its lease, or dealt away) is skipped for the next one.
  for (const checkin of candidates.docs.slice(0, NEXT_TRIES)) {
    const period = periods.find((p) => p._id === checkin.periodId)
    if (!period) continue
    const opened = await openFetched(actor, period, checkin, now)
    if (
      !('ok' in opened) ||
      (opened.code !== 'REVIEW.LEASED' && opened.code !== 'REVIEW.NOT_YOURS' && opened.code !== 'REVIEW.NOT_WAITING')
    )
      return opened
  }
  return null
}
