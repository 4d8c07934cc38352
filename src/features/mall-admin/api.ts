import { callAction } from '@/shared/cloud'
import type { Envelope } from '@/shared/cloud/types'
import type { RequestOf } from '@cloud/contracts/calls'
import type { Page } from '@/shared/paging/use-paged-list'
import type { ItemCreateInput, ItemPatchInput, ItemView, OrderView } from '@cloud/contracts/mall'
import type { AuditItem } from '@cloud/contracts/points'

/** Admin actions of the `mall` and `points` functions; the functions check the caller's role, these pages only hide entries. */

export const ADMIN_PAGE_SIZE = 20

export async function listAllItems(cursor?: string): Promise<Envelope<Page<ItemView, string>>> {
  const res = await callAction('mall', 'listItems', cursor === undefined ? { limit: ADMIN_PAGE_SIZE } : { cursor, limit: ADMIN_PAGE_SIZE })
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.cursor } } : res
}

export const getItem = (itemId: string) => callAction('mall', 'getItem', { itemId })
/** `requestId`: one per form opened; a repeat answers the item the first one created. */
export const createItem = (item: ItemCreateInput, requestId: string) => callAction('mall', 'createItem', { item, requestId })
export const updateItem = (itemId: string, patch: ItemPatchInput) => callAction('mall', 'updateItem', { itemId, patch })
export const addCodes = (poolId: string, codes: string[]) => callAction('mall', 'addCodes', { poolId, codes })

/** Pending orders, oldest first, so the longest-waiting member is served first. */
export async function fulfilmentQueue(before?: number): Promise<Envelope<Page<OrderView, number>>> {
  const payload: RequestOf<'mall', 'fulfilmentQueue'> = { status: 'pending', limit: ADMIN_PAGE_SIZE }
  if (before !== undefined) payload.before = before
  const res = await callAction('mall', 'fulfilmentQueue', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.nextBefore } } : res
}

export function fulfilOrder(orderId: string, trackingNo?: string) {
  return callAction('mall', 'fulfilOrder', trackingNo ? { orderId, trackingNo } : { orderId })
}

/** `member` is the handle a member search answered; `amount` is signed: positive adds points, negative takes them away. */
export function adjustPoints(member: string, amount: number, note: string, requestId: string) {
  return callAction('points', 'adjust', { member, amount, note, requestId })
}

/** Reverses the member's entry named by its audit key (a repeat answers the first reversal, `replayed`). */
export function reverseEntry(member: string, entry: string, note: string) {
  return callAction('points', 'reverse', { member, entry, note })
}

/** `member`: a handle to see one member's entries, '' for everyone's. */
export async function auditTrail(member: string, before?: number): Promise<Envelope<Page<AuditItem, number>>> {
  const payload: RequestOf<'points', 'audit'> = { limit: ADMIN_PAGE_SIZE }
  if (member) payload.member = member
  if (before !== undefined) payload.before = before
  const res = await callAction('points', 'audit', payload)
  return res.code === 0 ? { code: 0, data: { items: res.data.items, next: res.data.nextBefore } } : res
}

/** Materials an unlock item can open, newest first (one page of 50: the operator picks by title, never types an id). */
export async function materialChoices(): Promise<Envelope<{ id: string; title: string }[]>> {
  const res = await callAction('materials', 'adminList', { limit: 50 })
  return res.code === 0 ? { code: 0, data: res.data.items.map((m) => ({ id: m.id, title: m.title })) } : res
}
