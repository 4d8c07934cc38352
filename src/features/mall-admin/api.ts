import { callCloud } from '@/shared/cloud'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { ItemCreateInput, ItemPatchInput, ItemView, OrderView } from '@cloud/contracts/mall'
import type { AuditItem, HistoryItem } from '@cloud/contracts/points'

/** Admin actions of the `mall` and `points` functions; the functions check the caller's role, these pages only hide entries. */

export const ADMIN_PAGE_SIZE = 20

interface ItemPage {
  items: ItemView[]
  cursor: string | null
}
interface OrderPage {
  items: OrderView[]
  nextBefore: number | null
}
interface AuditPage {
  items: AuditItem[]
  nextBefore: number | null
}

/**
 * What `addCodes` answers: codes the item ever had (still in stock or already issued) are listed in `duplicates` and
 * not added again; a code item's stock is its pool size.
 */
export interface AddCodesResult {
  added: number
  duplicates: string[]
  stock: number
}

/** What `adjust` answers; `replayed` = this requestId was already applied (a retry), nothing changed twice. */
export interface AdjustResult {
  entry: HistoryItem
  replayed: boolean
}

export async function listAllItems(cursor?: string): Promise<Envelope<Page<ItemView, string>>> {
  const res = await callCloud<ItemPage>(
    'mall',
    'listItems',
    cursor === undefined ? { limit: ADMIN_PAGE_SIZE } : { cursor, limit: ADMIN_PAGE_SIZE },
  )
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const getItem = (itemId: string) => callCloud<ItemView>('mall', 'getItem', { itemId })
/** `requestId`: one per form opened; a repeat answers the item the first one created. */
export const createItem = (item: ItemCreateInput, requestId: string) => callCloud<ItemView>('mall', 'createItem', { item, requestId })
export const updateItem = (itemId: string, patch: ItemPatchInput) => callCloud<ItemView>('mall', 'updateItem', { itemId, patch })
export const addCodes = (poolId: string, codes: string[]) => callCloud<AddCodesResult>('mall', 'addCodes', { poolId, codes })

/** Pending orders, oldest first, so the longest-waiting member is served first. */
export async function fulfilmentQueue(before?: number): Promise<Envelope<Page<OrderView, number>>> {
  const payload: Record<string, unknown> = { status: 'pending', limit: ADMIN_PAGE_SIZE }
  if (before !== undefined) payload.before = before
  const res = await callCloud<OrderPage>('mall', 'fulfilmentQueue', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.nextBefore } } : res
}

export function fulfilOrder(orderId: string, trackingNo?: string) {
  return callCloud<OrderView>('mall', 'fulfilOrder', trackingNo ? { orderId, trackingNo } : { orderId })
}

/** `member` is the handle a member search answered; `amount` is signed: positive adds points, negative takes them away. */
export function adjustPoints(member: string, amount: number, note: string, requestId: string) {
  return callCloud<AdjustResult>('points', 'adjust', { member, amount, note, requestId })
}

/** Reverses the member's entry named by its audit key (a repeat answers the first reversal, `replayed`). */
export function reverseEntry(member: string, entry: string, note: string) {
  return callCloud<AdjustResult>('points', 'reverse', { member, entry, note })
}

/** `member`: a handle to see one member's entries, '' for everyone's. */
export async function auditTrail(member: string, before?: number): Promise<Envelope<Page<AuditItem, number>>> {
  const payload: Record<string, unknown> = { limit: ADMIN_PAGE_SIZE }
  if (member) payload.member = member
  if (before !== undefined) payload.before = before
  const res = await callCloud<AuditPage>('points', 'audit', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.nextBefore } } : res
}
