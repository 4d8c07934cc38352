/**
 * Where the mall keeps things.
 * - An item's stock is split over a few shard docs (`mall_stock/{itemId}~{k}`) so that
 *   members redeeming the same item at once rarely write the same document; the item
 *   doc itself is only read by redemptions. Redemption codes live in the shards too
 *   (never sent to clients), so assigning one costs no extra request.
 * - A member's per-item redemption count lives on their points balance doc
 *   (`mallRedeemed.{itemId}`), which the redeem transaction writes anyway.
 * - Every shard carries a copy of its item (`item`), written in the same transaction as the item doc by creation and
 *   by every edit, so a redemption learns the price, limits and sale window from the shard it reads anyway inside its
 *   transaction (one request less than reading the item doc first, and an edit that commits meanwhile conflicts
 *   instead of being missed).
 * - An unlock item's fulfilled order is the unlock record itself.
 * - An order is stored on the ledger entry that paid for it: the `redeem:{orderId}` entry in points_entries carries it
 *   under `order` (an `OrderRecord`: the order without its `_id`, which is derived from the entry's). The entry's key
 *   is the request's idempotency key, so one insert books the spend and makes the order exactly once, and a
 *   redemption is 7 requests (services/mall/redeem.ts). Points owns the collection: the mall reads and writes the
 *   record through services/points/attached.ts (order-entries.ts). `mall_orders` is legacy, read by migrate.ts only.
 */
import type { MallItem, MallOrder } from '../../domain/mall'
import type { BalanceDoc } from '../../domain/points'
import { repository } from '../../shared/repository'

export const ITEMS = 'mall_items'
export const STOCK = 'mall_stock'
/** Legacy: where orders were stored before they moved onto their redeem entries; only migrate.ts reads it. */
export const LEGACY_ORDERS = 'mall_orders'
export const CODE_LEDGER = 'mall_code_ledger'

export const repo = repository('mall')

/** Shards per item: enough to spread a rush, few enough to list cheaply. */
export const MAX_SHARDS = 8

export type StoredItem = MallItem & { shards: number }
export type StoredOrder = MallOrder & { stockShard?: number }
/** What a redeem entry carries under `order`: the order without its `_id` (= orderIdOfRedeemKey(entry._id)). */
export type OrderRecord = Omit<StoredOrder, '_id'>
export type MallBalance = BalanceDoc & { mallRedeemed?: Record<string, number> }

export interface StockShard {
  _id: string
  itemId: string
  k: number
  stock: number
  codes?: string[]
  /** The item as of its last edit (its own `stock` field is not the live stock: the shards' sum is). */
  item?: StoredItem
}

export const shardId = (itemId: string, k: number) => `${itemId}~${k}`

/** Splits `total` units over `shards` as evenly as possible. */
export function splitStock(total: number, shards: number): number[] {
  return Array.from({ length: shards }, (_, k) => Math.floor(total / shards) + (k < total % shards ? 1 : 0))
}

/** Deals codes round-robin onto shards, keeping what each already holds. */
export function dealCodes(shards: StockShard[], codes: string[]): StockShard[] {
  const next = shards.map((s) => ({ ...s, codes: [...(s.codes ?? [])] }))
  codes.forEach((code, i) => {
    const target = next.reduce((min, s) => (s.codes.length < min.codes.length ? s : min), next[i % next.length])
    target.codes.push(code)
  })
  return next.map((s) => ({ ...s, stock: s.codes.length }))
}

/** The fields of a balance write that move a member's count for an item (dot path on update, nested on create). */
export function redeemedCountField(itemId: string, next: number, balanceExists: boolean): Record<string, unknown> {
  return balanceExists ? { [`mallRedeemed.${itemId}`]: next } : { mallRedeemed: { [itemId]: next } }
}

export { withoutId } from '../../shared/db'
