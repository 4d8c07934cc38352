import { ItemCreateSchema, ItemPatchSchema, MallRequest, toItemView, toOrderView } from '@cloud/contracts/mall'
import { planRedeem, transition } from '@cloud/domain/mall'
import { emptyBalance } from '@cloud/domain/points'
import { codeItem, NOW, physicalItem } from './fixtures'

const create = { kind: 'physical', title: '马克杯', cost: 300, stock: 10 }

describe('mall contracts', () => {
  it('should fill defaults for a new item (off shelf, unlimited, open window)', () => {
    expect(ItemCreateSchema.parse(create)).toMatchObject({
      onShelf: false,
      perMemberLimit: null,
      saleStart: null,
      saleEnd: null,
      images: [],
    })
  })

  it('should require the code pool of a code item and refuse it on a physical one', () => {
    expect(ItemCreateSchema.safeParse({ ...create, kind: 'code' }).success).toBe(false)
    expect(ItemCreateSchema.safeParse({ ...create, codePoolId: 'pool-1' }).success).toBe(false)
    expect(ItemCreateSchema.safeParse({ ...create, kind: 'code', codePoolId: 'pool-1' }).success).toBe(true)
  })

  it('should reject a non-integer or zero cost and a sale window that ends before it starts', () => {
    expect(ItemCreateSchema.safeParse({ ...create, cost: 2.5 }).success).toBe(false)
    expect(ItemCreateSchema.safeParse({ ...create, cost: 0 }).success).toBe(false)
    expect(ItemCreateSchema.safeParse({ ...create, saleStart: 2000, saleEnd: 1000 }).success).toBe(false)
  })

  it('should reject an empty patch and a patch that tries to change the kind', () => {
    expect(ItemPatchSchema.safeParse({}).success).toBe(false)
    expect(ItemPatchSchema.safeParse({ kind: 'code' }).success).toBe(false)
    expect(ItemPatchSchema.safeParse({ stock: 3 }).success).toBe(true)
  })

  it('should pass a partial address through to the domain check instead of failing the schema', () => {
    const parsed = MallRequest.parse({ action: 'redeem', itemId: 'item-mug', requestId: 'req-12345678', address: { name: '张三' } })
    expect(parsed).toMatchObject({ address: { name: '张三' } })
  })

  it('should show the sale state in Chinese on the item view', () => {
    expect(toItemView(physicalItem({ stock: 0 }), NOW)).toMatchObject({
      saleState: 'sold_out',
      saleStateLabel: '已兑完',
      requiresAddress: true,
    })
  })

  it('should hide a code until the order is fulfilled', () => {
    const balance = { ...emptyBalance('oB', 0), balance: 1000, earned: 1000, version: 1 }
    const plan = planRedeem({ orderId: 'oB.req-1', memberId: 'oB', item: codeItem(), memberRedeemedCount: 0, balance, now: NOW })
    if (!plan.ok) throw new Error('setup')
    const pending = { ...plan.order, code: 'SECRET-1' }
    expect(toOrderView(pending)).toMatchObject({ code: null, statusLabel: '待发放', cancellable: true })
    const revealed = transition(pending, 'fulfil', { role: 'member', memberId: 'oB' }, NOW)
    expect(revealed.ok && toOrderView(revealed.order)).toMatchObject({ code: 'SECRET-1', cancellable: false })
  })
})
