/**
 * Orders on their redeem entries (store.ts): the order with id `o` is the `order` record of ledger entry
 * `redeem:{o}`. Every read and write of an order goes through here, over the points feature's attachment functions
 * (points owns points_entries); an order is rewritten whole and the entry's own fields are never touched.
 */
import { orderIdOfRedeemKey, type OrderStatus } from '../../domain/mall'
import { redeemKey } from '../../domain/points'
import type { Tx } from '../../shared/db'
import { attachedInTx, attachedOf, attachedPage, setAttachmentInTx, type Attached } from '../points/attached'
import { withoutId, type StoredOrder } from './store'

/** An entry carrying an order, and when it was booked (= the order's createdAt). */
export type OrderEntry = Attached<'order'>

export const orderOfEntry = (entry: OrderEntry): StoredOrder => ({ _id: orderIdOfRedeemKey(entry._id), ...entry.order })

/** The order read in `tx`, or null (one request). */
export async function orderInTx(tx: Tx, orderId: string): Promise<StoredOrder | null> {
  const entry = await attachedInTx(tx, redeemKey(orderId), 'order')
  return entry && orderOfEntry(entry)
}

/** The order outside a transaction, or null (one request). */
export async function storedOrder(orderId: string): Promise<StoredOrder | null> {
  const entry = await attachedOf(redeemKey(orderId), 'order')
  return entry && orderOfEntry(entry)
}

/** Rewrites the order on its entry in `tx` (one request): the `order` field only, whole. */
export const writeOrderInTx = (tx: Tx, order: StoredOrder) => setAttachmentInTx(tx, order.redeemEntryId, 'order', withoutId(order))

export interface OrderFilter {
  memberId?: string
  status?: OrderStatus
  /** Equality on other order fields (dot paths inside the order, e.g. `fulfilment.kind`). */
  fields?: Record<string, string | number | boolean>
  at?: { lt: number } | { gt: number }
}

/** Orders by creation time (their entries' `at`), one query on the manifest's points_entries indexes. */
export async function orderEntries(filter: OrderFilter, order: 'asc' | 'desc', limit: number): Promise<OrderEntry[]> {
  const where: Record<string, string | number | boolean> = { ...(filter.status ? { status: filter.status } : {}), ...filter.fields }
  return attachedPage('order', { reason: 'redeem', memberId: filter.memberId, where, at: filter.at }, order, limit)
}
