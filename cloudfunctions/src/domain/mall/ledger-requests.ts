import { parseKey, refundKey } from '../points/idempotency'
import type { EntryRequest } from '../points/ledger'
import type { MallOrder } from './order'

/** The ledger request for a cancel's refund, for planEntry: keyed `refund:{orderId}`, so an order refunds once. */
export function refundRequestOf(order: MallOrder): EntryRequest {
  return { _id: refundKey(order._id), memberId: order.memberId, amount: order.cost, reason: 'refund', ref: order._id }
}

/**
 * The order a redeem entry paid for: the entry's key is `redeem:{orderId}` (points/idempotency.ts redeemKey), so the
 * order stored on that entry needs no id of its own. A key of another kind is a caller bug (RangeError).
 */
export function orderIdOfRedeemKey(entryId: string): string {
  const key = parseKey(entryId)
  if (!key || key.kind !== 'redeem' || key.parts.length !== 1) throw new RangeError(`not a redeem entry key: ${JSON.stringify(entryId)}`)
  return key.parts[0]
}
