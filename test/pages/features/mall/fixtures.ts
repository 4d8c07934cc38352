import type { ItemView, OrderView } from '@cloud/contracts/mall'

export function itemView(overrides: Partial<ItemView> = {}): ItemView {
  return {
    id: 'i1',
    title: '定制笔记本',
    description: '加厚 A5 笔记本',
    images: [],
    cover: null,
    kind: 'code',
    kindLabel: '兑换码',
    cost: 100,
    stock: 5,
    perMemberLimit: 1,
    saleStart: null,
    saleEnd: null,
    saleState: 'on_sale',
    saleStateLabel: '可兑换',
    requiresAddress: false,
    codePool: { id: 'coupon-2026', label: '「定制笔记本」的兑换码池（编号 coupon-2026）' },
    ...overrides,
  }
}

export function orderView(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 'o1',
    itemId: 'i1',
    title: '定制笔记本',
    cover: null,
    cost: 100,
    kind: 'code',
    status: 'pending',
    statusLabel: '待发放',
    code: null,
    address: null,
    trackingNo: null,
    createdAt: Date.UTC(2026, 10, 23, 2, 0),
    fulfilledAt: null,
    cancelledAt: null,
    cancellable: true,
    ...overrides,
  }
}
