/**
 * The one-time move of legacy orders onto their redeem entries (store.ts): a deployment from before orders lived on
 * the ledger has them in `mall_orders`, and their entries (`order.redeemEntryId`, booked in the same transaction)
 * carry no `order` yet, so the lists, getOrder, cancel and fulfil do not see them until this has run. Run it right
 * after deploying the new functions (nothing writes `mall_orders` from then on), page by page until `next` is null.
 *
 * Idempotent: an entry gets the order only where it has none yet (one conditional update each, in the database, so
 * a second run or two runs at once change nothing), and the entry's own fields are never touched. An order whose
 * entry is missing or is not its redeem entry is skipped and named in the answer, never attached elsewhere.
 */
import { redeemKey } from '../../domain/points'
import { command } from '../../shared/repository'
import { attachIfMissing } from '../points/attached'
import { entriesByKeys } from '../points/ledger'
import { LEGACY_ORDERS, repo, withoutId, type StoredOrder } from './store'
import type { OrderMigrationPage } from '../../contracts/results'

/** Conditional updates in flight at once. */
const PARALLEL = 20

/** One page of legacy orders in `_id` order after `after`: 1 query, 1 entry read, 1 update per order still to copy. */
export async function migrateLegacyOrders(after: string | undefined, limit: number): Promise<OrderMigrationPage> {
  const _ = command()
  const where = after === undefined ? {} : { _id: _.gt(after) }
  const legacy: StoredOrder[] = (await repo.col(LEGACY_ORDERS).where(where).orderBy('_id', 'asc').limit(limit).get()).data
  const entries = await entriesByKeys(legacy.map((o) => o.redeemEntryId))
  const out: OrderMigrationPage = { scanned: legacy.length, copied: 0, alreadyCopied: 0, skipped: [], next: null }
  const toCopy: StoredOrder[] = []
  for (const order of legacy) {
    const entry = entries.get(order.redeemEntryId)
    const itsEntry = !!entry && entry._id === redeemKey(order._id) && entry.reason === 'redeem' && entry.memberId === order.memberId
    if (!itsEntry) out.skipped.push(order._id)
    else if (entry.order) out.alreadyCopied++
    else toCopy.push(order)
  }
  for (let i = 0; i < toCopy.length; i += PARALLEL) {
    const wrote = await Promise.all(toCopy.slice(i, i + PARALLEL).map((o) => attachIfMissing(o.redeemEntryId, 'order', withoutId(o))))
    out.copied += wrote.filter((w) => w).length
    // false: a run alongside this one copied it first
    out.alreadyCopied += wrote.filter((w) => !w).length
  }
  if (legacy.length === limit) out.next = legacy[legacy.length - 1]._id
  return out
}
