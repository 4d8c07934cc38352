import { redeemKey, refundKey } from '../points/idempotency'
import type { EntryRequest } from '../points/ledger'
import { limitCounterId, type UnlockTarget } from './items'
import type { MallOrder } from './order'

/**
 * The redeem flow as data, medusa-style: every step names the step that undoes it. The I/O layer runs `do` steps
 * inside one transaction (a failure rolls all of them back); a cancel later runs the `undo` steps, exactly once,
 * because the refund entry's `_id` is `refund:{orderId}` and the order's status flips in the same transaction.
 */
export type RedeemStep =
  | { type: 'debit_points'; entryId: string; memberId: string; amount: number }
  | { type: 'decrement_stock'; itemId: string }
  | { type: 'count_limit'; counterId: string; itemId: string; memberId: string }
  | { type: 'assign_code'; poolId: string; orderId: string }
  | { type: 'grant_unlock'; target: UnlockTarget; targetId: string; memberId: string; orderId: string }
  | { type: 'create_order'; orderId: string }

export type Compensation =
  | { type: 'refund_points'; entryId: string; memberId: string; amount: number; orderId: string }
  | { type: 'increment_stock'; itemId: string }
  | { type: 'uncount_limit'; counterId: string }
  | { type: 'release_code'; poolId: string; orderId: string }
  | { type: 'revoke_unlock'; target: UnlockTarget; targetId: string; memberId: string }
  | { type: 'cancel_order'; orderId: string }

export interface FlowStep {
  do: RedeemStep
  undo: Compensation
}

export function redeemSteps(order: MallOrder): FlowStep[] {
  const { _id: orderId, memberId, itemId, fulfilment } = order
  const steps: FlowStep[] = [
    {
      do: { type: 'debit_points', entryId: redeemKey(orderId), memberId, amount: -order.cost },
      undo: { type: 'refund_points', entryId: refundKey(orderId), memberId, amount: order.cost, orderId },
    },
    { do: { type: 'decrement_stock', itemId }, undo: { type: 'increment_stock', itemId } },
  ]
  if (order.countsTowardLimit) {
    const counterId = limitCounterId(itemId, memberId)
    steps.push({ do: { type: 'count_limit', counterId, itemId, memberId }, undo: { type: 'uncount_limit', counterId } })
  }
  if (fulfilment.kind === 'code') {
    const poolId = fulfilment.codePoolId
    steps.push({ do: { type: 'assign_code', poolId, orderId }, undo: { type: 'release_code', poolId, orderId } })
  } else if (fulfilment.kind === 'unlock') {
    const { unlockTarget: target, unlockTargetId: targetId } = fulfilment
    steps.push({
      do: { type: 'grant_unlock', target, targetId, memberId, orderId },
      undo: { type: 'revoke_unlock', target, targetId, memberId },
    })
  }
  steps.push({ do: { type: 'create_order', orderId }, undo: { type: 'cancel_order', orderId } })
  return steps
}

/**
 * What a cancel must undo, in reverse order of the redeem steps. The order's own status change is the transition
 * itself, so `cancel_order` is left out.
 */
export function cancelEffects(order: MallOrder): Compensation[] {
  return redeemSteps(order)
    .map((s) => s.undo)
    .filter((u) => u.type !== 'cancel_order')
    .reverse()
}

/** The ledger request for a cancel's refund, for planEntry. */
export function refundRequestOf(order: MallOrder): EntryRequest {
  return { _id: refundKey(order._id), memberId: order.memberId, amount: order.cost, reason: 'refund', ref: order._id }
}

/** The ledger request that pays for an order, for planEntry. */
export function redeemRequestOf(order: Pick<MallOrder, '_id' | 'memberId' | 'cost'>): EntryRequest {
  return { _id: redeemKey(order._id), memberId: order.memberId, amount: -order.cost, reason: 'redeem', ref: order._id }
}
