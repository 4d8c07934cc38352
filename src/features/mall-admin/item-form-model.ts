import { changedFields } from '@/shared/patch'
import type { ItemCreateInput, ItemPatchInput, ItemView } from '@cloud/contracts/mall'
import { formatDate, shanghaiDayEnd, shanghaiDayStart } from '@/shared/time'

/**
 * The item form as the admin types it (strings), and its conversion to the `createItem` / `updateItem` inputs.
 * The sale window is picked by day in Beijing time: from 00:00 of the first day to the end of the last day.
 */
export type ItemKind = ItemView['kind']
export type UnlockTarget = 'material'

export interface ItemFormValues {
  kind: ItemKind
  codePoolId: string
  /** What staff read for the pool of a saved code item (「…」的兑换码池（编号 …）); empty while creating. */
  codePoolLabel: string
  unlockTarget: UnlockTarget
  unlockTargetId: string
  title: string
  description: string
  /** Uploaded image fileIDs (cloud storage), the first is the cover. */
  images: string[]
  cost: string
  stock: string
  /** Empty = no limit. */
  perMemberLimit: string
  saleStartDay: string
  saleEndDay: string
  onShelf: boolean
}

/** The max images an item shows (the function allows 9). */
export const MAX_ITEM_IMAGES = 9

/** A new code item's pool id, made up for it (the operator never types an id); shown with its label after saving. */
export const newPoolId = (now = Date.now(), random = Math.random()): string => `pool-${now.toString(36)}${random.toString(36).slice(2, 6)}`

export type ItemFormErrors = Partial<Record<keyof ItemFormValues, string>>

export const EMPTY_ITEM_FORM: ItemFormValues = {
  kind: 'code',
  codePoolId: '',
  codePoolLabel: '',
  unlockTarget: 'material',
  unlockTargetId: '',
  title: '',
  description: '',
  images: [],
  cost: '',
  stock: '',
  perMemberLimit: '1',
  saleStartDay: '',
  saleEndDay: '',
  onShelf: false,
}

const KEY_PART = /^[A-Za-z0-9_.-]{1,64}$/
const MAX_COST = 1_000_000

export function valuesFromItem(item: ItemView): ItemFormValues {
  return {
    ...EMPTY_ITEM_FORM,
    kind: item.kind,
    title: item.title,
    description: item.description,
    images: [...item.images],
    codePoolId: item.codePool?.id ?? '',
    codePoolLabel: item.codePool?.label ?? '',
    cost: String(item.cost),
    stock: String(item.stock),
    perMemberLimit: item.perMemberLimit === null ? '' : String(item.perMemberLimit),
    saleStartDay: item.saleStart === null ? '' : formatDate(item.saleStart),
    // The end is exclusive: the last day on sale is the day before it.
    saleEndDay: item.saleEnd === null ? '' : formatDate(item.saleEnd - 1),
    onShelf: item.saleState !== 'off_shelf',
  }
}

const wholeIn = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max

export function validateItemForm(v: ItemFormValues, creating: boolean): ItemFormErrors {
  const e: ItemFormErrors = {}
  const title = v.title.trim()
  if (title.length < 1 || title.length > 40) e.title = '请填写商品名称（不超过40个字）'
  if (!wholeIn(v.cost, 1, MAX_COST)) e.cost = '所需积分须为 1 以上的整数'
  // A code item's stock is the size of its code pool (set by importing codes), never typed.
  if (v.kind !== 'code' && !wholeIn(v.stock, 0, 1_000_000)) e.stock = '库存须为 0 以上的整数'
  if (v.perMemberLimit.trim() && !wholeIn(v.perMemberLimit, 1, 1000)) e.perMemberLimit = '每人限兑须为 1-1000 的整数，留空表示不限'
  if (v.description.length > 1000) e.description = '商品说明不超过1000个字'
  if (v.images.length > MAX_ITEM_IMAGES) e.images = `最多 ${MAX_ITEM_IMAGES} 张图片`
  const start = v.saleStartDay ? shanghaiDayStart(v.saleStartDay) : null
  const end = v.saleEndDay ? shanghaiDayEnd(v.saleEndDay) : null
  if (start !== null && end !== null && start >= end) e.saleEndDay = '兑换结束日期不能早于开始日期'
  if (creating && v.kind === 'code' && !KEY_PART.test(v.codePoolId.trim())) e.codePoolId = '请填写兑换码池编号（字母、数字、_ . -）'
  if (creating && v.kind === 'unlock' && !KEY_PART.test(v.unlockTargetId.trim())) e.unlockTargetId = '请选择要解锁的资料'
  return e
}

function commonFields(v: ItemFormValues) {
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    images: v.images,
    cost: Number(v.cost),
    stock: v.kind === 'code' ? 0 : Number(v.stock),
    perMemberLimit: v.perMemberLimit.trim() ? Number(v.perMemberLimit) : null,
    saleStart: v.saleStartDay ? shanghaiDayStart(v.saleStartDay) : null,
    saleEnd: v.saleEndDay ? shanghaiDayEnd(v.saleEndDay) : null,
    onShelf: v.onShelf,
  }
}

export function toCreateInput(v: ItemFormValues): ItemCreateInput {
  const fields = commonFields(v)
  if (v.kind === 'code') return { ...fields, kind: 'code', codePoolId: v.codePoolId.trim() }
  if (v.kind === 'unlock') return { ...fields, kind: 'unlock', unlockTarget: v.unlockTarget, unlockTargetId: v.unlockTargetId.trim() }
  return { ...fields, kind: 'physical' }
}

/**
 * Only what changed: stock in particular is set absolutely, so resending an unchanged stock would undo the
 * redemptions made since the form was opened.
 */
export function toPatch(v: ItemFormValues, original: ItemFormValues): ItemPatchInput {
  const patch: ItemPatchInput = changedFields(commonFields(v), commonFields(original))
  if (v.kind === 'code') delete patch.stock
  return patch
}
