import { fireEvent, render, screen } from '@testing-library/react'
import MallPage from '@/features/mall/pages/index/index'
import { deferred, fail, fakeCloud, ok } from './support'
import { itemView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const balance = ok({ balance: 260, earned: 300, spent: 40, expiring: null })

describe('积分商城 list page', () => {
  it('should show 加载中 until the items answer, then each item with its cost', async () => {
    const pending = deferred()
    fakeCloud({ 'mall.listItems': pending.reply, 'points.balance': balance })
    render(<MallPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    pending.release(ok({ items: [itemView()], cursor: null }))
    expect(await screen.findByText('定制笔记本')).toBeTruthy()
    expect(screen.getByText('100 积分')).toBeTruthy()
  })

  it('should grey out a sold-out item and say 已兑完', async () => {
    fakeCloud({
      'mall.listItems': ok({
        items: [itemView({ id: 'gone', saleState: 'sold_out', saleStateLabel: '已兑完', stock: 0 })],
        cursor: null,
      }),
      'points.balance': balance,
    })
    render(<MallPage />)

    expect(await screen.findByText('已兑完')).toBeTruthy()
    expect(document.getElementById('item-gone')?.className).toContain('item-card--unavailable')
  })

  it('should show the member balance in the header', async () => {
    fakeCloud({ 'mall.listItems': ok({ items: [], cursor: null }), 'points.balance': balance })
    render(<MallPage />)

    expect(await screen.findByText('260')).toBeTruthy()
  })

  it('should show the empty state when nothing is on the shelf', async () => {
    fakeCloud({ 'mall.listItems': ok({ items: [], cursor: null }), 'points.balance': balance })
    render(<MallPage />)

    expect(await screen.findByText('商城还没有上架的商品，先去打卡攒积分吧')).toBeTruthy()
  })

  it('should show the function error message and retry', async () => {
    fakeCloud({ 'mall.listItems': fail('MALL.UNAVAILABLE', '商城暂未开放'), 'points.balance': balance })
    render(<MallPage />)

    expect(await screen.findByText('商城暂未开放')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('should ask for the next page with the cursor it was given', async () => {
    const cloud = fakeCloud({
      'mall.listItems': (req: { cursor?: string }) =>
        req.cursor ? ok({ items: [itemView({ id: 'i2', title: '帆布袋' })], cursor: null }) : ok({ items: [itemView()], cursor: 'c1' }),
      'points.balance': balance,
    })
    render(<MallPage />)

    fireEvent.click(await screen.findByText('加载更多'))

    expect(await screen.findByText('帆布袋')).toBeTruthy()
    expect(cloud.calls('mall.listItems')[1]).toEqual({ action: 'listItems', cursor: 'c1', limit: 20 })
  })
})
