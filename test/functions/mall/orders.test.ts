import type { OrderView } from '../../../cloudfunctions/src/contracts/mall'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADDRESS, ADMIN, balanceOf, fund, giveItem, redeem, requestId, stockOf } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member('owner')
  await h.member('stranger')
  await fund(h, 'owner', 1000)
})
afterAll(() => h.close())

async function order(itemPatch: Record<string, unknown> = {}): Promise<{ itemId: string; order: OrderView }> {
  const item = await giveItem(h, { kind: 'physical', stock: 5, cost: 100, perMemberLimit: 1, ...itemPatch })
  const res = await redeem(h, 'owner', item.id, requestId(), ADDRESS)
  if (res.code !== 0) throw new Error(JSON.stringify(res))
  return { itemId: item.id, order: res.data }
}

describe('mall orders', () => {
  it('should cancel with exactly one refund, stock restored once and the limit freed', async () => {
    const { itemId, order: o } = await order()
    const before = await balanceOf(h, 'owner')
    const [a, b] = await Promise.all([
      h.call<OrderView>('mall', { action: 'cancelOrder', orderId: o.id }, 'owner'),
      h.call<OrderView>('mall', { action: 'cancelOrder', orderId: o.id }, 'owner'),
    ])
    expect(a).toMatchObject({ code: 0, data: { status: 'cancelled', cancellable: false } })
    expect(b).toMatchObject({ code: 0, data: { status: 'cancelled' } })
    expect(await balanceOf(h, 'owner')).toBe(before + 100)
    expect(await stockOf(h, itemId)).toBe(5)
    expect(await h.emu.db.count('points_entries', { memberId: 'owner', reason: 'refund' })).toBe(1)
    // The limit of 1 counts only live orders: the member may redeem again.
    expect((await redeem(h, 'owner', itemId, requestId(), ADDRESS)).code).toBe(0)
  })

  it("should not let a member cancel or read someone else's order", async () => {
    const { order: o } = await order()
    expect((await h.call('mall', { action: 'cancelOrder', orderId: o.id }, 'stranger')).code).toBe('MALL.ORDER_FORBIDDEN')
    expect((await h.call('mall', { action: 'getOrder', orderId: o.id }, 'stranger')).code).toBe('MALL.ORDER_FORBIDDEN')
    expect(await h.ok('mall', { action: 'getOrder', orderId: o.id }, 'owner')).toMatchObject({ status: 'pending' })
  })

  it('should let staff fulfil from the queue oldest first, and refuse a later cancel', async () => {
    const { order: o } = await order()
    const queue = await h.ok<{ items: OrderView[] }>('mall', { action: 'fulfilmentQueue' }, ADMIN)
    const createdAts = queue.items.map((i) => i.createdAt)
    expect(createdAts).toEqual([...createdAts].sort((x, y) => x - y))
    expect(queue.items.map((i) => i.id)).toContain(o.id)
    expect(await h.ok('mall', { action: 'fulfilOrder', orderId: o.id, trackingNo: 'SF123456' }, ADMIN)).toMatchObject({
      status: 'fulfilled',
      trackingNo: 'SF123456',
    })
    expect((await h.call('mall', { action: 'cancelOrder', orderId: o.id }, 'owner')).code).toBe('MALL.ORDER_STATE')
  })

  it('should keep staff actions from members', async () => {
    const { order: o } = await order()
    expect((await h.call('mall', { action: 'fulfilOrder', orderId: o.id }, 'owner')).code).toBe('AUTH.FORBIDDEN')
    expect(
      (
        await h.call(
          'mall',
          { action: 'createItem', item: { title: 'x', cost: 1, stock: 1, kind: 'physical' }, requestId: 'req-00000001' },
          'owner',
        )
      ).code,
    ).toBe('AUTH.FORBIDDEN')
    expect((await h.call('mall', { action: 'fulfilmentQueue' }, 'owner')).code).toBe('AUTH.FORBIDDEN')
  })

  it('should list a member’s own orders newest first', async () => {
    // This test's own member and orders, a minute apart: the list is exactly them, newest first.
    await h.member('lister')
    await fund(h, 'lister', 300)
    const made: string[] = []
    for (let i = 0; i < 3; i++) {
      const item = await giveItem(h, { kind: 'physical', stock: 5, cost: 100 })
      const res = await redeem(h, 'lister', item.id, requestId(), ADDRESS)
      if (res.code !== 0) throw new Error(JSON.stringify(res))
      made.push(res.data.id)
      h.emu.clock.advance(60_000)
    }
    const mine = await h.ok<{ items: OrderView[] }>('mall', { action: 'myOrders' }, 'lister')
    expect(mine.items.map((i) => i.id)).toEqual([...made].reverse())
    const times = mine.items.map((i) => i.createdAt)
    expect(times).toEqual([...times].sort((x, y) => y - x))
    expect((await h.ok<{ items: OrderView[] }>('mall', { action: 'myOrders' }, 'stranger')).items).toEqual([])
  })
})
