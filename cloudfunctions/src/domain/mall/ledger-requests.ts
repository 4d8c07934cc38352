import { refundKey } from '../points/idempotency'
import type { EntryRequest } from '../points/ledger'
import type { MallOrder } from './order'

/** The ledger request for a cancel's refund, for planEntry: keyed `refund:{orderId}`, so an order refunds once. */
export function refundRequestOf(order: MallOrder): EntryRequest {
  return { _id: refundKey(order._id), memberId: order.memberId, amount: order.cost, reason: 'refund', ref: order._id }
}
