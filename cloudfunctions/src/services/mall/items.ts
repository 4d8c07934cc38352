/** Mall items: member catalogue reads and admin writes. Codes never leave the server through these. */
import { randomBytes } from 'crypto'
import { toItemView, type ItemCreateInput, type ItemPatchInput, type ItemView } from '../../contracts/mall'
import { rejectMall, type MallItem } from '../../domain/mall'
import { isRejection, reject, type Rejection } from '../../domain/points'
import { db, TxAbort, txGet, withTransaction } from '../../shared/db'
import { ITEMS, type StoredItem } from './store'

/** Codes are bulky and secret: every read that can reach a client leaves them out. */
const PUBLIC_FIELDS = { codes: false } as const
const MAX_POOL = 5000

export interface ItemPage {
  items: ItemView[]
  cursor: string | null
}

/** Members see items on the shelf, newest first; staff also see those off the shelf. */
export async function listItems(opts: { staff: boolean; cursor?: string; limit: number; now: number }): Promise<ItemPage> {
  const _ = db().command
  const where: Record<string, unknown> = opts.staff ? {} : { onShelf: true }
  if (opts.cursor && /^\d+$/.test(opts.cursor)) where.createdAt = _.lt(Number(opts.cursor))
  const res = await db()
    .collection(ITEMS)
    .where(where)
    .field(PUBLIC_FIELDS)
    .orderBy('createdAt', 'desc')
    .limit(opts.limit + 1)
    .get()
  const items = res.data as unknown as MallItem[]
  const page = items.slice(0, opts.limit)
  return {
    items: page.map((i) => toItemView(i, opts.now)),
    cursor: items.length > opts.limit ? String(page[page.length - 1].createdAt) : null,
  }
}

export async function getItem(itemId: string, staff: boolean, now: number): Promise<ItemView | Rejection> {
  const res = await db().collection(ITEMS).where({ _id: itemId }).field(PUBLIC_FIELDS).limit(1).get()
  const item = (res.data as unknown as MallItem[])[0]
  if (!item || (!staff && !item.onShelf)) return rejectMall('MALL.ITEM_NOT_FOUND')
  return toItemView(item, now)
}

export async function createItem(input: ItemCreateInput, now: number): Promise<ItemView> {
  const _id = `item-${randomBytes(6).toString('hex')}`
  // A code item's stock is the number of codes in its pool: it starts empty and grows with addCodes.
  const item: StoredItem = { ...input, _id, stock: input.kind === 'code' ? 0 : input.stock, createdAt: now, updatedAt: now } as StoredItem
  if (item.kind === 'code') item.codes = []
  await db().collection(ITEMS).add({ data: item })
  return toItemView(item, now)
}

export async function updateItem(itemId: string, patch: ItemPatchInput, now: number): Promise<ItemView | Rejection> {
  const out = await withTransaction<StoredItem | Rejection>(async (tx) => {
    const item = await txGet<StoredItem>(tx, ITEMS, itemId)
    if (!item) throw new TxAbort<Rejection>(rejectMall('MALL.ITEM_NOT_FOUND'))
    if (item.kind === 'code' && patch.stock !== undefined)
      throw new TxAbort<Rejection>(reject('MALL.STOCK_FROM_CODES', '兑换码商品的库存由兑换码数量决定'))
    const next = { ...item, ...patch, updatedAt: now }
    if (next.saleStart !== null && next.saleEnd !== null && next.saleStart >= next.saleEnd) {
      throw new TxAbort<Rejection>(reject('REQUEST.INVALID', '兑换结束时间须晚于开始时间'))
    }
    await tx
      .collection(ITEMS)
      .doc(itemId)
      .update({ data: { ...patch, updatedAt: now } })
    return next
  })
  return isRejection(out) ? out : toItemView(out, now)
}

/** Adds codes to the pool of the code item that uses `poolId`; duplicates already in the pool are skipped. */
export async function addCodes(poolId: string, codes: string[], now: number): Promise<{ added: number; stock: number } | Rejection> {
  const found = await db().collection(ITEMS).where({ kind: 'code', codePoolId: poolId }).field({ _id: true }).limit(2).get()
  const ids = (found.data as unknown as { _id: string }[]).map((d) => d._id)
  if (ids.length !== 1) return reject('MALL.POOL_NOT_FOUND', ids.length ? '多个商品使用同一兑换码池' : '兑换码池不存在')
  return withTransaction<{ added: number; stock: number } | Rejection>(async (tx) => {
    const item = await txGet<StoredItem>(tx, ITEMS, ids[0])
    if (!item) throw new TxAbort<Rejection>(rejectMall('MALL.ITEM_NOT_FOUND'))
    const pool = item.codes ?? []
    const fresh = [...new Set(codes)].filter((c) => !pool.includes(c))
    if (pool.length + fresh.length > MAX_POOL) throw new TxAbort<Rejection>(reject('MALL.POOL_FULL', `每个兑换码池最多 ${MAX_POOL} 个码`))
    const next = [...pool, ...fresh]
    await tx
      .collection(ITEMS)
      .doc(item._id)
      .update({ data: { codes: next, stock: next.length, updatedAt: now } })
    return { added: fresh.length, stock: next.length }
  })
}
