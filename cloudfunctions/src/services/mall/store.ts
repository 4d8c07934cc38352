/**
 * Where the mall keeps things. Redemption codes live on their item (`codes`, never
 * sent to clients), so assigning one costs no extra request in the redeem transaction;
 * the member's per-item redemption count lives on their points balance doc
 * (`mallRedeemed.{itemId}`), which the redeem transaction writes anyway.
 * An unlock item's fulfilled order is the unlock record itself.
 */
import type { MallItem, MallOrder } from '../../domain/mall'
import type { BalanceDoc } from '../../domain/points'

export const ITEMS = 'mall_items'
export const ORDERS = 'mall_orders'

export type StoredItem = MallItem & { codes?: string[] }
export type StoredOrder = MallOrder
export type MallBalance = BalanceDoc & { mallRedeemed?: Record<string, number> }

/** The fields of a balance write that move a member's count for an item (dot path on update, nested on create). */
export function redeemedCountField(itemId: string, next: number, balanceExists: boolean): Record<string, unknown> {
  return balanceExists ? { [`mallRedeemed.${itemId}`]: next } : { mallRedeemed: { [itemId]: next } }
}

export const withoutId = <T extends { _id: string }>(doc: T): Omit<T, '_id'> => {
  const { _id, ...rest } = doc
  void _id
  return rest
}
