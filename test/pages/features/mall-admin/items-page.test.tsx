import { fireEvent, render, screen } from '@testing-library/react'
import AdminItemsPage from '@/features/mall-admin/pages/items/index'
import { answerModal, deferred, fail, fakeCloud, findById, findToast, modalClosed, ok } from '../mall/support'
import { itemView } from '../mall/fixtures'
import { adminMe, freshSession } from './admin-support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

describe('商品管理 page', () => {
  beforeEach(async () => {
    freshSession()
    await modalClosed()
  })

  it('should list every item with its state, off-shelf ones too', async () => {
    const pending = deferred()
    fakeCloud({ 'identity.me': adminMe, 'mall.listItems': pending.reply })
    render(<AdminItemsPage />)

    expect(await screen.findByText('加载中…')).toBeTruthy()
    pending.release(ok({ items: [itemView({ saleState: 'off_shelf', saleStateLabel: '已下架' })], cursor: null }))
    expect(await screen.findByText('定制笔记本')).toBeTruthy()
    expect(screen.getByText('兑换码 · 100 积分 · 库存 5 · 已下架')).toBeTruthy()
  })

  it('should show the empty state', async () => {
    fakeCloud({ 'identity.me': adminMe, 'mall.listItems': ok({ items: [], cursor: null }) })
    render(<AdminItemsPage />)

    expect(await screen.findByText('还没有商品，点击「新建商品」添加')).toBeTruthy()
  })

  it('should show the error message', async () => {
    fakeCloud({ 'identity.me': adminMe, 'mall.listItems': fail('AUTH.FORBIDDEN', '没有权限') })
    render(<AdminItemsPage />)

    expect(await screen.findByText('没有权限')).toBeTruthy()
  })

  it('should take an item off the shelf after confirmation', async () => {
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'mall.listItems': ok({ items: [itemView()], cursor: null }),
      'mall.updateItem': ok(itemView({ saleState: 'off_shelf', saleStateLabel: '已下架' })),
    })
    render(<AdminItemsPage />)

    fireEvent.click(await findById('shelf-i1'))
    await answerModal(/下架后学员将不能再兑换/, true)

    await findToast('已下架')
    expect(cloud.calls('mall.updateItem')).toEqual([{ action: 'updateItem', itemId: 'i1', patch: { onShelf: false } }])
    expect(await screen.findByText('上架')).toBeTruthy()
  })
})
