import { planRedeem, transition, type MallOrder, type OrderActor } from '@cloud/domain/mall'
import { emptyBalance } from '@cloud/domain/points'
import { ADDRESS, codeItem, NOW, physicalItem, unlockItem } from './fixtures'

const MEMBER = 'oBuyer'
const rich = { ...emptyBalance(MEMBER, 0), balance: 1000, earned: 1000, version: 1 }
const staff: OrderActor = { role: 'staff', staffId: 'ops-1' }
const owner: OrderActor = { role: 'member', memberId: MEMBER }
const stranger: OrderActor = { role: 'member', memberId: 'oStranger' }

function orderOf(item = physicalItem()): MallOrder {
  const plan = planRedeem({
    orderId: `${MEMBER}.req-00000001`,
    memberId: MEMBER,
    item,
    memberRedeemedCount: 0,
    balance: rich,
    now: NOW,
    address: ADDRESS,
  })
  if (!plan.ok) throw new Error(plan.code)
  return plan.order
}

describe('order transitions', () => {
  it('should let staff mark a pending order fulfilled with a tracking number', () => {
    const result = transition(orderOf(), 'fulfil', staff, NOW + 1, { trackingNo: 'SF123' })
    expect(result).toMatchObject({
      ok: true,
      changed: true,
      effects: [],
      order: { status: 'fulfilled', trackingNo: 'SF123', fulfilledBy: 'staff:ops-1' },
    })
  })

  it('should cancel a pending order and declare refund, stock and limit undo steps', () => {
    const order = orderOf()
    const result = transition(order, 'cancel', owner, NOW + 1)
    expect(result).toMatchObject({ ok: true, changed: true, order: { status: 'cancelled', cancelledBy: `member:${MEMBER}` } })
    expect(result.ok && result.effects).toEqual([
      { type: 'uncount_limit', counterId: `limit:item-mug:${MEMBER}` },
      { type: 'increment_stock', itemId: 'item-mug' },
      { type: 'refund_points', entryId: `refund:${order._id}`, memberId: MEMBER, amount: 300, orderId: order._id },
    ])
  })

  it('should answer a repeated cancel as unchanged with no effects, so nothing is undone twice', () => {
    const first = transition(orderOf(), 'cancel', staff, NOW + 1)
    if (!first.ok) throw new Error('setup')
    expect(transition(first.order, 'cancel', staff, NOW + 2)).toEqual({ ok: true, changed: false, order: first.order, effects: [] })
  })

  it('should refuse to cancel a fulfilled order with MALL.ORDER_STATE', () => {
    const fulfilled = transition(orderOf(), 'fulfil', staff, NOW + 1)
    if (!fulfilled.ok) throw new Error('setup')
    expect(transition(fulfilled.order, 'cancel', staff, NOW + 2)).toMatchObject({
      ok: false,
      code: 'MALL.ORDER_STATE',
      details: { status: 'fulfilled' },
    })
  })

  it('should refuse to fulfil a cancelled order with MALL.ORDER_STATE', () => {
    const cancelled = transition(orderOf(), 'cancel', staff, NOW + 1)
    if (!cancelled.ok) throw new Error('setup')
    expect(transition(cancelled.order, 'fulfil', staff, NOW + 2)).toMatchObject({ ok: false, code: 'MALL.ORDER_STATE' })
  })

  it("should refuse a member acting on someone else's order with MALL.ORDER_FORBIDDEN", () => {
    expect(transition(orderOf(), 'cancel', stranger, NOW)).toMatchObject({ ok: false, code: 'MALL.ORDER_FORBIDDEN' })
  })

  it('should let a member fulfil their own code order by revealing it, but not mark a parcel shipped', () => {
    expect(transition(orderOf(codeItem()), 'fulfil', owner, NOW)).toMatchObject({ ok: true, changed: true })
    expect(transition(orderOf(), 'fulfil', owner, NOW)).toMatchObject({ ok: false, code: 'MALL.ORDER_FORBIDDEN' })
  })

  it('should release the code when a code order is cancelled', () => {
    const result = transition(orderOf(codeItem()), 'cancel', owner, NOW)
    expect(result.ok && result.effects.map((e) => e.type)).toEqual(['release_code', 'uncount_limit', 'increment_stock', 'refund_points'])
  })

  it('should complete an unlock order at once, so it cannot be cancelled', () => {
    const order = orderOf(unlockItem())
    expect(order).toMatchObject({ status: 'fulfilled', fulfilledBy: 'system' })
    expect(transition(order, 'cancel', staff, NOW)).toMatchObject({ ok: false, code: 'MALL.ORDER_STATE' })
  })
})
