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
      order: { status: 'fulfilled', trackingNo: 'SF123', fulfilledBy: 'staff:ops-1' },
    })
  })

  it('should let the owner cancel a pending order', () => {
    const result = transition(orderOf(), 'cancel', owner, NOW + 1)
    expect(result).toMatchObject({ ok: true, changed: true, order: { status: 'cancelled', cancelledBy: `member:${MEMBER}` } })
  })

  it('should answer a repeated cancel as unchanged, so nothing is undone twice', () => {
    const first = transition(orderOf(), 'cancel', staff, NOW + 1)
    if (!first.ok) throw new Error('setup')
    expect(transition(first.order, 'cancel', staff, NOW + 2)).toEqual({ ok: true, changed: false, order: first.order })
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

  it('should complete an unlock order at once, so it cannot be cancelled', () => {
    const order = orderOf(unlockItem())
    expect(order).toMatchObject({ status: 'fulfilled', fulfilledBy: 'system' })
    expect(transition(order, 'cancel', staff, NOW)).toMatchObject({ ok: false, code: 'MALL.ORDER_STATE' })
  })
})
