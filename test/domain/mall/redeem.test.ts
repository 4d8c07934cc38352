import { orderIdFor, planRedeem } from '@cloud/domain/mall'
import { emptyBalance } from '@cloud/domain/points'
import { ADDRESS, NOW, physicalItem } from './fixtures'

const MEMBER = 'oBuyer'
const balance = { ...emptyBalance(MEMBER, 0), balance: 500, earned: 500, version: 7 }
const input = { orderId: orderIdFor(MEMBER, 'req-0001'), memberId: MEMBER, memberRedeemedCount: 0, balance, now: NOW, address: ADDRESS }

describe('planRedeem', () => {
  it('should plan the debit entry, the next balance and a pending order snapshotting the item', () => {
    const plan = planRedeem({ ...input, item: physicalItem() })
    expect(plan).toMatchObject({
      ok: true,
      entry: { _id: 'redeem:oBuyer.req-0001', amount: -300, reason: 'redeem', ref: 'oBuyer.req-0001', balanceAfter: 200 },
      balance: { balance: 200, spent: 300, version: 8 },
      order: {
        _id: 'oBuyer.req-0001',
        status: 'pending',
        cost: 300,
        title: '定制马克杯',
        address: ADDRESS,
        countsTowardLimit: true,
        redeemEntryId: 'redeem:oBuyer.req-0001',
      },
    })
  })

  it('should not count toward a limit for an unlimited item', () => {
    const plan = planRedeem({ ...input, item: physicalItem({ perMemberLimit: null }) })
    expect(plan.ok && plan.order.countsTowardLimit).toBe(false)
  })

  it('should reject without planning anything when the check fails', () => {
    expect(planRedeem({ ...input, item: physicalItem({ cost: 501 }) })).toMatchObject({ ok: false, code: 'POINTS.INSUFFICIENT' })
    expect(planRedeem({ ...input, balance: undefined, item: physicalItem() })).toMatchObject({ ok: false, code: 'POINTS.INSUFFICIENT' })
  })

  it('should build order ids from member and request id, refusing parts that would break keys', () => {
    expect(orderIdFor('oAbc', '0b6f-uuid')).toBe('oAbc.0b6f-uuid')
    expect(() => orderIdFor('oAbc', 'a:b')).toThrow(RangeError)
  })
})
