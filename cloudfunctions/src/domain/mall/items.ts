/**
 * Mall items. The kind decides how an order is fulfilled: a code from a pool, an unlock of a material or
 * course (effective at once), or a parcel to a shipping address.
 */
export const ITEM_KINDS = ['code', 'unlock', 'physical'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

/** What an unlock item opens: a material (materials/access.ts honours the fulfilled order; nothing else reads unlocks). */
export const UNLOCK_TARGETS = ['material'] as const
export type UnlockTarget = (typeof UNLOCK_TARGETS)[number]

export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, string>> = { code: '兑换码', unlock: '解锁内容', physical: '实物' }

/** Kind-specific fields; copied onto each order so a cancel can be undone from the order alone. */
export type ItemFulfilment =
  { kind: 'code'; codePoolId: string } | { kind: 'unlock'; unlockTarget: UnlockTarget; unlockTargetId: string } | { kind: 'physical' }

export interface ItemBase {
  _id: string
  title: string
  description: string
  /** Cloud storage fileIDs, first is the cover. */
  images: string[]
  /** Points per unit. */
  cost: number
  /** Units left; decremented by each redemption and restored by each cancel. */
  stock: number
  /** Redemptions allowed per member; null = unlimited. */
  perMemberLimit: number | null
  /** Sale window in epoch ms: start inclusive, end exclusive; null = open. */
  saleStart: number | null
  saleEnd: number | null
  onShelf: boolean
  createdAt: number
  updatedAt: number
}

export type MallItem = ItemBase & ItemFulfilment

export type SaleState = 'off_shelf' | 'not_started' | 'ended' | 'sold_out' | 'on_sale'

export const SALE_STATE_LABELS: Readonly<Record<SaleState, string>> = {
  off_shelf: '已下架',
  not_started: '即将开始',
  ended: '已结束',
  sold_out: '已兑完',
  on_sale: '可兑换',
}

/** The state a list page shows; the same order of checks as canRedeem. */
export function saleStateOf(item: Pick<ItemBase, 'onShelf' | 'saleStart' | 'saleEnd' | 'stock'>, now: number): SaleState {
  if (!item.onShelf) return 'off_shelf'
  if (item.saleStart !== null && now < item.saleStart) return 'not_started'
  if (item.saleEnd !== null && now >= item.saleEnd) return 'ended'
  if (item.stock <= 0) return 'sold_out'
  return 'on_sale'
}

export function fulfilmentOf(item: MallItem): ItemFulfilment {
  switch (item.kind) {
    case 'code':
      return { kind: 'code', codePoolId: item.codePoolId }
    case 'unlock':
      return { kind: 'unlock', unlockTarget: item.unlockTarget, unlockTargetId: item.unlockTargetId }
    case 'physical':
      return { kind: 'physical' }
  }
}

/** `_id` of the per-member redemption counter doc (read and incremented in the redeem transaction). */
export function limitCounterId(itemId: string, memberId: string): string {
  return `limit:${itemId}:${memberId}`
}
