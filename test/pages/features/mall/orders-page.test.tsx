import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import OrdersPage from '@/features/mall/pages/orders/index'
import { answerModal, fail, fakeCloud, findById, findToast, modalClosed, ok } from './support'
import { orderView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const page = (items: unknown[]) => ok({ items, nextBefore: null })

describe('我的兑换 page', () => {
  beforeEach(() => modalClosed())

  it('should list the member orders with their status', async () => {
    fakeCloud({ 'mall.myOrders': page([orderView({ status: 'fulfilled', statusLabel: '已完成', cancellable: false })]) })
    render(<OrdersPage />)

    expect(screen.getByText('加载中…')).toBeTruthy()
    expect(await screen.findByText('定制笔记本')).toBeTruthy()
    expect(screen.getAllByText('已完成').length).toBeGreaterThan(1)
  })

  it('should ask for one status when its tab is chosen', async () => {
    const cloud = fakeCloud({ 'mall.myOrders': page([]) })
    render(<OrdersPage />)
    await screen.findByText('还没有兑换记录')

    fireEvent.click(screen.getByText('待发放'))

    expect(await screen.findByText('没有这类兑换记录')).toBeTruthy()
    expect(cloud.calls('mall.myOrders')[1]).toEqual({ action: 'myOrders', status: 'pending', limit: 20 })
  })

  it('should show the function error message', async () => {
    fakeCloud({ 'mall.myOrders': fail('MALL.UNAVAILABLE', '订单服务暂不可用') })
    render(<OrdersPage />)

    expect(await screen.findByText('订单服务暂不可用')).toBeTruthy()
  })

  it('should ask before cancelling and not cancel when the member keeps the order', async () => {
    const cloud = fakeCloud({ 'mall.myOrders': page([orderView()]), 'mall.cancelOrder': ok(orderView({ status: 'cancelled' })) })
    render(<OrdersPage />)

    fireEvent.click(await findById('cancel-o1'))
    await answerModal('取消后 100 积分将退回你的账户，确定取消「定制笔记本」的兑换吗？', false)

    await modalClosed()
    expect(cloud.calls('mall.cancelOrder')).toHaveLength(0)
  })

  it('should cancel a pending order after confirmation and show it cancelled', async () => {
    const cancelled = orderView({ status: 'cancelled', statusLabel: '已取消', cancellable: false })
    const cloud = fakeCloud({ 'mall.myOrders': page([orderView()]), 'mall.cancelOrder': ok(cancelled) })
    render(<OrdersPage />)

    fireEvent.click(await findById('cancel-o1'))
    await answerModal(/确定取消/, true)

    await findToast('已取消，积分已退回')
    expect(cloud.calls('mall.cancelOrder')).toEqual([{ action: 'cancelOrder', orderId: 'o1' }])
    await waitFor(() => expect(document.getElementById('cancel-o1')).toBeNull())
  })

  it('should reveal the code of a code order after confirmation', async () => {
    const revealed = orderView({ status: 'fulfilled', statusLabel: '已完成', code: 'ABCD-1234', cancellable: false })
    fakeCloud({ 'mall.myOrders': page([orderView()]), 'mall.revealCode': ok(revealed) })
    render(<OrdersPage />)

    fireEvent.click(await findById('reveal-o1'))
    await answerModal(/兑换码查看后/, true)

    expect(await screen.findByText('ABCD-1234')).toBeTruthy()
  })

  it('should show the Chinese message when a cancel is refused', async () => {
    fakeCloud({ 'mall.myOrders': page([orderView()]), 'mall.cancelOrder': fail('MALL.ORDER_STATE', '订单当前状态不能进行该操作') })
    render(<OrdersPage />)

    fireEvent.click(await findById('cancel-o1'))
    await answerModal(/确定取消/, true)

    await findToast('订单当前状态不能进行该操作')
  })
})
