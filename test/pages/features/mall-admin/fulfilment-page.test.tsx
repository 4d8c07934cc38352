import { fireEvent, render, screen } from '@testing-library/react'
import FulfilmentPage from '@/features/mall-admin/pages/fulfilment/index'
import { answerModal, deferred, fail, fakeCloud, findById, findToast, modalClosed, ok, typeInto } from '../mall/support'
import { orderView } from '../mall/fixtures'
import { adminMe, freshSession } from './admin-support'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const address = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' }
const parcel = orderView({ id: 'p1', kind: 'physical', address, cancellable: false })

describe('待发放订单 page', () => {
  beforeEach(async () => {
    freshSession()
    await modalClosed()
  })

  it('should ask for the pending queue and show each order with its address', async () => {
    const pending = deferred()
    const cloud = fakeCloud({ 'identity.me': adminMe, 'mall.fulfilmentQueue': pending.reply })
    render(<FulfilmentPage />)

    expect(await screen.findByText('加载中…')).toBeTruthy()
    pending.release(ok({ items: [parcel], nextBefore: null }))
    expect(await screen.findByText(/张三 13800138000/)).toBeTruthy()
    expect(cloud.calls('mall.fulfilmentQueue')).toEqual([{ action: 'fulfilmentQueue', status: 'pending', limit: 20 }])
  })

  it('should show the empty state', async () => {
    fakeCloud({ 'identity.me': adminMe, 'mall.fulfilmentQueue': ok({ items: [], nextBefore: null }) })
    render(<FulfilmentPage />)

    expect(await screen.findByText('没有待发放的订单')).toBeTruthy()
  })

  it('should show the error message', async () => {
    fakeCloud({ 'identity.me': adminMe, 'mall.fulfilmentQueue': fail('AUTH.FORBIDDEN', '没有权限') })
    render(<FulfilmentPage />)

    expect(await screen.findByText('没有权限')).toBeTruthy()
  })

  it('should require a tracking number before marking a parcel shipped', async () => {
    const cloud = fakeCloud({ 'identity.me': adminMe, 'mall.fulfilmentQueue': ok({ items: [parcel], nextBefore: null }) })
    render(<FulfilmentPage />)

    fireEvent.click(await findById('fulfil-p1'))

    await findToast('请填写物流单号')
    expect(cloud.calls('mall.fulfilOrder')).toHaveLength(0)
  })

  it('should mark a parcel shipped with its tracking number after confirmation', async () => {
    const shipped = { ...parcel, status: 'fulfilled', statusLabel: '已完成', trackingNo: 'SF123456' }
    const cloud = fakeCloud({
      'identity.me': adminMe,
      'mall.fulfilmentQueue': ok({ items: [parcel], nextBefore: null }),
      'mall.fulfilOrder': ok(shipped),
    })
    render(<FulfilmentPage />)

    await typeInto('tracking-p1', 'SF123456')
    fireEvent.click(await findById('fulfil-p1'))
    await answerModal(/物流单号 SF123456，确认已发货吗/, true)

    await findToast('已标记发货')
    expect(cloud.calls('mall.fulfilOrder')).toEqual([{ action: 'fulfilOrder', orderId: 'p1', trackingNo: 'SF123456' }])
    expect(await screen.findByText('物流单号：SF123456')).toBeTruthy()
  })
})
