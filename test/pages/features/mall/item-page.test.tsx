import { render, screen } from '@testing-library/react'
import ItemPage from '@/features/mall/pages/item/index'
import { fail, fakeCloud, ok, setRouteParams } from './support'
import { itemView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('商品详情 page', () => {
  beforeEach(() => setRouteParams({ itemId: 'i1' }))

  it('should load the item named in the query', async () => {
    const cloud = fakeCloud({ 'mall.getItem': ok(itemView()) })
    render(<ItemPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    expect(await screen.findByText('定制笔记本')).toBeTruthy()
    expect(cloud.calls('mall.getItem')).toEqual([{ action: 'getItem', itemId: 'i1' }])
  })

  it('should show stock, the per-member limit and the sale window in Beijing time', async () => {
    const saleStart = Date.UTC(2026, 10, 1, 0, 0)
    const saleEnd = Date.UTC(2026, 10, 30, 16, 0)
    fakeCloud({ 'mall.getItem': ok(itemView({ stock: 3, perMemberLimit: 2, saleStart, saleEnd })) })
    render(<ItemPage />)

    expect(await screen.findByText('剩余 3 件')).toBeTruthy()
    expect(screen.getByText('每人限兑 2 件')).toBeTruthy()
    expect(screen.getByText('2026-11-01 08:00 至 2026-12-01 00:00')).toBeTruthy()
    expect(screen.getByText('加厚 A5 笔记本')).toBeTruthy()
  })

  it('should disable the redeem button with the sale state when the item is not on sale', async () => {
    fakeCloud({ 'mall.getItem': ok(itemView({ saleState: 'not_started', saleStateLabel: '即将开始' })) })
    render(<ItemPage />)

    const label = await screen.findAllByText('即将开始')
    const button = label.map((el) => el.closest('#redeem')).find(Boolean)
    expect(button?.hasAttribute('disabled')).toBe(true)
  })

  it('should show the error message when the item does not exist', async () => {
    fakeCloud({ 'mall.getItem': fail('MALL.ITEM_NOT_FOUND', '商品不存在') })
    render(<ItemPage />)

    expect(await screen.findByText('商品不存在')).toBeTruthy()
  })
})
