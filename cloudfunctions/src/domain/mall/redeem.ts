import { isValidKeyPart, redeemKey } from '../points/idempotency'
import { planEntry, type BalanceDoc, type LedgerEntry } from '../points/ledger'
import { rejectPoints, type PointsCode } from '../points/rejections'
import { type Rejection } from '../kernel'
import { validateAddress, type ShippingAddress } from './address'
import { rejectMall, type MallCode } from './rejections'
import { fulfilmentOf, saleStateOf, type MallItem } from './items'
import type { MallOrder } from './order'

export interface RedeemCheckInput {
  item: MallItem
  /** Redemptions this member already holds for the item (cancelled ones excluded). */
  memberRedeemedCount: number
  /** The member's current balance. */
  balance: number
  now: number
  /** Raw address input; required (and validated) for physical items, ignored otherwise. */
  address?: unknown
}

export type RedeemRejection = Rejection<MallCode | PointsCode>
export type RedeemCheck = { ok: true; cost: number; address?: ShippingAddress } | RedeemRejection

const SALE_REJECTIONS = {
  off_shelf: 'MALL.OFF_SHELF',
  not_started: 'MALL.NOT_STARTED',
  ended: 'MALL.ENDED',
  sold_out: 'MALL.SOLD_OUT',
} as const

/** Pure pre-check of one redemption; the first failing rule wins, in the order the member can act on it. */
export function canRedeem({ item, memberRedeemedCount, balance, now, address }: RedeemCheckInput): RedeemCheck {
  const state = saleStateOf(item, now)
  if (state !== 'on_sale') return rejectMall(SALE_REJECTIONS[state])
  if (item.perMemberLimit !== null && memberRedeemedCount >= item.perMemberLimit) {
    return rejectMall('MALL.LIMIT_REACHED', { limit: item.perMemberLimit })
  }
  let shipping: ShippingAddress | undefined
  if (item.kind === 'physical') {
    const checked = validateAddress(address)
    if (!checked.ok) return checked
    shipping = checked.address
  }
  if (balance < item.cost) return rejectPoints('POINTS.INSUFFICIENT', { balance, required: item.cost })
  return shipping ? { ok: true, cost: item.cost, address: shipping } : { ok: true, cost: item.cost }
}

/**
 * The order `_id` for a member's confirm tap: the client makes `requestId` once per confirm screen, so a double
 * tap or a retry after a lost response lands on the same order (and the same `redeem:{orderId}` entry).
 */
export function orderIdFor(memberId: string, requestId: string): string {
  const id = `${memberId}.${requestId}`
  if (!isValidKeyPart(memberId) || !isValidKeyPart(requestId) || !isValidKeyPart(id)) throw new RangeError(`invalid order id parts: ${id}`)
  return id
}

export interface RedeemInput extends Omit<RedeemCheckInput, 'balance'> {
  orderId: string
  memberId: string
  /** The member's balance doc as read in the transaction (undefined: never had points). */
  balance: BalanceDoc | undefined
}

export interface RedeemPlan {
  ok: true
  order: MallOrder
  entry: LedgerEntry
  balance: BalanceDoc
}

/**
 * Everything one redemption writes, or why it cannot happen. The caller stores `order` on `entry` (one document,
 * `_id` = `redeem:{orderId}`): a retry of the same request fails that insert as a duplicate key and answers with the
 * order already stored there.
 */
export function planRedeem(input: RedeemInput): RedeemPlan | RedeemRejection {
  const { item, memberId, orderId, now } = input
  const check = canRedeem({ ...input, balance: input.balance?.balance ?? 0 })
  if (!check.ok) return check
  const fulfilment = fulfilmentOf(item)
  const base: MallOrder = {
    _id: orderId,
    memberId,
    itemId: item._id,
    title: item.title,
    cost: item.cost,
    fulfilment,
    countsTowardLimit: item.perMemberLimit !== null,
    status: 'pending',
    redeemEntryId: redeemKey(orderId),
    createdAt: now,
    updatedAt: now,
  }
  const cover = item.images[0]
  // An unlock takes effect inside the redeem transaction, so its order is complete at once (and not cancellable).
  const order: MallOrder = {
    ...base,
    ...(cover ? { cover } : {}),
    ...(check.address ? { address: check.address } : {}),
    ...(fulfilment.kind === 'unlock' ? { status: 'fulfilled', fulfilledAt: now, fulfilledBy: 'system' } : {}),
  }
  const ledger = planEntry(input.balance, { _id: order.redeemEntryId, memberId, amount: -item.cost, reason: 'redeem', ref: orderId }, now)
  if (!ledger.ok) return ledger
  if (ledger.replayed) throw new Error('planEntry replayed without an existing entry')
  return { ok: true, order, entry: ledger.entry, balance: ledger.balance }
}
