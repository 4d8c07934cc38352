import type { OrderView } from '../../../cloudfunctions/src/contracts/mall'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADDRESS, ADMIN, balanceOf, fund, giveItem, redeem, requestId, stockOf } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

describe('mall redeem', () => {
  it('should give exactly 5 orders to 50 members racing for a stock of 5, and sold out to the rest', async () => {
    const item = await giveItem(h, { kind: 'physical', stock: 5, cost: 30 })
    const members = Array.from({ length: 50 }, (_, i) => `racer-${i}`)
    for (const m of members) {
      await h.member(m)
      await fund(h, m, 100)
    }
    const results = await Promise.all(members.map((m) => redeem(h, m, item.id, requestId(), ADDRESS)))
    const okCount = results.filter((r) => r.code === 0).length
    const soldOut = results.filter((r) => r.code === 'MALL.SOLD_OUT')
    expect(okCount).toBe(5)
    expect(soldOut).toHaveLength(45)
    expect(soldOut[0]).toMatchObject({ message: '商品已兑完' })
    expect(await stockOf(h, item.id)).toBe(0)
    expect(await h.emu.db.count('points_entries', { reason: 'redeem', 'order.itemId': item.id })).toBe(5)
    const balances = await Promise.all(members.map((m) => balanceOf(h, m)))
    expect(balances.filter((b) => b === 70)).toHaveLength(5)
    expect(balances.filter((b) => b === 100)).toHaveLength(45)
  })

  it('should give one order to a member with a limit of 1 who double-taps', async () => {
    const item = await giveItem(h, { kind: 'physical', stock: 10, cost: 10, perMemberLimit: 1 })
    await h.member('tapper')
    await fund(h, 'tapper', 100)
    const rid = requestId()
    const [a, b] = await Promise.all([redeem(h, 'tapper', item.id, rid, ADDRESS), redeem(h, 'tapper', item.id, rid, ADDRESS)])
    expect(a.code).toBe(0)
    expect(b.code).toBe(0)
    expect((a as { data: OrderView }).data.id).toBe((b as { data: OrderView }).data.id)
    const second = await redeem(h, 'tapper', item.id, requestId(), ADDRESS)
    expect(second.code).toBe('MALL.LIMIT_REACHED')
    expect(await balanceOf(h, 'tapper')).toBe(90)
    expect(await stockOf(h, item.id)).toBe(9)
  })

  it('should answer a retry after a lost response with the same order and no second debit', async () => {
    const item = await giveItem(h, { kind: 'physical', stock: 1, cost: 40 })
    await h.member('retrier')
    await fund(h, 'retrier', 40)
    const rid = requestId()
    const first = await redeem(h, 'retrier', item.id, rid, ADDRESS)
    // Now sold out and the balance is 0: the retry must still answer with the first order.
    const retry = await redeem(h, 'retrier', item.id, rid, ADDRESS)
    expect(first.code).toBe(0)
    expect(retry).toEqual(first)
    expect(await balanceOf(h, 'retrier')).toBe(0)
    expect(await h.emu.db.count('points_entries', { memberId: 'retrier', reason: 'redeem' })).toBe(1)
  })

  it('should leave nothing half-done when a write fails between the debit and the stock update', async () => {
    const item = await giveItem(h, { kind: 'physical', stock: 3, cost: 25 })
    await h.member('unlucky')
    await fund(h, 'unlucky', 100)
    h.emu.faults.failNext({ action: 'database.modifyDocument', collection: 'mall_stock', times: 20 })
    const res = await redeem(h, 'unlucky', item.id, requestId(), ADDRESS)
    h.emu.faults.clear()
    expect(res.code).toBe('SYS.INTERNAL')
    expect(await balanceOf(h, 'unlucky')).toBe(100)
    expect(await stockOf(h, item.id)).toBe(3)
    expect(await h.emu.db.count('points_entries', { memberId: 'unlucky', reason: 'redeem' })).toBe(0)
  })

  it('should refuse without enough points and change nothing', async () => {
    const item = await giveItem(h, { kind: 'physical', stock: 3, cost: 500 })
    await h.member('poor')
    await fund(h, 'poor', 10)
    expect(await redeem(h, 'poor', item.id, requestId(), ADDRESS)).toMatchObject({ code: 'POINTS.INSUFFICIENT', message: '积分不足' })
    expect(await balanceOf(h, 'poor')).toBe(10)
    expect(await stockOf(h, item.id)).toBe(3)
  })

  it.each([
    ['a missing address', undefined, 'MALL.ADDRESS_REQUIRED'],
    ['an invalid mobile number', { ...ADDRESS, phone: '12345' }, 'MALL.ADDRESS_INVALID'],
  ])('should refuse a physical item with %s', async (_n, address, code) => {
    const item = await giveItem(h, { kind: 'physical', stock: 3, cost: 5 })
    await h.member(`addr-${code}`)
    await fund(h, `addr-${code}`, 50)
    expect((await redeem(h, `addr-${code}`, item.id, requestId(), address)).code).toBe(code)
    expect(await balanceOf(h, `addr-${code}`)).toBe(50)
  })

  it('should refuse an unknown item, an off-shelf item and malformed input', async () => {
    await h.member('browser')
    expect((await redeem(h, 'browser', 'item-nope')).code).toBe('MALL.ITEM_NOT_FOUND')
    const off = await giveItem(h, { onShelf: false })
    expect((await redeem(h, 'browser', off.id, requestId(), ADDRESS)).code).toBe('MALL.OFF_SHELF')
    expect((await h.call('mall', { action: 'redeem', itemId: off.id, requestId: 'x' }, 'browser')).code).toBe('REQUEST.INVALID')
    expect((await h.call('mall', { action: 'redeem', itemId: off.id, requestId: requestId(), memberId: 'other' }, 'browser')).code).toBe(
      'REQUEST.INVALID',
    )
  })

  it('should assign a code from the pool, hide it until revealed, and never list codes', async () => {
    const item = await giveItem(h, { kind: 'code', codePoolId: 'vip-month', cost: 20, stock: 99 })
    expect(item.stock).toBe(0)
    expect(
      await h.ok('mall', { action: 'addCodes', poolId: 'vip-month', codes: ['VIP-AAAA-0001', 'VIP-AAAA-0002', 'VIP-AAAA-0001'] }, ADMIN),
    ).toEqual({
      added: 2,
      duplicates: [],
      stock: 2,
    })
    await h.member('coder')
    await fund(h, 'coder', 100)
    const res = await redeem(h, 'coder', item.id)
    expect(res).toMatchObject({ code: 0, data: { status: 'pending', code: null } })
    const order = (res as { data: OrderView }).data
    const revealed = await h.ok<OrderView>('mall', { action: 'revealCode', orderId: order.id }, 'coder')
    // Codes are dealt over the stock shards and a redemption starts at a random shard: either code may be the one.
    expect(revealed.status).toBe('fulfilled')
    expect(['VIP-AAAA-0001', 'VIP-AAAA-0002']).toContain(revealed.code)
    const list = JSON.stringify(await h.call('mall', { action: 'listItems' }, 'coder'))
    expect(list).not.toContain('VIP-AAAA-0001')
    expect(list).not.toContain('VIP-AAAA-0002')
    expect(list).toContain(item.id)
  })
})
