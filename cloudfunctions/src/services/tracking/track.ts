/**
 * The one tracking module: every meaningful action becomes an event (schema in
 * domain/identity/events.ts). Naturally-once events carry their key as `_id`, so a
 * retry records nothing new. Tracking never fails the action that triggered it.
 */
import { buildEvent, type EventDoc, type EventInput } from '../../domain/identity'
import { db, isDuplicateKey, type Tx } from '../../shared/db'

export const EVENTS = 'events'

/** Outside a transaction: best effort, after the action committed. */
export async function track(input: EventInput, now: number): Promise<void> {
  try {
    await db()
      .collection(EVENTS)
      .add({ data: buildEvent(input, now) })
  } catch (err) {
    if (!isDuplicateKey(err)) console.error('[track]', input.type, err)
  }
}

/** Inside the action's transaction, when the event must commit with it (e.g. a check-in and its event). */
export async function trackInTx(tx: Tx, input: EventInput, now: number): Promise<EventDoc> {
  const doc = buildEvent(input, now)
  await tx.collection(EVENTS).add({ data: doc })
  return doc
}
