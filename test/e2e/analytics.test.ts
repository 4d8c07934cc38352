/**
 * An operator in the H5 build with the demo data: 我的 → 数据看板 → 期次数据 shows the running camp's funnel and
 * heatmap, 刷新数据 recomputes it; 转化登记 records a paid conversion after confirming; 导出 produces a CSV.
 */
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

let emu: Emulator
let session: BrowserSession
let periodId: string
const ADMIN = 'dev-admin'

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
  ;[{ _id: periodId }] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  await session.page.addInitScript((openid) => localStorage.setItem('dev.persona', openid), ADMIN)
}, 90_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(90_000)

it('should show the period dashboard from 我的 and refresh it', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/pages/me/index`)
  await page.locator('#me-analytics').click()
  await page.locator('#an-period').click()
  await page.locator(`#period-${periodId}`).click()
  await page.waitForSelector('#stage-joined')
  expect(await page.textContent('#stage-joined')).toContain('12 人')
  expect(await page.textContent('#stage-paid')).toContain('2 人')
  expect(await page.textContent('#busiest')).toContain('高频打卡时段')
  await page.locator('#refresh').click()
  await page.waitForFunction(() => document.body.textContent?.includes('数据已刷新'))
  const [run] = (await emu.db.find('analytics_runs', { _id: periodId })) as { refreshedAt?: number }[]
  expect(run?.refreshedAt).toBeGreaterThan(0)
})

it('should record a paid conversion only after confirming', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/features/analytics-admin/pages/conversion/index?periodId=${periodId}`)
  await page.locator('#member-dev-member-03').click()
  await page.locator('#round-3').click()
  await page.locator('#amount input, input#amount').first().fill('88')
  await page.locator('#save-conversion').click()
  await page.locator('.taro__modal .taro-model__confirm').click()
  await page.waitForFunction(() => document.body.textContent?.includes('已付费（第3轮）'))
  const saved = (await emu.db.find('conversions', { _id: `${periodId}:dev-member-03` })) as { round: number; amountFen: number }[]
  expect(saved).toEqual([expect.objectContaining({ round: 3, amountFen: 8800 })])
})

it('should export the period as a CSV the browser opens', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/features/analytics-admin/pages/export/index?periodId=${periodId}`)
  await page.waitForSelector('#export-csv')
  // Catch the URL the page hands to the browser instead of letting Chromium download it.
  await page.evaluate(() => {
    const opened: string[] = []
    ;(window as unknown as { opened: string[] }).opened = opened
    window.open = (url?: string | URL) => (opened.push(String(url)), null)
  })
  await page.locator('#export-csv').click()
  await page.waitForSelector('#export-done')
  expect(await page.textContent('#export-done')).toContain('共 12 行')
  const [url] = await page.evaluate(() => (window as unknown as { opened: string[] }).opened)
  const res = await fetch(url)
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(13)
})
