/**
 * Round trips of a redemption (issue #12 item 9), counted with the emulator's RequestCounter like the bench: one
 * transaction of five single-document operations — balance get, shard get (the shard carries the item's copy, so no
 * item read), entry add with the order on it (the entry's `_id` is the request's idempotency key), balance write,
 * shard write — seven requests with start and commit, as issue #12 asks (≤ 7). Nothing is written to the legacy
 * `mall_orders` collection; services/mall/redeem.ts says why each remaining request is needed.
 */
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { databaseTrail } from '../../support/request-trail'
import { ADDRESS, ADMIN, balanceOf, fund, giveItem, redeem, stockOf } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

const counted = (run: () => Promise<unknown>) => databaseTrail(h, run)

describe('a redemption', () => {
  it('should take seven database requests: one transaction, the item read from the shard it takes, the order on its entry', async () => {
    // 80 in stock: eight shards of ten, so whichever shard the random first pick lands on has stock.
    const item = await giveItem(h, { kind: 'physical', stock: 80, cost: 3 })
    await h.member('counted-shopper')
    await fund(h, 'counted-shopper', 100)
    for (let i = 0; i < 8; i++) {
      const trail = await counted(async () => {
        const out = await redeem(h, 'counted-shopper', item.id, undefined, ADDRESS)
        if (out.code !== 0) throw new Error(JSON.stringify(out))
      })
      expect(trail).toEqual([
        'database.startTransaction',
        'database.getDocument points_balances',
        'database.getDocument mall_stock',
        'database.insertDocument points_entries',
        'database.modifyDocument points_balances',
        'database.modifyDocument mall_stock',
        'database.commitTransaction',
      ])
    }
    expect(await balanceOf(h, 'counted-shopper')).toBe(100 - 8 * 3)
    expect(await stockOf(h, item.id)).toBe(80 - 8)
    // The eight orders are the eight redeem entries, each carrying its order (address included); mall_orders stays empty.
    const entries = (await h.emu.db.find('points_entries', { memberId: 'counted-shopper', reason: 'redeem' })) as {
      _id: string
      order?: { itemId: string; redeemEntryId: string; address?: unknown }
    }[]
    expect(entries).toHaveLength(8)
    for (const e of entries) expect(e.order).toMatchObject({ itemId: item.id, redeemEntryId: e._id, address: ADDRESS })
    expect(await h.emu.db.count('mall_orders', {})).toBe(0)
  })

  it('should cancel in eight requests and fulfil in four, rewriting only the order on its entry', async () => {
    const item = await giveItem(h, { kind: 'physical', stock: 16, cost: 10 })
    await h.member('counted-canceller')
    await fund(h, 'counted-canceller', 100)
    const order = async () => {
      const out = await redeem(h, 'counted-canceller', item.id, undefined, ADDRESS)
      if (out.code !== 0) throw new Error(JSON.stringify(out))
      return out.data.id
    }
    const [a, b] = [await order(), await order()]
    const entryOf = async (id: string) => ((await h.emu.db.find('points_entries', { _id: `redeem:${id}` })) as Record<string, unknown>[])[0]
    const booked = await entryOf(a)
    const cancel = await counted(async () => {
      const out = await h.call('mall', { action: 'cancelOrder', orderId: a }, 'counted-canceller')
      if (out.code !== 0) throw new Error(JSON.stringify(out))
    })
    expect(cancel).toEqual([
      'database.startTransaction',
      'database.getDocument points_entries',
      'database.getDocument points_balances',
      'database.insertDocument points_entries',
      'database.modifyDocument points_balances',
      'database.modifyDocument points_entries',
      'database.modifyDocument mall_stock',
      'database.commitTransaction',
    ])
    // The entry's own fields are as booked; only its order moved on.
    const { order: was, ...ledgerFields } = booked
    const { order: now, ...after } = await entryOf(a)
    expect(after).toEqual(ledgerFields)
    expect(now).toMatchObject({ ...(was as object), status: 'cancelled', updatedAt: expect.any(Number), cancelledAt: expect.any(Number) })
    const fulfil = await counted(async () => {
      const out = await h.call('mall', { action: 'fulfilOrder', orderId: b, trackingNo: 'SF1' }, ADMIN)
      if (out.code !== 0) throw new Error(JSON.stringify(out))
    })
    expect(fulfil).toEqual([
      // the handler's role check (staff only), then the transaction
      'database.getDocument members',
      'database.startTransaction',
      'database.getDocument points_entries',
      'database.modifyDocument points_entries',
      'database.commitTransaction',
    ])
  })

  it('should refuse an item taken off the shelf at once: the edit rewrites every shard’s copy in its transaction', async () => {
    const item = await giveItem(h, { kind: 'physical', stock: 16, cost: 5 })
    await h.member('late-shopper')
    await fund(h, 'late-shopper', 100)
    await h.ok('mall', { action: 'updateItem', itemId: item.id, patch: { onShelf: false } }, ADMIN)
    const out = await redeem(h, 'late-shopper', item.id, undefined, ADDRESS)
    expect(out.code).not.toBe(0)
    expect(await balanceOf(h, 'late-shopper')).toBe(100)
    await h.ok('mall', { action: 'updateItem', itemId: item.id, patch: { onShelf: true, cost: 7 } }, ADMIN)
    expect((await redeem(h, 'late-shopper', item.id, undefined, ADDRESS)).code).toBe(0)
    expect(await balanceOf(h, 'late-shopper')).toBe(93)
  })
})
