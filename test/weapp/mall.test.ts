/**
 * The redeem page of a physical item in the production weapp build: the address form uses WeChat's own region picker
 * (`<picker mode="region">`), confirming without an address spends nothing, and a completed address (region picked
 * through the picker's own change event, as the base library delivers it: `detail.value` names, `detail.code` codes)
 * redeems once after the confirmation modal, with the address on the stored order.
 */
import { weappFixture } from '../support/weapp/phone'
import type { OpenPage } from '../support/weapp/app'
import { findById, propertyOf, tap, textOf, typeInto, waitFor, waitForElement } from '../support/weapp/ui'

const MEMBER = 'dev-member-01'
const fx = weappFixture()

jest.setTimeout(120_000)

const BOOK = '英语绘本《Brown Bear》'

async function bookItem(): Promise<string> {
  const [{ _id: item }] = (await fx.emu.db.find('mall_items', { title: BOOK })) as { _id: string }[]
  return item
}

async function balanceOf(member: string): Promise<number> {
  return ((await fx.emu.db.find('points_balances', { _id: member })) as { balance: number }[])[0]?.balance ?? 0
}

/** WeChat's region picker answers with the chosen names and their division codes (base library `picker` mode=region). */
function pickRegion(page: OpenPage, names: [string, string, string], codes: [string, string, string]): void {
  const picker = page.component.dom?.querySelector('wx-picker') as (HTMLElement & { __wxElement?: unknown }) | null
  if (!picker?.__wxElement) throw new Error('no region picker on the page')
  const Ctor = Object.getPrototypeOf(Object.getPrototypeOf(page.component)).constructor as new (node: unknown) => {
    dispatchEvent(name: string, init: { detail: unknown }): void
  }
  new Ctor(picker.__wxElement).dispatchEvent('change', { detail: { value: names, code: codes, postcode: '510000' } })
}

it('should ask for the region with WeChat’s region picker and spend nothing without an address', async () => {
  const { emu } = fx
  const item = await bookItem()
  const before = await balanceOf(MEMBER)
  const { device, app } = fx.phone(MEMBER)
  const page = app.open(`features/mall/pages/redeem/index?itemId=${item}`)
  await waitForElement(page, 'address-name')
  const picker = page.component.dom?.querySelector('wx-picker') as HTMLElement
  expect(propertyOf(picker, 'mode')).toBe('region')
  typeInto(page, 'address-name', '王小明')
  tap(page, 'confirm-redeem')
  await waitFor(
    () => /请选择|请填写|地区/.test(page.component.dom?.textContent ?? '') || device.toasts.length > 0,
    'the form says what is missing',
  )
  expect(device.calls.filter((c) => c.name === 'mall' && c.action === 'redeem')).toEqual([])
  expect(await emu.db.count('points_entries', { memberId: MEMBER, reason: 'redeem', 'order.itemId': item })).toBe(0)
  expect(await balanceOf(MEMBER)).toBe(before)
})

it('should redeem a physical item once with the address picked through the region picker', async () => {
  const { emu } = fx
  const item = await bookItem()
  const before = await balanceOf(MEMBER)
  const { device, app } = fx.phone(MEMBER)
  const page = app.open(`features/mall/pages/redeem/index?itemId=${item}`)
  await waitForElement(page, 'address-name')
  typeInto(page, 'address-name', '王小明')
  typeInto(page, 'address-phone', '138 0013 8000')
  typeInto(page, 'address-detail', '天河路 385 号 1201 室')
  pickRegion(page, ['广东省', '广州市', '天河区'], ['440000', '440100', '440106'])
  await waitFor(() => textOf(page).includes('广东省 广州市 天河区'), 'the picked region shows in the form')

  device.modalAnswers.push(true)
  tap(page, 'confirm-redeem')
  await waitFor(() => findById(page.component.dom, 'redeem-result') !== null, 'the result screen')
  expect(device.modals).toEqual([expect.objectContaining({ title: '确认兑换', confirmed: true })])
  expect(device.modals[0].content).toContain('300 积分')
  expect(textOf(page, 'redeem-result')).toContain('兑换成功')

  // The order is stored on its redeem entry (`order`).
  const entries = (await emu.db.find('points_entries', { memberId: MEMBER, reason: 'redeem', 'order.itemId': item })) as {
    order: { address?: Record<string, string>; cost: number }
  }[]
  const orders = entries.map((e) => e.order)
  expect(orders).toHaveLength(1)
  expect(orders[0].cost).toBe(300)
  expect(orders[0].address).toEqual({
    name: '王小明',
    phone: '13800138000',
    province: '广东省',
    city: '广州市',
    district: '天河区',
    detail: '天河路 385 号 1201 室',
  })
  expect(await balanceOf(MEMBER)).toBe(before - 300)
  expect(device.calls.filter((c) => c.name === 'mall' && c.action === 'redeem')).toHaveLength(1)
})
