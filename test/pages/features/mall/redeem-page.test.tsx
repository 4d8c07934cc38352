import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import RedeemPage from '@/features/mall/pages/redeem/index'
import { answerModal, byId, fail, fakeCloud, findToast, ok, modalClosed, modalShown, setRouteParams, typeInto } from './support'
import { itemView, orderView } from './fixtures'

jest.mock('@/shared/cloud/call', () => ({ initTransport: jest.fn(), transport: jest.fn() }))

const balance = ok({ balance: 500, earned: 500, spent: 0, expiring: null })
const physical = itemView({ kind: 'physical', kindLabel: '实物', requiresAddress: true, title: '帆布袋', cost: 200 })

async function tapConfirm() {
  fireEvent.click(await screen.findByText(/^确认兑换（/))
}

async function fillAddress(phone: string) {
  await typeInto('address-name', '张三')
  await typeInto('address-phone', phone)
  // The region is picked (province → city → district), never typed.
  fireEvent.click(byId('address-region'))
  fireEvent.click(await screen.findByText('广东省'))
  fireEvent.click(await screen.findByText('深圳市'))
  fireEvent.click(await screen.findByText('南山区'))
  await typeInto('address-detail', '科技园一路 1 号')
}

describe('确认兑换 page', () => {
  beforeEach(async () => {
    setRouteParams({ itemId: 'i1' })
    await modalClosed()
  })

  it('should ask 确认使用 N 积分兑换「X」？ and not redeem when the member cancels', async () => {
    const cloud = fakeCloud({ 'mall.getItem': ok(itemView()), 'points.balance': balance, 'mall.redeem': ok(orderView()) })
    render(<RedeemPage />)

    await tapConfirm()
    await answerModal('确认使用 100 积分兑换「定制笔记本」？', false)

    await waitFor(() => expect(screen.getByText('确认兑换（100 积分）')).toBeTruthy())
    expect(cloud.calls('mall.redeem')).toHaveLength(0)
  })

  it('should redeem once after confirmation and show 兑换成功', async () => {
    const cloud = fakeCloud({ 'mall.getItem': ok(itemView()), 'points.balance': balance, 'mall.redeem': ok(orderView()) })
    render(<RedeemPage />)

    await tapConfirm()
    await answerModal('确认使用 100 积分兑换「定制笔记本」？', true)

    expect(await screen.findByText('兑换成功')).toBeTruthy()
    const calls = cloud.calls('mall.redeem')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toEqual({ action: 'redeem', itemId: 'i1', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,36}$/) })
  })

  it('should retry a failed call with the same requestId', async () => {
    let tries = 0
    const cloud = fakeCloud({
      'mall.getItem': ok(itemView()),
      'points.balance': balance,
      'mall.redeem': () => (++tries === 1 ? Promise.reject(new Error('timeout')) : ok(orderView())),
    })
    render(<RedeemPage />)

    await tapConfirm()
    await answerModal('确认使用 100 积分兑换「定制笔记本」？', true)
    await findToast('网络开小差了，请稍后重试')
    await tapConfirm()
    await answerModal('确认使用 100 积分兑换「定制笔记本」？', true)

    expect(await screen.findByText('兑换成功')).toBeTruthy()
    const [first, second] = cloud.calls('mall.redeem')
    expect(second.requestId).toBe(first.requestId)
  })

  it('should ignore a second tap while the first confirmation is open', async () => {
    const cloud = fakeCloud({ 'mall.getItem': ok(itemView()), 'points.balance': balance, 'mall.redeem': ok(orderView()) })
    render(<RedeemPage />)

    await tapConfirm()
    await tapConfirm()
    await answerModal('确认使用 100 积分兑换「定制笔记本」？', true)

    await screen.findByText('兑换成功')
    expect(cloud.calls('mall.redeem')).toHaveLength(1)
  })

  it('should show the reason when the server refuses (sold out)', async () => {
    fakeCloud({ 'mall.getItem': ok(itemView()), 'points.balance': balance, 'mall.redeem': fail('MALL.SOLD_OUT', '商品已兑完') })
    render(<RedeemPage />)

    await tapConfirm()
    await answerModal('确认使用 100 积分兑换「定制笔记本」？', true)

    expect(await screen.findByText('兑换未成功')).toBeTruthy()
    expect(byId('redeem-reason').textContent).toBe('商品已兑完')
  })

  it('should block an invalid mobile before asking or calling', async () => {
    const cloud = fakeCloud({ 'mall.getItem': ok(physical), 'points.balance': balance, 'mall.redeem': ok(orderView()) })
    render(<RedeemPage />)
    await screen.findByText('收货地址')

    await fillAddress('12345')
    await tapConfirm()

    await waitFor(() => expect(document.querySelector('.ui-field__error')?.textContent).toBe('请填写正确的手机号'))
    expect(modalShown()).toBe(false)
    expect(cloud.calls('mall.redeem')).toHaveLength(0)
  })

  it('should send the address with the order of a physical item', async () => {
    const cloud = fakeCloud({ 'mall.getItem': ok(physical), 'points.balance': balance, 'mall.redeem': ok(orderView({ kind: 'physical' })) })
    render(<RedeemPage />)
    await screen.findByText('收货地址')

    await fillAddress('13800138000')
    await tapConfirm()
    await answerModal('确认使用 200 积分兑换「帆布袋」？', true)

    await screen.findByText('兑换成功')
    expect(cloud.calls('mall.redeem')[0].address).toEqual({
      name: '张三',
      phone: '13800138000',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      detail: '科技园一路 1 号',
    })
  })

  it('should show the server hint next to the field when the address is refused', async () => {
    fakeCloud({
      'mall.getItem': ok(physical),
      'points.balance': balance,
      'mall.redeem': fail('MALL.ADDRESS_INVALID', '收货地址填写有误', { detail: '请填写详细地址（4-120个字）' }),
    })
    render(<RedeemPage />)
    await screen.findByText('收货地址')

    await fillAddress('13800138000')
    await tapConfirm()
    await answerModal('确认使用 200 积分兑换「帆布袋」？', true)

    expect(await screen.findByText('请填写详细地址（4-120个字）')).toBeTruthy()
  })

  it('should disable confirming when the balance is short', async () => {
    fakeCloud({ 'mall.getItem': ok(itemView({ cost: 900 })), 'points.balance': balance })
    render(<RedeemPage />)

    expect(await screen.findByText('积分不足，还差 400 积分')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('积分不足')))
    expect(modalShown()).toBe(false)
  })
})
