import { canRedeem, MALL_MESSAGES, saleStateOf } from '@cloud/domain/mall'
import { ADDRESS, codeItem, NOW, physicalItem } from './fixtures'

const base = { memberRedeemedCount: 0, balance: 1000, now: NOW, address: ADDRESS }

describe('canRedeem', () => {
  it('should accept a physical item on sale with stock, under the limit, with an address and enough points', () => {
    expect(canRedeem({ ...base, item: physicalItem() })).toEqual({ ok: true, cost: 300, address: ADDRESS })
  })

  it('should reject an item off the shelf with MALL.OFF_SHELF', () => {
    expect(canRedeem({ ...base, item: physicalItem({ onShelf: false }) })).toMatchObject({
      ok: false,
      code: 'MALL.OFF_SHELF',
      message: '该商品已下架',
    })
  })

  it('should reject before the sale window opens with MALL.NOT_STARTED', () => {
    expect(canRedeem({ ...base, item: physicalItem({ saleStart: NOW + 1 }) })).toMatchObject({ code: 'MALL.NOT_STARTED' })
  })

  it('should accept at the exact start and reject at the exact end of the window with MALL.ENDED', () => {
    expect(canRedeem({ ...base, item: physicalItem({ saleStart: NOW }) }).ok).toBe(true)
    expect(canRedeem({ ...base, item: physicalItem({ saleEnd: NOW }) })).toMatchObject({ code: 'MALL.ENDED' })
  })

  it('should reject an item without stock with MALL.SOLD_OUT', () => {
    expect(canRedeem({ ...base, item: physicalItem({ stock: 0 }) })).toMatchObject({ code: 'MALL.SOLD_OUT', message: '商品已兑完' })
  })

  it('should reject a member at the per-member limit with MALL.LIMIT_REACHED', () => {
    expect(canRedeem({ ...base, memberRedeemedCount: 1, item: physicalItem() })).toMatchObject({
      code: 'MALL.LIMIT_REACHED',
      details: { limit: 1 },
    })
  })

  it('should not limit an item whose perMemberLimit is null', () => {
    expect(canRedeem({ ...base, memberRedeemedCount: 99, item: physicalItem({ perMemberLimit: null }) }).ok).toBe(true)
  })

  it('should require an address for a physical item with MALL.ADDRESS_REQUIRED', () => {
    expect(canRedeem({ ...base, address: undefined, item: physicalItem() })).toMatchObject({ code: 'MALL.ADDRESS_REQUIRED' })
  })

  it('should reject a malformed address with MALL.ADDRESS_INVALID', () => {
    expect(canRedeem({ ...base, address: { ...ADDRESS, phone: '12345' }, item: physicalItem() })).toMatchObject({
      code: 'MALL.ADDRESS_INVALID',
    })
  })

  it('should not ask a virtual item for an address', () => {
    expect(canRedeem({ ...base, address: undefined, item: codeItem() })).toEqual({ ok: true, cost: 300 })
  })

  it('should reject a member with too few points with POINTS.INSUFFICIENT', () => {
    expect(canRedeem({ ...base, balance: 299, item: physicalItem() })).toMatchObject({
      code: 'POINTS.INSUFFICIENT',
      details: { balance: 299, required: 300 },
    })
  })

  it('should report the rule the member can least act on first (off shelf before sold out before points)', () => {
    expect(canRedeem({ ...base, balance: 0, item: physicalItem({ onShelf: false, stock: 0 }) })).toMatchObject({ code: 'MALL.OFF_SHELF' })
    expect(canRedeem({ ...base, balance: 0, item: physicalItem({ stock: 0 }) })).toMatchObject({ code: 'MALL.SOLD_OUT' })
  })

  it('should have a Chinese message for every mall code', () => {
    for (const message of Object.values(MALL_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('should label the sale state the same way canRedeem decides', () => {
    expect(saleStateOf(physicalItem({ stock: 0 }), NOW)).toBe('sold_out')
    expect(saleStateOf(physicalItem(), NOW)).toBe('on_sale')
  })
})
