import type { Rejection } from '../kernel'
import type { ShippingAddress } from './address'
import { rejectMall } from './rejections'
import type { ItemFulfilment } from './items'

export const ORDER_STATUSES = ['pending', 'fulfilled', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = { pending: '待发放', fulfilled: '已完成', cancelled: '已取消' }

export interface MallOrder {
  _id: string
  memberId: string
  itemId: string
  /** Snapshots taken at redemption: later item edits do not change what was bought. */
  title: string
  cover?: string
  cost: number
  fulfilment: ItemFulfilment
  /** Whether the redemption incremented the member's limit counter (so a cancel decrements it). */
  countsTowardLimit: boolean
  status: OrderStatus
  /** The ledger entry that paid for it (`redeem:{orderId}`), which also stores the order (its `order` field). */
  redeemEntryId: string
  address?: ShippingAddress
  /** Assigned in the redeem transaction for code items; shown to the member once the order is fulfilled. */
  code?: string
  trackingNo?: string
  createdAt: number
  updatedAt: number
  fulfilledAt?: number
  fulfilledBy?: string
  cancelledAt?: number
  cancelledBy?: string
}

export type OrderAction = 'fulfil' | 'cancel'

export type OrderActor = { role: 'member'; memberId: string } | { role: 'staff'; staffId: string } | { role: 'system' }

export interface TransitionOptions {
  trackingNo?: string
}

export type TransitionResult =
  | {
      ok: true
      /** false for a retried action that already happened: write nothing, answer with `order`. */
      changed: boolean
      order: MallOrder
    }
  | Rejection<'MALL.ORDER_STATE' | 'MALL.ORDER_FORBIDDEN'>

const TARGET: Readonly<Record<OrderAction, OrderStatus>> = { fulfil: 'fulfilled', cancel: 'cancelled' }

export function actorLabel(actor: OrderActor): string {
  return actor.role === 'member' ? `member:${actor.memberId}` : actor.role === 'staff' ? `staff:${actor.staffId}` : 'system'
}

/**
 * pending → fulfilled | cancelled; both final. Staff and the system may do either. A member may act only on
 * their own order: cancel it while pending, or "fulfil" a code order by revealing its code.
 */
export function transition(
  order: MallOrder,
  action: OrderAction,
  actor: OrderActor,
  now: number,
  options: TransitionOptions = {},
): TransitionResult {
  if (actor.role === 'member') {
    if (actor.memberId !== order.memberId) return forbidden()
    if (action === 'fulfil' && order.fulfilment.kind !== 'code') return forbidden()
  }
  const target = TARGET[action]
  if (order.status === target) return { ok: true, changed: false, order }
  if (order.status !== 'pending') return rejectMall('MALL.ORDER_STATE', { status: order.status, action }) as Rejection<'MALL.ORDER_STATE'>
  const by = actorLabel(actor)
  if (action === 'fulfil') {
    const trackingNo = options.trackingNo ?? order.trackingNo
    const next: MallOrder = { ...order, status: 'fulfilled', updatedAt: now, fulfilledAt: now, fulfilledBy: by }
    return { ok: true, changed: true, order: trackingNo === undefined ? next : { ...next, trackingNo } }
  }
  const next: MallOrder = { ...order, status: 'cancelled', updatedAt: now, cancelledAt: now, cancelledBy: by }
  return { ok: true, changed: true, order: next }
}

function forbidden(): Rejection<'MALL.ORDER_FORBIDDEN'> {
  return rejectMall('MALL.ORDER_FORBIDDEN') as Rejection<'MALL.ORDER_FORBIDDEN'>
}
