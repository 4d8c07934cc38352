/**
 * Redeem = ONE transaction of six operations, eight requests with its start and commit: read the balance and one
 * stock shard (which carries the item's copy: price, limits, sale window — no separate item read), add the order (its
 * `_id` is the member's request id: a double tap or a retry lands on it), add the ledger entry, write the balance
 * (points + limit count), write the shard (stock − 1, code taken). Any rejection rolls everything back.
 *
 * Why not fewer (issue #12 asks ≤ 7): a spend must read the balance inside the transaction (never negative) and the
 * shard (no overselling, the code to hand out), and it writes four different documents — the order (the request's
 * idempotency key), the entry (balance == ledger sum), the balance and the shard. CloudBase transactions take
 * single-document operations only, so that is six operations plus start and commit; dropping any one gives up one
 * of those guarantees.
 */
import { toOrderView, type OrderView } from '../../contracts/mall'
import { orderIdFor, planRedeem, rejectMall, type RedeemRejection } from '../../domain/mall'
import { isRejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction, type Tx } from '../../shared/db'
import { addEntryInTx, balanceInTx, writeBalance } from '../points/ledger'
import {
  ITEMS,
  MAX_SHARDS,
  ORDERS,
  redeemedCountField,
  shardId,
  STOCK,
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
      await repo.inTx(tx, ORDERS).add({ data: order })
      await addEntryInTx(tx, plan.entry)
      const extra = order.countsTowardLimit ? redeemedCountField(itemId, redeemed + 1, !!balance) : {}
      await writeBalance(tx, plan.balance, !!balance, extra)
      const shardWrite: Partial<StockShard> = { stock: shard.stock - 1 }
      if (item.kind === 'code') shardWrite.codes = codes.slice(1)
      await repo.inTx(tx, STOCK).doc(shard._id).update({ data: shardWrite })
      return order
    })
    if (!isRejection(out)) return toOrderView(out)
    // A retry after the order was made may now be sold out or short of points: answer with the order.
    const existing = await repo.get(ORDERS, orderId)
    return existing ? toOrderView(existing) : out
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const existing = await repo.get(ORDERS, orderId)
    if (!existing) throw err
    return toOrderView(existing)
  }
}
