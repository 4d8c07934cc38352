import { callAction } from '@/shared/cloud'
import type { RequestOf } from '@cloud/contracts/calls'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { ItemView, OrderView } from '@cloud/contracts/mall'
import type { AddressDraft } from './address-check'

export const MALL_PAGE_SIZE = 20

/** What `listItems` answers: pass `cursor` back for the next page; null at the end. */
export interface ItemPage {
  items: ItemView[]
  cursor: string | null
}

/** What `myOrders` answers, newest first: pass `nextBefore` (a createdAt) back as `before`; null at the end. */
export interface OrderPage {
  items: OrderView[]
  nextBefore: number | null
}

export type OrderStatusFilter = OrderView['status']

export async function listItems(cursor?: string): Promise<Envelope<Page<ItemView, string>>> {
  const res = await callAction('mall', 'listItems', cursor === undefined ? { limit: MALL_PAGE_SIZE } : { cursor, limit: MALL_PAGE_SIZE })
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const getItem = (itemId: string) => callAction('mall', 'getItem', { itemId })

/** The same `requestId` on every try of one confirm screen: the server answers a repeat with the first order. */
export function redeem(itemId: string, requestId: string, address?: AddressDraft) {
  return callAction('mall', 'redeem', address ? { itemId, requestId, address } : { itemId, requestId })
}

export async function myOrders(status: OrderStatusFilter | undefined, before?: number): Promise<Envelope<Page<OrderView, number>>> {
  const payload: RequestOf<'mall', 'myOrders'> = { limit: MALL_PAGE_SIZE }
  if (status) payload.status = status
  if (before !== undefined) payload.before = before
  const res = await callAction('mall', 'myOrders', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.nextBefore } } : res
}

export const revealCode = (orderId: string) => callAction('mall', 'revealCode', { orderId })
export const cancelOrder = (orderId: string) => callAction('mall', 'cancelOrder', { orderId })

/** Shown on the confirm screen so a member sees before tapping whether the points suffice. */
export const getMyBalance = () => callAction('points', 'balance')
