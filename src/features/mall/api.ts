import { callCloud } from '@/shared/cloud'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { ItemView, OrderView } from '@cloud/contracts/mall'
import type { BalanceView } from '@cloud/contracts/points'
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
  const res = await callCloud<ItemPage>(
    'mall',
    'listItems',
    cursor === undefined ? { limit: MALL_PAGE_SIZE } : { cursor, limit: MALL_PAGE_SIZE },
  )
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const getItem = (itemId: string) => callCloud<ItemView>('mall', 'getItem', { itemId })

/** The same `requestId` on every try of one confirm screen: the server answers a repeat with the first order. */
export function redeem(itemId: string, requestId: string, address?: AddressDraft) {
  return callCloud<OrderView>('mall', 'redeem', address ? { itemId, requestId, address } : { itemId, requestId })
}

export async function myOrders(status: OrderStatusFilter | undefined, before?: number): Promise<Envelope<Page<OrderView, number>>> {
  const payload: Record<string, unknown> = { limit: MALL_PAGE_SIZE }
  if (status) payload.status = status
  if (before !== undefined) payload.before = before
  const res = await callCloud<OrderPage>('mall', 'myOrders', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.nextBefore } } : res
}

export const revealCode = (orderId: string) => callCloud<OrderView>('mall', 'revealCode', { orderId })
export const cancelOrder = (orderId: string) => callCloud<OrderView>('mall', 'cancelOrder', { orderId })

/** Shown on the confirm screen so a member sees before tapping whether the points suffice. */
export const getMyBalance = () => callCloud<BalanceView>('points', 'balance')
