/**
 * Redeem = one transaction of six requests: read the balance and the item, add the
 * order (its `_id` is the member's request id: a double tap or a retry lands on it),
 * add the ledger entry, write the balance (points + limit count), write the item
 * (stock − 1, code taken from its pool). Any rejection rolls everything back.
 */
import { toOrderView, type OrderView } from '../../contracts/mall'
import { orderIdFor, planRedeem, rejectMall, type RedeemRejection } from '../../domain/mall'
import { isRejection } from '../../domain/points'
import { getOrNull, isDuplicateKey, TxAbort, txGet, withTransaction } from '../../shared/db'
import { BALANCES, ENTRIES, writeBalance } from '../points/ledger'
import { ITEMS, ORDERS, redeemedCountField, type MallBalance, type StoredItem, type StoredOrder } from './store'

export interface RedeemInput {
  memberId: string
  itemId: string
  requestId: string
  address?: unknown
  now: number
}

export async function redeem(input: RedeemInput): Promise<OrderView | RedeemRejection> {
  const { memberId, itemId, now } = input
  const orderId = orderIdFor(memberId, input.requestId)
  try {
    const out = await withTransaction<StoredOrder | RedeemRejection>(async (tx) => {
      const balance = await txGet<MallBalance>(tx, BALANCES, memberId)
      const item = await txGet<StoredItem>(tx, ITEMS, itemId)
      if (!item) throw new TxAbort<RedeemRejection>(rejectMall('MALL.ITEM_NOT_FOUND'))
      const redeemed = balance?.mallRedeemed?.[itemId] ?? 0
      const plan = planRedeem({
        orderId,
        memberId,
        item,
        memberRedeemedCount: redeemed,
        balance: balance ?? undefined,
        now,
        address: input.address,
      })
      if (!plan.ok) throw new TxAbort<RedeemRejection>(plan)
      const codes = item.codes ?? []
      if (item.kind === 'code' && codes.length === 0) throw new TxAbort<RedeemRejection>(rejectMall('MALL.SOLD_OUT'))
      const order: StoredOrder = item.kind === 'code' ? { ...plan.order, code: codes[0] } : plan.order
      await tx.collection(ORDERS).add({ data: order })
      await tx.collection(ENTRIES).add({ data: plan.entry })
      const extra = order.countsTowardLimit ? redeemedCountField(itemId, redeemed + 1, !!balance) : {}
      await writeBalance(tx, plan.balance, !!balance, extra)
      const itemWrite: Partial<StoredItem> = { stock: item.stock - 1, updatedAt: now }
      if (item.kind === 'code') itemWrite.codes = codes.slice(1)
      await tx.collection(ITEMS).doc(itemId).update({ data: itemWrite })
      return order
    })
    if (!isRejection(out)) return toOrderView(out)
    // A retry after the order was made may now be sold out or short of points: answer with the order.
    const existing = await getOrNull<StoredOrder>(ORDERS, orderId)
    return existing ? toOrderView(existing) : out
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const existing = await getOrNull<StoredOrder>(ORDERS, orderId)
    if (!existing) throw err
    return toOrderView(existing)
  }
}
