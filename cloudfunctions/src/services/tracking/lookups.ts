/** Conversion events as other features may query them (they never name the `events` collection). */
import type { EventType } from '../../domain/identity'
import { command } from '../../shared/repository'
import { EVENTS, repo } from './store'

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
