/**
 * Issue 16, the member's side in the H5 build with the emulator and demo data: a teacher reviews one member's check-in
 * and returns another's for redo (through the review function, as the teacher's queue would); the first member sees
 * the comment on today's card and on that calendar day, the second follows the redo request from 首页 into the redo
 * composer and resubmits. Screenshots of 首页, 我的 and the mall go to docs/screenshots/ for the README.
 */
import * as path from 'path'
import { addDays, businessDay, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

const HOUR = 3_600_000
const TEACHER = 'dev-teacher-01'
const READER = 'dev-member-06'
const REDOER = 'dev-member-07'
const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots')

let emu: Emulator
let session: BrowserSession
let periodId: string
let day: string

const ok = async (name: string, event: Record<string, unknown>, openid: string) => {
  const res = (await emu.call(name, event, openid)) as { code: unknown }
  if (res.code !== 0) throw new Error(`${name}.${String(event.action)} for ${openid}: ${JSON.stringify(res)}`)
  return res
}

async function as(openid: string, hash: string): Promise<void> {
  const { page } = session
  await page.addInitScript((id) => localStorage.setItem('dev.persona', id), openid)
  // A full load as the persona (a hash change alone would keep the previous persona); exactly one load, because
  // showing a review marks it seen.
  await page.goto('about:blank')
  await page.goto(`${emu.url}/#${hash}`)
}

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
  ;[{ _id: periodId }] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  // Tomorrow 09:00 Shanghai: a fresh day of the running 21-day period.
  day = addDays(businessDay(emu.clock.now()), 1)
  emu.clock.set(businessDayStart(day) + 9 * HOUR)
  await emu.runtime.fireDueTriggers()
  for (const m of [READER, REDOER]) {
    if ((await emu.db.count('enrollments', { periodId, memberId: m })) === 0) await ok('camp', { action: 'join', periodId }, m)
    await ok('camp', { action: 'checkin', periodId, text: `${m} 今天的口语练习`, images: [], voice: null }, m)
  }
  const id = (m: string) => `checkin:${periodId}:${day}:${m}`
  await ok('review', { action: 'submitReview', checkinId: id(READER), comment: '语调很自然，明天试试加快语速！', score: 5 }, TEACHER)
  await ok('review', { action: 'returnForRedo', checkinId: id(REDOER), reason: '请补上朗读录音' }, TEACHER)
}, 180_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(120_000)

it('should show the teacher’s comment on today’s card and on that calendar day', async () => {
  const { page } = session
  await as(READER, `/features/camp/pages/today/index?periodId=${periodId}`)
  await page.waitForSelector('#review-comment')
  expect(await page.textContent('#review-comment')).toBe('语调很自然，明天试试加快语速！')
  expect(await page.textContent('#checkin-title')).toContain('老师已点评')
  expect(await page.textContent('#review-unread')).toBe('新点评')

  await page.goto(`${emu.url}/#/features/camp/pages/calendar/index?periodId=${periodId}`)
  const cell = page.locator(`[id="day-${day}"]`)
  await cell.waitFor()
  expect(await cell.textContent()).toContain('已点评')
  await cell.click()
  await page.waitForSelector('#review-comment')
  expect(await page.textContent('#review-comment')).toBe('语调很自然，明天试试加快语速！')
})

it('should lead a redo request from 首页 straight into the redo composer and resubmit', async () => {
  const { page } = session
  await as(REDOER, '/pages/home/index')
  const card = page.locator(`[id="task-${periodId}"]`)
  await card.waitFor()
  expect(await card.textContent()).toContain('去重做')
  await page.screenshot({ path: path.join(SHOTS, 'home.png') })
  await card.click()

  await page.waitForFunction(() => document.querySelector('#checkin-submit')?.textContent?.includes('重新提交'))
  expect(await page.textContent('#redo-here')).toContain('重做原因：请补上朗读录音')
  await page.locator('#checkin-text textarea').fill('重做：加上了朗读录音的文字稿')
  await page.locator('#checkin-submit').click()
  const id = `checkin:${periodId}:${day}:${REDOER}`
  const deadline = Date.now() + 15_000
  let doc: { reviewStatus: string; redoCount: number } | undefined
  while (Date.now() < deadline) {
    ;[doc] = (await emu.db.find('checkins', { _id: id })) as { reviewStatus: string; redoCount: number }[]
    if (doc?.redoCount === 1) break
    await new Promise((r) => setTimeout(r, 100))
  }
  expect(doc).toMatchObject({ reviewStatus: 'pending', redoCount: 1 })
})

it('should take screenshots of 我的 and the mall', async () => {
  const { page } = session
  await as(READER, '/pages/me/index')
  await page.waitForFunction(() => !document.querySelector('#stat-balance')?.textContent?.includes('–'))
  await page.screenshot({ path: path.join(SHOTS, 'me.png') })
  await page.goto(`${emu.url}/#/features/mall/pages/index/index`)
  await page.waitForSelector('.item-card')
  // Every item picture has loaded (or fallen back to its tile) before the shot.
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.item-card img')].every((i) => i.complete))
  await page.screenshot({ path: path.join(SHOTS, 'mall.png') })
})

it('should show an H5 title bar whose back button returns to the previous page', async () => {
  const { page } = session
  await as(READER, '/pages/home/index')
  await page.locator('#entry-mall').click()
  await page.waitForSelector('.item-card')
  const bar = page.locator('#taro-navigation-bar')
  await page.waitForFunction(() => document.querySelector('.taro-navigation-bar-title')?.textContent === '积分商城')
  expect(await bar.getAttribute('class')).toContain('taro-navigation-bar-back-icon')
  await page.locator('.taro-navigation-bar-back').click()
  await page.waitForSelector('.home__task-card')
})
