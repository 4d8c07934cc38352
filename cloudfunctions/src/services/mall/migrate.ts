/**
 * The one-time move of legacy orders onto their redeem entries (store.ts): a deployment from before orders lived on
 * the ledger has them in `mall_orders`, and their entries (`order.redeemEntryId`, booked in the same transaction)
 * carry no `order` yet, so the lists, getOrder, cancel and fulfil do not see them until this has run. The mall
 * function's timer runs it every 10 minutes (`migrateDueOrders`, nothing to configure after a deploy); the admin action
 * `migrateLegacyOrders` runs one page at once. Nothing writes `mall_orders` once the new functions are deployed.
 *
 * Idempotent: an entry gets the order only where it has none yet (one conditional update each, in the database, so
 * a second run or two runs at once change nothing), and the entry's own fields are never touched. A legacy order
 * leaves `mall_orders` only once its entry holds exactly that order (copied now, or found equal), so the timer's next
 * runs find nothing left to read; an order whose entry is missing, is not its redeem entry or holds a different order
 * (an old instance changed it during the rollout after the copy) is kept and named in `skipped`, never attached elsewhere.
 */
import { isDeepStrictEqual } from 'util'
import { redeemKey } from '../../domain/points'
import { command } from '../../shared/repository'
import { attachIfMissing } from '../points/attached'
import { entriesByKeys } from '../points/ledger'
import { LEGACY_ORDERS, repo, withoutId, type StoredOrder } from './store'
import type { OrderMigrationPage } from '../../contracts/results'

/** Conditional updates in flight at once. */
const PARALLEL = 20
/** Pages one timer run moves at most (the function's timeout is 10 s); the next run goes on. */
const TIMER_PAGES = 5
const TIMER_PAGE_SIZE = 100

/**
 * One page of legacy orders in `_id` order after `after`: 1 query, 1 entry read, 1 update per order still to copy, and
 * 1 remove for the ones moved.
 */
export async function migrateLegacyOrders(after: string | undefined, limit: number): Promise<OrderMigrationPage> {
  const _ = command()
  const where = after === undefined ? {} : { _id: _.gt(after) }
  const legacy: StoredOrder[] = (await repo.col(LEGACY_ORDERS).where(where).orderBy('_id', 'asc').limit(limit).get()).data
  const entries = await entriesByKeys(legacy.map((o) => o.redeemEntryId))
  const out: OrderMigrationPage = { scanned: legacy.length, copied: 0, alreadyCopied: 0, removed: 0, skipped: [], next: null }
  const toCopy: StoredOrder[] = []
  const moved: string[] = []
  for (const order of legacy) {
    const entry = entries.get(order.redeemEntryId)
    const itsEntry = !!entry && entry._id === redeemKey(order._id) && entry.reason === 'redeem' && entry.memberId === order.memberId
    if (!itsEntry) out.skipped.push(order._id)
    else if (!entry.order) toCopy.push(order)
    else {
      out.alreadyCopied++
      if (isDeepStrictEqual(entry.order, withoutId(order))) moved.push(order._id)
      else out.skipped.push(order._id)
    }
  }
  for (let i = 0; i < toCopy.length; i += PARALLEL) {
    const batch = toCopy.slice(i, i + PARALLEL)
    const wrote = await Promise.all(batch.map((o) => attachIfMissing(o.redeemEntryId, 'order', withoutId(o))))
    batch.forEach((o, j) => {
      if (wrote[j]) {
        out.copied++
        moved.push(o._id)
      }
      // false: a run alongside this one copied it first (compared, and removed, by the next run)
      else out.alreadyCopied++
    })
  }
  if (moved.length > 0) {
    await repo
      .col(LEGACY_ORDERS)
      .where({ _id: _.in(moved) })
      .remove()
    out.removed = moved.length
  }
  if (legacy.length === limit) out.next = legacy[legacy.length - 1]._id
  return out
}

/** Several pages' answers summed (`pages` of them); `next` is the last page's. */
export type OrderMigrationRun = OrderMigrationPage & { pages: number }

/** `total` with `page` added to it. */
export const addMigrationPage = (total: OrderMigrationRun, page: OrderMigrationPage): OrderMigrationRun => ({
  pages: total.pages + 1,
  scanned: total.scanned + page.scanned,
  copied: total.copied + page.copied,
  alreadyCopied: total.alreadyCopied + page.alreadyCopied,
  removed: total.removed + page.removed,
  skipped: [...total.skipped, ...page.skipped],
  next: page.next,
})

export const NO_MIGRATION: OrderMigrationRun = { pages: 0, scanned: 0, copied: 0, alreadyCopied: 0, removed: 0, skipped: [], next: null }

/** The timer's job: up to TIMER_PAGES pages from the start (moved orders are gone, so each run starts at what is left). */
export async function migrateDueOrders(): Promise<OrderMigrationRun> {
  let total = NO_MIGRATION
  do total = addMigrationPage(total, await migrateLegacyOrders(total.next ?? undefined, TIMER_PAGE_SIZE))
  while (total.next !== null && total.pages < TIMER_PAGES)
  return total
}
