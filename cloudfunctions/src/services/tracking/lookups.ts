/** Conversion events as other features may query them (they never name the `events` collection). */
import type { EventType } from '../../domain/identity'
import type { CollectionDocs } from '../../schema/collections'
import { afterCursor, command, type WalkCursor } from '../../shared/repository'
import { EVENTS, repo } from './store'

/** An event as stored: with its `_id` (the key of a naturally-once event, the server's otherwise). */
export type StoredEvent = CollectionDocs['events']

/** The member's earliest event of one of `types` (index member_at; one request), as `{ type, at }`. */
export async function firstEventOf(memberId: string, types: readonly EventType[]): Promise<{ type: EventType; at: number } | null> {
  const _ = command()
  const res = await repo
    .col(EVENTS)
    .where({ memberId, type: _.in([...types]) })
    .orderBy('at', 'asc')
    .limit(1)
    .field({ type: true, at: true })
    .get()
  return res.data[0] ?? null
}

/** How many events of `type` the period had on `day` (index period_type_day; one count). */
export const periodEventCount = (periodId: string, type: EventType, day: string): Promise<number> =>
  repo.count(EVENTS, { periodId, type, day })

/**
 * The next events after `cursor` in commit order (`at`, then `_id`; index at_id), at most `limit`: the layer timer's
 * walk. The events at the cursor's `at` are read in `_id` order, the later ones by `at` and `_id`.
 */
export function eventsAfter(cursor: WalkCursor | null, limit: number): Promise<StoredEvent[]> {
  return afterCursor(
    async (where, n, tied) => {
      const q = repo.col(EVENTS).where(where)
      return (await (tied ? q.orderBy('_id', 'asc') : q.orderBy('at', 'asc').orderBy('_id', 'asc')).limit(n).get()).data
    },
    'at',
    cursor,
    limit,
  )
}
