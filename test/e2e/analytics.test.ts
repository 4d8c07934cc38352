/**
 * An operator in the H5 build with the demo data: 我的 → 数据看板 → 期次数据 lists the periods with their real status,
 * shows the running camp's funnel and curves drawn by F2 on canvases (checked non-blank) and the heatmap, 刷新数据
 * recomputes it; 转化登记 records a paid conversion after confirming; 导出 produces an .xlsx (parsed back) and a CSV.
 * With UPDATE_SCREENSHOTS=1 the dashboard's screenshot is written to docs/screenshots/dashboard.png.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { Workbook } from 'exceljs'
import type { AppEmulator as Emulator } from '../../local'
import type { Page } from '../support/browser'
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

const SCREENSHOT = process.env.UPDATE_SCREENSHOTS
  ? path.join(__dirname, '..', '..', 'docs', 'screenshots', 'dashboard.png')
  : path.join(os.tmpdir(), `dashboard-${process.pid}.png`)

/** Pixels of a canvas that are drawn (alpha > 0), out of all; a chart that failed to draw has none. */
const drawnShare = (page: Page, id: string) =>
  page.$eval(`canvas#${id}`, (el) => {
    const c = el as HTMLCanvasElement
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data
    if (!data || c.width === 0) return 0
    let drawn = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn += 1
    return drawn / (c.width * c.height)
  })

it('should show the period dashboard from 我的 and refresh it', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/pages/me/index`)
  await page.locator('#me-analytics').click()
  await page.locator('#an-period').click()
  // The demo's 21-day camp is half way through, the 7-day one starts tomorrow: real statuses, not 招募中 for both.
  expect(await page.textContent(`#period-${periodId}`)).toContain('进行中')
  const [{ _id: soon }] = (await emu.db.find('periods', { lengthDays: 7 })) as { _id: string }[]
  expect(await page.textContent(`#period-${soon}`)).toContain('招募中')
  await page.locator(`#period-${periodId}`).click()
  await page.waitForSelector('#stage-joined')
  expect(await page.textContent('#stage-joined')).toContain('12 人')
  expect(await page.textContent('#stage-paid')).toContain('2 人')
  expect(await page.textContent('#busiest')).toContain('高频打卡时段')
  // Drawn, not blank: the line charts and the funnel each paint a real share of their canvas.
  await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 3)
  for (const id of ['funnel-chart', 'participation-chart', 'retention-chart']) {
    await page.waitForFunction((cid) => {
      const c = document.querySelector(`canvas#${cid}`) as HTMLCanvasElement | null
      const d = c?.getContext('2d')?.getImageData(0, 0, c.width, c.height).data
      return !!d && d.some((v, i) => i % 4 === 3 && v > 0)
    }, id)
    expect(await drawnShare(page, id)).toBeGreaterThan(0.01)
  }
  expect(await page.textContent('#participation-note')).toMatch(/还有 \d+ 天未到/)
  expect(await page.getAttribute('#participation .chart-canvas', 'aria-label')).not.toContain('0.0%（0/')
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
  // Taro's H5 page scrolls inside its own container: grow the viewport to the content for one full screenshot.
  const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map((e) => e.scrollHeight)))
  await page.setViewportSize({ width: 390, height: Math.min(height, 4000) })
  await page.screenshot({ path: SCREENSHOT })
  await page.setViewportSize({ width: 390, height: 844 })
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(20_000)
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

/** Opens the export page and catches the URL it hands to the browser instead of letting Chromium download it. */
async function exportVia(page: Page, button: string): Promise<{ url: string; done: string }> {
  await page.goto(`${emu.url}/#/features/analytics-admin/pages/export/index?periodId=${periodId}`)
  await page.waitForSelector(button)
  await page.evaluate(() => {
    const opened: string[] = []
    ;(window as unknown as { opened: string[] }).opened = opened
    window.open = (url?: string | URL) => (opened.push(String(url)), null)
  })
  await page.locator(button).click()
  await page.waitForSelector('#export-done')
  const [url] = await page.evaluate(() => (window as unknown as { opened: string[] }).opened)
  return { url, done: (await page.textContent('#export-done')) ?? '' }
}

it('should export the period as an Excel workbook with a sheet per table', async () => {
  const { url, done } = await exportVia(session.page, '#export-xlsx')
  expect(done).toMatch(/已生成 英语口语.*_第\d+期_\d{4}-\d{2}-\d{2}\.xlsx，共 12 位学员/)
  const res = await fetch(url)
  expect(res.status).toBe(200)
  const book = new Workbook()
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as Parameters<Workbook['xlsx']['load']>[0])
  expect(book.worksheets.map((s) => s.name)).toEqual(['学员', '每日参与', '渠道漏斗', '海报漏斗', '转化轮次', '付费登记'])
  const members = book.getWorksheet('学员')
  expect(members?.getRow(1).getCell(1).value).toBe('昵称')
  expect(members?.actualRowCount).toBe(13)
  expect(book.getWorksheet('每日参与')?.actualRowCount).toBe(22)
  expect(book.getWorksheet('付费登记')?.actualRowCount).toBeGreaterThanOrEqual(3)
})

it('should export the member table as a CSV the browser opens', async () => {
  const { url, done } = await exportVia(session.page, '#export-csv')
  expect(done).toContain('共 12 位学员')
  const res = await fetch(url)
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(13)
})
