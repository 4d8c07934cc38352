/**
 * Redeem = ONE transaction of five operations, seven requests with its start and commit: read the balance and one
 * stock shard (which carries the item's copy: price, limits, sale window — no separate item read), add the ledger
 * entry WITH the order on it (`order`; the entry's `_id` is `redeem:{orderId}`, the order id `{member}.{requestId}` of the
 * confirm screen, so a double tap or a retry lands on the same document), write the balance (points + limit count),
 * write the shard (stock − 1, code taken). Any rejection rolls everything back.
 *
 * Why seven keeps every guarantee (issue #12 asks ≤ 7): the balance and the shard are still read inside the
 * transaction (never negative; no overselling, the code to hand out), and everything a spend leaves still commits
 * together: the entry (balance == ledger sum), whose `_id` is the request's idempotency key so its insert refuses a
 * second redemption of the same request, carries the order; the balance and the shard move with it. The order used to
 * be a document of its own under the same key (`mall_orders`, now legacy: migrate.ts); keeping it on the entry drops
 * one insert and no check. Transactions take single-document operations only, so two reads and three writes plus
 * start and commit is the floor while the balance and the stock are separate documents.
 */
import { toOrderView, type OrderView } from '../../contracts/mall'
import { orderIdFor, planRedeem, rejectMall, type RedeemRejection } from '../../domain/mall'
import { isRejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction, type Tx } from '../../shared/db'
import { addEntryInTx, balanceInTx, writeBalance } from '../points/ledger'
import { storedOrder } from './order-entries'
import {
  ITEMS,
  MAX_SHARDS,
  redeemedCountField,
  shardId,
  STOCK,
  withoutId,
  type StockShard,
  type StoredItem,
  type StoredOrder,
  repo,
} from './store'

export interface RedeemInput {
  memberId: string
  itemId: string
  requestId: string
  address?: unknown
  now: number
}

/** The first shard read: a random one so concurrent members spread out; shard 0 (which every item has) if that one does not exist. */
async function firstShard(tx: Tx, itemId: string): Promise<StockShard | null> {
  const k = Math.floor(Math.random() * MAX_SHARDS)
  const shard = await repo.getIn(tx, STOCK, shardId(itemId, k))
  return shard || k === 0 ? shard : repo.getIn(tx, STOCK, shardId(itemId, 0))
}

const usable = (item: StoredItem, shard: StockShard | null): boolean =>
  !!shard && shard.stock > 0 && (item.kind !== 'code' || (shard.codes?.length ?? 0) > 0)

/** The item (from the shard's copy; the item doc only for a shard written before copies existed) and a shard with stock. */
async function openItem(tx: Tx, itemId: string): Promise<{ item: StoredItem; shard: StockShard | null } | null> {
  const first = await firstShard(tx, itemId)
  const item = first?.item ?? (await repo.getIn(tx, ITEMS, itemId))
  if (!item) return null
  if (usable(item, first)) return { item, shard: first }
  const start = first ? first.k : 0
  for (let i = 1; i < item.shards; i++) {
    const shard = await repo.getIn(tx, STOCK, shardId(itemId, (start + i) % item.shards))
    if (usable(item, shard)) return { item, shard }
  }
  return { item, shard: null }
}

export async function redeem(input: RedeemInput): Promise<OrderView | RedeemRejection> {
  const { memberId, itemId, now } = input
  const orderId = orderIdFor(memberId, input.requestId)
  try {
    const out = await withTransaction<StoredOrder | RedeemRejection>(async (tx) => {
      const balance = await balanceInTx(tx, memberId)
      const opened = await openItem(tx, itemId)
      if (!opened) throw new TxAbort<RedeemRejection>(rejectMall('MALL.ITEM_NOT_FOUND'))
      const { item, shard } = opened
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
      await addEntryInTx(tx, { ...plan.entry, order: withoutId(order) })
      const extra = order.countsTowardLimit ? redeemedCountField(itemId, redeemed + 1, !!balance) : {}
      await writeBalance(tx, plan.balance, !!balance, extra)
      const shardWrite: Partial<StockShard> = { stock: shard.stock - 1 }
      if (item.kind === 'code') shardWrite.codes = codes.slice(1)
      await repo.inTx(tx, STOCK).doc(shard._id).update({ data: shardWrite })
      return order
    })
    if (!isRejection(out)) return toOrderView(out)
    // A retry after the order was made may now be sold out or short of points: answer with the order.
    const existing = await storedOrder(orderId)
    return existing ? toOrderView(existing) : out
  } catch (err) {
    // The entry's key is taken: this request's order exists (on that entry), answer with it.
    if (!isDuplicateKey(err)) throw err
    const existing = await storedOrder(orderId)
    if (!existing) throw err
    return toOrderView(existing)
  }
}
