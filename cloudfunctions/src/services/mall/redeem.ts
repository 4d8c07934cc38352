/**
 * Redeem = one catalogue read, then one transaction of six requests: read the balance and
 * one stock shard, add the order (its `_id` is the member's request id: a double tap or a
 * retry lands on it), add the ledger entry, write the balance (points + limit count), write
 * the shard (stock − 1, code taken). Any rejection rolls everything back.
 */
import { toOrderView, type OrderView } from '../../contracts/mall'
import { orderIdFor, planRedeem, rejectMall, type RedeemRejection } from '../../domain/mall'
import { isRejection } from '../../domain/kernel'
import { getOrNull, isDuplicateKey, TxAbort, txGet, withTransaction, type Tx } from '../../shared/db'
import { BALANCES, ENTRIES, writeBalance } from '../points/ledger'
import {
  ITEMS,
  ORDERS,
  redeemedCountField,
  shardId,
  STOCK,
  type MallBalance,
  type StockShard,
  type StoredItem,
  type StoredOrder,
} from './store'

export interface RedeemInput {
  memberId: string
  itemId: string
  requestId: string
  address?: unknown
  now: number
}

/** A shard with stock, starting from a random one so concurrent members spread out; null when all are empty. */
async function pickShard(tx: Tx, item: StoredItem): Promise<StockShard | null> {
  const start = Math.floor(Math.random() * item.shards)
  for (let i = 0; i < item.shards; i++) {
    const shard = await txGet<StockShard>(tx, STOCK, shardId(item._id, (start + i) % item.shards))
    if (shard && shard.stock > 0 && (item.kind !== 'code' || (shard.codes?.length ?? 0) > 0)) return shard
  }
  return null
}

export async function redeem(input: RedeemInput): Promise<OrderView | RedeemRejection> {
  const { memberId, itemId, now } = input
  const orderId = orderIdFor(memberId, input.requestId)
  const item = await getOrNull<StoredItem>(ITEMS, itemId)
  if (!item) return rejectMall('MALL.ITEM_NOT_FOUND')
  try {
    const out = await withTransaction<StoredOrder | RedeemRejection>(async (tx) => {
      const balance = await txGet<MallBalance>(tx, BALANCES, memberId)
      const shard = await pickShard(tx, item)
      const redeemed = balance?.mallRedeemed?.[itemId] ?? 0
      const plan = planRedeem({
        orderId,
        memberId,
        item: { ...item, stock: shard?.stock ?? 0 },
        memberRedeemedCount: redeemed,
        balance: balance ?? undefined,
        now,
        address: input.address,
      })
      if (!plan.ok) throw new TxAbort<RedeemRejection>(plan)
      if (!shard) throw new TxAbort<RedeemRejection>(rejectMall('MALL.SOLD_OUT'))
      const codes = shard.codes ?? []
      const order: StoredOrder = { ...plan.order, stockShard: shard.k, ...(item.kind === 'code' ? { code: codes[0] } : {}) }
      await tx.collection(ORDERS).add({ data: order })
      await tx.collection(ENTRIES).add({ data: plan.entry })
      const extra = order.countsTowardLimit ? redeemedCountField(itemId, redeemed + 1, !!balance) : {}
      await writeBalance(tx, plan.balance, !!balance, extra)
      const shardWrite: Partial<StockShard> = { stock: shard.stock - 1 }
      if (item.kind === 'code') shardWrite.codes = codes.slice(1)
      await tx.collection(STOCK).doc(shard._id).update({ data: shardWrite })
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
