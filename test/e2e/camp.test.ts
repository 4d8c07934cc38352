/**
 * Issue 5's walk-through in the H5 build with the emulator and demo data: a member joins the 7-day drawing
 * period, checks in on day 1 and day 2 (clock moved), misses day 3, makes it up on day 4, and sees the
 * calendar, streak and points right. The clock is the emulator's: functions, database and triggers share it.
 */
import { addDays, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

const HOUR = 3_600_000
const MEMBER = 'dev-member-02'

let emu: Emulator
let session: BrowserSession
let period: { _id: string; campId: string; startDay: string }

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
  ;[period] = (await emu.db.find('periods', { lengthDays: 7 })) as (typeof period)[]
  await session.page.addInitScript((openid) => localStorage.setItem('dev.persona', openid), MEMBER)
}, 90_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(90_000)

/** Moves the shared clock to `hour`:00 Shanghai on the period's day `n` and lets due timers finish. */
async function goToDay(n: number, hour = 10): Promise<string> {
  const day = addDays(period.startDay, n - 1)
  emu.clock.set(businessDayStart(day) + hour * HOUR)
  await emu.runtime.fireDueTriggers()
  return day
}

const balance = async () => ((await emu.db.find('points_balances', { _id: MEMBER })) as { balance: number }[])[0]?.balance ?? 0

async function checkIn(text: string): Promise<void> {
  const { page } = session
  await page.goto(`${emu.url}/#/features/camp/pages/today/index?periodId=${period._id}`)
  // Taro renders <Textarea> as a custom element wrapping a real textarea.
  await page.locator('#checkin-text textarea').fill(text)
  await page.locator('#checkin-submit').click()
  await page.waitForSelector('#checkin-result')
}

it('should take a member through join, two check-ins, a missed day and a make-up', async () => {
  const { page } = session
  const start = await balance()

  // Join the day before the period starts.
  await page.goto(`${emu.url}/#/features/camp/pages/detail/index?campId=${period.campId}`)
  await page.locator(`#join-${period._id}`).click()
  await page.waitForURL(/pages\/today\/index/)
  await expect(emu.db.count('enrollments', { periodId: period._id, memberId: MEMBER })).resolves.toBe(1)

  await goToDay(1)
  await checkIn('第一天：画了一只橘猫')
  expect(await page.textContent('#result-points')).toContain('10')

  await goToDay(2, 21)
  await checkIn('第二天：窗外的大树')

  // Day 3 passes without a check-in; on day 4 the member makes day 3 up from the calendar (10 points).
  const day3 = addDays(period.startDay, 2)
  await goToDay(4)
  await page.goto(`${emu.url}/#/features/camp/pages/calendar/index?periodId=${period._id}`)
  await page.locator(`#day-${day3}`).click()
  await page.locator('.taro__modal .taro-model__confirm').click()
  await page.waitForFunction(() => document.querySelector('#cal-summary')?.textContent?.includes('补卡 1 天'))

  expect(await page.textContent('#cal-summary')).toContain('按时打卡 2 天')
  expect(await page.textContent('#cal-summary')).toContain('未打卡 0 天')
  expect(await page.getAttribute(`#day-${day3}`, 'class')).toContain('made')
  // The period's policy: a make-up does not keep the streak, so days 1–2 stay the best run and the current one is broken.
  expect(await page.textContent('#cal-streak')).toContain('0 天')
  expect(await balance()).toBe(start + 10 + 10 - 10)
  expect(await emu.db.count('points_entries', { memberId: MEMBER, reason: 'makeup' })).toBe(1)
})
