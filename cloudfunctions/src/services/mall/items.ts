/** Mall items: member catalogue reads and admin writes. Codes never leave the server through these. */
import { toItemView, type ItemCreateInput, type ItemPatchInput, type ItemView } from '../../contracts/mall'
import { rejectMall, type MallItem } from '../../domain/mall'
import { isRejection, reject, type Rejection } from '../../domain/kernel'
import { TxAbort, withTransaction, type Tx } from '../../shared/db'
import { createdId } from '../../shared/created-id'
import { wholeFields } from '../../shared/whole-fields'
import { ITEMS, MAX_SHARDS, shardId, splitStock, STOCK, type StockShard, type StoredItem, repo } from './store'
import { command } from '../../shared/repository'
import type { ItemPage } from '../../contracts/results'

/** Live stock per item for a page of items: one query over their shards. */
async function stockOf(itemIds: string[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>(itemIds.map((id) => [id, 0]))
  if (!itemIds.length) return totals
  const _ = command()
  const res = await repo
    .col(STOCK)
    .where({ itemId: _.in(itemIds) })
    .field({ itemId: true, stock: true })
    .limit(itemIds.length * MAX_SHARDS)
    .get()
  for (const s of res.data) totals.set(s.itemId, (totals.get(s.itemId) ?? 0) + s.stock)
  return totals
}

const view = (item: MallItem, stock: number, now: number) => toItemView({ ...item, stock }, now)

/** Members see items on the shelf, newest first; staff also see those off the shelf. Two requests a page. */
export async function listItems(opts: { staff: boolean; cursor?: string; limit: number; now: number }): Promise<ItemPage> {
  const _ = command()
  const where: Record<string, unknown> = opts.staff ? {} : { onShelf: true }
  if (opts.cursor && /^\d+$/.test(opts.cursor)) where.createdAt = _.lt(Number(opts.cursor))
  const res = await repo
    .col(ITEMS)
    .where(where)
    .orderBy('createdAt', 'desc')
    .limit(opts.limit + 1)
    .get()
  const items = res.data
  const page = items.slice(0, opts.limit)
  const stock = await stockOf(page.map((i) => i._id))
  return {
    items: page.map((i) => view(i, stock.get(i._id) ?? 0, opts.now)),
    cursor: items.length > opts.limit ? String(page[page.length - 1].createdAt) : null,
  }
}

export async function getItem(itemId: string, staff: boolean, now: number): Promise<ItemView | Rejection> {
  const res = await repo.col(ITEMS).where({ _id: itemId }).limit(1).get()
  const item = res.data[0]
  if (!item || (!staff && !item.onShelf)) return rejectMall('MALL.ITEM_NOT_FOUND')
  return view(item, (await stockOf([itemId])).get(itemId) ?? 0, now)
}

export async function writeShards(tx: Tx, shards: StockShard[]): Promise<void> {
  for (const { _id, ...fields } of shards) await repo.inTx(tx, STOCK).doc(_id).set({ data: fields })
}

/** One item per request id (a repeat of the same form answers the first item; its shards commit with it). */
export async function createItem(input: ItemCreateInput, requestId: string, adminId: string, now: number): Promise<ItemView> {
  const _id = `item-${createdId('item', adminId, requestId)}`
  // A code item's stock is the number of codes in its pool: it starts empty and grows with addCodes.
  const stock = input.kind === 'code' ? 0 : input.stock
  const shards = input.kind === 'code' ? MAX_SHARDS : Math.max(1, Math.min(MAX_SHARDS, stock))
  const item = { ...input, _id, stock, shards, createdAt: now, updatedAt: now } as StoredItem
  const first = await withTransaction(async (tx) => {
    const existing = await repo.getIn(tx, ITEMS, _id)
    if (existing) return existing
    await repo.inTx(tx, ITEMS).add({ data: item })
    await writeShards(
      tx,
      splitStock(stock, shards).map((n, k) => ({
        _id: shardId(_id, k),
        itemId: _id,
        k,
        stock: n,
        ...(input.kind === 'code' ? { codes: [] } : {}),
        item,
      })),
    )
    return null
  })
  return first ? view(first, (await stockOf([_id])).get(_id) ?? 0, now) : view(item, stock, now)
}

export async function readShards(tx: Tx, item: StoredItem): Promise<StockShard[]> {
  const shards: StockShard[] = []
  for (let k = 0; k < item.shards; k++) {
    const s = await repo.getIn(tx, STOCK, shardId(item._id, k))
    shards.push(s ?? { _id: shardId(item._id, k), itemId: item._id, k, stock: 0 })
  }
  return shards
}

export async function updateItem(itemId: string, patch: ItemPatchInput, now: number): Promise<ItemView | Rejection> {
  const out = await withTransaction<{ item: StoredItem; stock: number } | Rejection>(async (tx) => {
    const item = await repo.getIn(tx, ITEMS, itemId)
    if (!item) throw new TxAbort<Rejection>(rejectMall('MALL.ITEM_NOT_FOUND'))
    if (item.kind === 'code' && patch.stock !== undefined)
      throw new TxAbort<Rejection>(reject('MALL.STOCK_FROM_CODES', '兑换码商品的库存由兑换码数量决定'))
    const next = { ...item, ...patch, updatedAt: now }
    if (next.saleStart !== null && next.saleEnd !== null && next.saleStart >= next.saleEnd) {
      throw new TxAbort<Rejection>(reject('REQUEST.INVALID', '兑换结束时间须晚于开始时间'))
    }
    const { stock, ...fields } = patch
    await repo
      .inTx(tx, ITEMS)
      .doc(itemId)
      .update({ data: wholeFields({ ...fields, updatedAt: now }) })
    const shards = await readShards(tx, item)
    // Every shard's copy of the item moves with it (redemptions read the item from the shard they take).
    const copy = { ...next, stock: item.stock }
    const total = shards.reduce((s, x) => s + x.stock, 0)
    // Setting stock is absolute: spread the new total over the item's shards.
    const counts = stock === undefined ? shards.map((x) => x.stock) : splitStock(stock, item.shards)
    await writeShards(
      tx,
      shards.map((shard, k) => ({ ...shard, stock: counts[k], item: copy })),
    )
    return { item: next, stock: stock ?? total }
  })
  return isRejection(out) ? out : view(out.item, out.stock, now)
}
