/**
 * The one tracking module: every meaningful action becomes an event (schema in
 * domain/identity/events.ts). Naturally-once events carry their key as `_id`, so a
 * retry records nothing new.
 *
 * Events that settlement, layers or funnels depend on and that record a write (check-in, make-up, join, first open,
 * class signup, completion, unlock, invite reward, subscription, paid conversion) are written with `trackInTx` inside the
 * transaction of the action they record: both commit or neither does. `track` is for the rest (views, and facts
 * recorded after a write whose retry records them again): a failed insert fails the call (SYS.*), it is never
 * dropped silently; only a duplicate key — the same keyed event recorded by an earlier try — counts as done.
 */
import { buildEvent, type EventDoc, type EventInput } from '../../domain/identity'
import { isDuplicateKey, type Tx } from '../../shared/db'
import { EVENTS, repo } from './store'

/** Outside a transaction. Throws on any failure but a duplicate key of a keyed event (recorded already). */
export async function track(input: EventInput, now: number): Promise<void> {
  const doc = buildEvent(input, now)
  try {
    await repo.col(EVENTS).add({ data: doc })
  } catch (err) {
    if (doc._id !== undefined && isDuplicateKey(err)) return
    throw err
  }
}

/** Inside the action's transaction, when the event must commit with it (e.g. a check-in and its event). */
export async function trackInTx(tx: Tx, input: EventInput, now: number): Promise<EventDoc> {
  const doc = buildEvent(input, now)
  await repo.inTx(tx, EVENTS).add({ data: doc })
  return doc
}

/** A keyed event inside the action's transaction, unless an earlier transaction recorded it already (read, then add). */
export async function trackOnceInTx(tx: Tx, input: EventInput, now: number): Promise<void> {
  const doc = buildEvent(input, now)
  if (await repo.getIn(tx, EVENTS, doc._id as string)) return
  await repo.inTx(tx, EVENTS).add({ data: doc })
}
