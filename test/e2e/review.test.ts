/**
 * Issue 6's walk-through in the H5 build with the emulator and demo data: three members check in, 李老师 works
 * through the queue (each submit moves on to the next submission), features one; that member then sees the
 * comment and the featured points on the notification landing page.
 */
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'
import { checkInTomorrow } from '../support/demo-day'
import { eventually } from '../support/e2e'

const TEACHER = 'dev-teacher-01'
const MEMBERS = ['dev-member-03', 'dev-member-04', 'dev-member-05']

let emu: Emulator
let session: BrowserSession
let periodId: string
let day: string

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
  ;[{ _id: periodId }] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  // Tomorrow 09:00 Shanghai: nobody has checked in yet that day.
  day = await checkInTomorrow(emu, periodId, MEMBERS, (i) => `第 ${i + 1} 位同学今天的口语练习`)
}, 120_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(120_000)

const checkinId = (m: string) => `checkin:${periodId}:${day}:${m}`

it('should let a teacher review three submissions in a row and feature one; the member sees it', async () => {
  const { page } = session
  const before = ((await emu.db.find('points_balances', { _id: MEMBERS[0] })) as { balance: number }[])[0].balance
  await page.addInitScript((openid) => localStorage.setItem('dev.persona', openid), TEACHER)
  await page.goto(`${emu.url}/#/features/review/pages/index/index`)
  await page.locator(`[id="queue-${checkinId(MEMBERS[0])}"]`).click()

  for (const [i, m] of MEMBERS.entries()) {
    await page.waitForFunction((text) => document.querySelector('#checkin-text')?.textContent?.includes(text), `第 ${i + 1} 位同学`)
    await page.locator('#review-comment-input textarea').fill(`发音清晰，继续保持！（${i + 1}）`)
    await page.locator('#score-5').click()
    if (i === 0) await page.locator('#featured-toggle').click()
    await page.locator('#review-submit').click()
    await eventually(async () => (await emu.db.count('reviews', { checkinId: checkinId(m) })) === 1, `the review of ${m} is stored`)
  }

  const featured = (await emu.db.find('checkins', { _id: checkinId(MEMBERS[0]) })) as { featured: boolean }[]
  expect(featured[0].featured).toBe(true)
  const after = ((await emu.db.find('points_balances', { _id: MEMBERS[0] })) as { balance: number }[])[0].balance
  expect(after).toBeGreaterThan(before)

  // The member opens the notification landing page.
  await page.addInitScript((openid) => localStorage.setItem('dev.persona', openid), MEMBERS[0])
  await page.goto(`${emu.url}/#/features/review/pages/comment/index?periodId=${periodId}&day=${day}`)
  await page.reload()
  await page.waitForSelector('#review-comment')
  expect(await page.textContent('#review-comment')).toContain('发音清晰，继续保持！（1）')
  expect(await page.textContent('#comment-points')).toContain(`含精选奖励 ${after - before} 积分`)
})
