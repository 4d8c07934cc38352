/**
 * Order lifecycle after redemption: cancel (refund exactly once), fulfil, reveal a code, lists. Orders live on their
 * redeem entries (order-entries.ts): a cancel is the same eight requests as when they had their own collection
 * (start, order entry get, balance get, refund entry add, balance write, order update, shard write, commit).
 */
import { toOrderView, type OrderView } from '../../contracts/mall'
import { refundRequestOf, rejectMall, transition, type MallCode, type OrderActor, type OrderStatus } from '../../domain/mall'
import { planEntry } from '../../domain/points'
import { isRejection, type Rejection } from '../../domain/kernel'
import { TxAbort, withTransaction, type Tx } from '../../shared/db'
import { addEntryInTx, balanceInTx, writeBalance } from '../points/ledger'
import { orderEntries, orderInTx, orderOfEntry, storedOrder, writeOrderInTx, type OrderEntry } from './order-entries'
import { redeemedCountField, shardId, STOCK, type StoredOrder, repo } from './store'
import { command } from '../../shared/repository'
import type { OrderPage } from '../../contracts/results'

type OrderRejection = Rejection

async function readOrder(tx: Tx, orderId: string): Promise<StoredOrder> {
  const order = await orderInTx(tx, orderId)
  if (!order) throw new TxAbort<OrderRejection>(rejectMall('MALL.ORDER_NOT_FOUND'))
  return order
}

/**
 * Cancel: order → cancelled, refund entry, limit count − 1, stock + 1 and the code back to the pool, in one
 * transaction. A repeated cancel finds the order already cancelled and changes nothing.
 */
export async function cancelOrder(orderId: string, actor: OrderActor, now: number): Promise<OrderView | OrderRejection> {
  const out = await withTransaction<StoredOrder | OrderRejection>(async (tx) => {
    const order = await readOrder(tx, orderId)
    const t = transition(order, 'cancel', actor, now)
    if (!t.ok) throw new TxAbort<OrderRejection>(t)
    if (!t.changed) return t.order
    const balance = await balanceInTx(tx, order.memberId)
    const refund = planEntry(balance ?? undefined, refundRequestOf(order), now)
    if (!refund.ok) throw new TxAbort<OrderRejection>(refund)
    if (refund.replayed) throw new Error('refund replayed without an existing entry')
    await addEntryInTx(tx, refund.entry)
    const count = balance?.mallRedeemed?.[order.itemId] ?? 0
    const extra = order.countsTowardLimit ? redeemedCountField(order.itemId, Math.max(0, count - 1), !!balance) : {}
    await writeBalance(tx, refund.balance, !!balance, extra)
    const cancelled: StoredOrder = { ...t.order }
    delete cancelled.code
    await writeOrderInTx(tx, cancelled)
    const _ = command()
    const shardWrite: Record<string, unknown> = { stock: _.inc(1) }
    if (order.code) shardWrite.codes = _.push([order.code])
    await repo
      .inTx(tx, STOCK)
      .doc(shardId(order.itemId, order.stockShard ?? 0))
      .update({ data: shardWrite })
    return cancelled
  })
  return isRejection(out) ? out : toOrderView(out)
}

/** Staff mark an order fulfilled (shipped, with a tracking number); a member "fulfils" a code order by revealing it. */
export async function fulfilOrder(
  orderId: string,
  actor: OrderActor,
  now: number,
  trackingNo?: string,
): Promise<OrderView | OrderRejection> {
  const out = await withTransaction<StoredOrder | OrderRejection>(async (tx) => {
    const order = await readOrder(tx, orderId)
    const t = transition(order, 'fulfil', actor, now, { trackingNo })
    if (!t.ok) throw new TxAbort<OrderRejection>(t)
    if (t.changed) await writeOrderInTx(tx, t.order)
    return t.order
  })
  return isRejection(out) ? out : toOrderView(out)
}

export async function getOrder(orderId: string, viewer: { memberId: string; staff: boolean }): Promise<OrderView | OrderRejection> {
  const order = await storedOrder(orderId)
  if (!order) return rejectMall('MALL.ORDER_NOT_FOUND')
  if (!viewer.staff && order.memberId !== viewer.memberId) return rejectMall('MALL.ORDER_FORBIDDEN' as MallCode)
  return toOrderView(order)
}

/** A page of `limit` from `limit + 1` entries; the cursor is the last entry's `at` (= that order's createdAt). */
function page(entries: OrderEntry[], limit: number): OrderPage {
  const items = entries.slice(0, limit)
  return { items: items.map((e) => toOrderView(orderOfEntry(e))), nextBefore: entries.length > limit ? items[items.length - 1].at : null }
}

/** A member's orders, newest first (index member_reason_at, or member_reason_order_status_at with a status). */
export async function ordersOf(
  memberId: string,
  status: OrderStatus | undefined,
  before: number | undefined,
  limit: number,
): Promise<OrderPage> {
  const at = before === undefined ? undefined : { lt: before }
  return page(await orderEntries({ memberId, status, at }, 'desc', limit + 1), limit)
}

/** Staff fulfilment queue, oldest first (index reason_order_status_at); `before` pages forward in time here. */
export async function fulfilmentQueue(status: OrderStatus, after: number | undefined, limit: number): Promise<OrderPage> {
  const at = after === undefined ? undefined : { gt: after }
  return page(await orderEntries({ status, at }, 'asc', limit + 1), limit)
}
