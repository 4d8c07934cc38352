/**
 * A member spends points in the H5 build served by the emulator with the demo data:
 * 我的 → 积分商城 → an item → confirm → result → 我的积分 shows the debit.
 */
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

let emu: Emulator
let session: BrowserSession

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
}, 60_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(60_000)

async function itemIdByTitle(title: string): Promise<string> {
  const [item] = (await emu.db.find('mall_items', { title })) as { _id: string }[]
  return item._id
}

it('should redeem an unlock item after confirming, and show the debit in 我的积分', async () => {
  const { page } = session
  const itemId = await itemIdByTitle('三年级数学思维题库')
  const [before] = (await emu.db.find('points_balances', { _id: 'dev-member-01' })) as { balance: number }[]
  await page.goto(`${emu.url}/#/pages/me/index`)
  await page.locator('#me-mall').click()
  await page.locator(`#item-${itemId}`).click()
  await page.locator('#redeem').click()
  await page.locator('#confirm-redeem').click()
  // Taro H5's own modal (class names as Taro spells them).
  await page.locator('.taro__modal .taro-model__confirm').click()
  await page.waitForSelector('#redeem-result')
  expect(await page.textContent('#redeem-result')).toContain('兑换成功')
  // The order is stored on its redeem entry (`order`).
  const entries = (await emu.db.find('points_entries', { memberId: 'dev-member-01', reason: 'redeem', 'order.itemId': itemId })) as {
    order: { status: string }
  }[]
  expect(entries.map((e) => e.order.status)).toEqual(['fulfilled'])

  await page.goto(`${emu.url}/#/features/points/pages/index/index`)
  await page.waitForSelector('#points-balance')
  expect(await page.textContent('#points-balance')).toContain(String(before.balance - 80))
  await page.waitForFunction(() => document.body.textContent?.includes('积分兑换'))
})
