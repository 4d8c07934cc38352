/**
 * A member uses the 资料库 in the H5 build served by the emulator with the demo data:
 * 首页 → 资料库 → a free material → open a file (a new tab loads it, the download is counted);
 * then a points material → confirm → unlocked, and the balance dropped by its cost exactly once.
 */
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

const MEMBER = 'dev-member-01'

let emu: Emulator
let session: BrowserSession

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
}, 60_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(60_000)

const balance = async () => ((await emu.db.find('points_balances', { _id: MEMBER })) as { balance: number }[])[0].balance
const downloadsBy = (materialId: string) =>
  emu.db.find('material_downloads', { _id: `${materialId}:${MEMBER}` }) as Promise<{ count: number }[]>

it('should open a free material file in a new tab and count the download', async () => {
  const { page, browser } = session
  const before = (await downloadsBy('pinyin-cards-g1'))[0]?.count ?? 0
  await page.goto(`${emu.url}/#/pages/home/index`)
  await page.locator('#entry-materials').click()
  await page.locator('#material-pinyin-cards-g1').click()
  await page.waitForSelector('#rule-text')
  expect(await page.textContent('#rule-text')).toContain('免费资料')
  const [tab] = await Promise.all([browser.waitForEvent('page'), page.locator('#open-0').click()])
  await tab.waitForLoadState()
  expect(decodeURIComponent(tab.url())).toContain('materials/pinyin-cards-g1/声母卡片.png')
  await tab.close()
  expect((await downloadsBy('pinyin-cards-g1'))[0].count).toBe(before + 1)
})

it('should unlock a points material after confirming, and take the points once', async () => {
  const { page } = session
  const start = await balance()
  await page.goto(`${emu.url}/#/features/materials/pages/index/index`)
  await page.locator('#subject-math').click()
  await page.locator('#material-math-g3-bank').click()
  await page.locator('#unlock').click()
  await page.waitForSelector('.taro__modal .taro-model__confirm')
  expect(await page.textContent('.taro__modal')).toContain(`确认使用 100 积分解锁「三年级数学思维题库」？（当前 ${start} 积分）`)
  await page.locator('.taro__modal .taro-model__confirm').click()
  await page.waitForSelector('#unlock-state')
  expect(await page.textContent('#unlock-state')).toContain('已用积分解锁')
  expect(await balance()).toBe(start - 100)
  expect(await emu.db.count('points_entries', { memberId: MEMBER, reason: 'unlock', ref: 'math-g3-bank' })).toBe(1)

  await page.goto(`${emu.url}/#/features/points/pages/index/index`)
  await page.waitForSelector('#points-balance')
  expect(await page.textContent('#points-balance')).toContain(String(start - 100))
  await page.waitForFunction(() => document.body.textContent?.includes('解锁资料'))
})
