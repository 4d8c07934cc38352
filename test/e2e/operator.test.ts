/**
 * Issue 16, operator jobs in the H5 build with the emulator and demo data: an operator creates a camp and a 7-day
 * period with the form defaults, publishes it and assigns a teacher picked by name; members check in and that
 * teacher finds the submissions in the review queue. The operator then reverses a ledger entry picked by nickname.
 */
import { businessDay } from '../../cloudfunctions/src/domain/business-day'
import { entryKeyOf } from '../../cloudfunctions/src/domain/points'
import { publicIdOf } from '../../cloudfunctions/src/domain/identity/public-id'
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'
import { confirmModal, eventually, openAs } from '../support/e2e'

const ADMIN = 'dev-admin'
const TEACHER = 'dev-teacher-02' // 张老师: teaches none of the demo periods
const MEMBERS = ['dev-member-10', 'dev-member-11']
// A 1×1 PNG for the camp cover.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

let emu: Emulator
let session: BrowserSession

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
}, 120_000)
afterAll(() => stopDemoApp(emu, session))
jest.setTimeout(180_000)

it('should let an operator create a camp, assign a teacher by name, and that teacher sees the submissions in the queue', async () => {
  const { page } = session
  const title = '少儿绘画 7 天营'

  await openAs(session, emu, ADMIN, '/features/camp-admin/pages/camp-form/index')
  await page.locator('#c-title input').fill(title)
  const chooser = page.waitForEvent('filechooser')
  await page.locator('#c-cover').click()
  await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: PNG })
  await page.waitForFunction(() => document.querySelector('#c-cover')?.textContent?.includes('更换封面'))
  // The form navigates back 800 ms after saving: wait for that navigation, or it can land after the next goto.
  const leftCampForm = page.waitForEvent('framenavigated')
  await page.locator('#save-camp').click()
  await eventually(async () => (await emu.db.count('camps', { title })) === 1, 'the camp is stored')
  await leftCampForm
  const [camp] = (await emu.db.find('camps', { title })) as { _id: string }[]

  // A 7-day period straight from the defaults (they follow the length), starting today.
  await page.goto(`${emu.url}/#/features/camp-admin/pages/period-form/index?campId=${camp._id}`)
  await page.locator('#p-length-7').click()
  // The H5 date picker is an animated scroll wheel; set today (the emulator's business day) through its change event,
  // as its 确定 does (the page tests pick days the same way).
  const today = businessDay(emu.clock.now())
  await page.locator('#p-start').evaluate((el, value) => {
    el.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }))
  }, today)
  await page.waitForFunction((day) => document.querySelector('#p-start')?.textContent?.includes(day), today)
  await page.locator('#save-period').click()
  await eventually(async () => (await emu.db.count('periods', { campId: camp._id })) === 1, 'the period is stored')
  const [period] = (await emu.db.find('periods', { campId: camp._id })) as { _id: string; startDay: string }[]

  // The period page, where the form redirects 800 ms after saving (a goto of our own raced that redirect and aborted
  // the reload on a loaded machine): publish, then add 张老师 found by name.
  await page.waitForURL((url) => url.hash.includes('/camp-admin/pages/period/index') && url.hash.includes(period._id))
  await page.reload()
  await page.waitForSelector('#pa-publish')
  await page.locator('#pa-publish').click()
  await confirmModal(session)
  await eventually(async () => (await emu.db.count('periods', { _id: period._id, status: 'open' })) === 1, 'the period is open')
  await page.locator('#pa-teacher-add').click()
  await page.locator('#pa-teacher-picker-input input').fill('张老师')
  await page.locator('#pa-teacher-picker-search').click()
  await page.locator('#pa-teacher-picker-row-0').click()
  await page.waitForFunction(() => document.querySelector('#pa-teacher-0')?.textContent?.includes('张老师'))
  expect(await page.textContent('#pa-teachers')).not.toContain(TEACHER)
  expect((await emu.db.find('periods', { _id: period._id }))[0]).toMatchObject({ teacherIds: [TEACHER] })

  // Members join and check in (their own flow is covered by camp.test.ts).
  for (const m of MEMBERS) {
    for (const [action, extra] of [
      ['join', {}],
      ['checkin', { text: `${m} 今天画了一只猫`, images: [], voice: null }],
    ] as const) {
      const res = (await emu.call('camp', { action, periodId: period._id, ...extra }, m)) as { code: unknown }
      if (res.code !== 0) throw new Error(`${action} for ${m}: ${JSON.stringify(res)}`)
    }
  }

  await openAs(session, emu, TEACHER, '/features/review/pages/index/index')
  for (const m of MEMBERS) {
    await page.waitForSelector(`[id="queue-checkin:${period._id}:${period.startDay}:${m}"]`)
  }
  expect(await page.textContent('body')).toContain(`${title} · 第 1 期 · 7 天`)
})

it('should let an operator reverse an entry picked from a member found by nickname', async () => {
  const { page } = session
  const member = 'dev-member-01' // 小明妈妈
  // The newest check-in award: it stays on the first page of the ledger after the reversal is added on top.
  const awards = (await emu.db.find('points_entries', { memberId: member, reason: 'checkin' })) as {
    _id: string
    at: number
    amount: number
  }[]
  const entry = awards.sort((a, b) => b.at - a.at)[0]
  const key = entryKeyOf(entry)
  const handle = publicIdOf(member)

  await openAs(session, emu, ADMIN, '/features/mall-admin/pages/reverse/index')
  await page.locator('#reverse-member-input input').fill('小明妈妈')
  await page.locator('#reverse-member-search').click()
  await page.locator('#reverse-member-row-0').click()
  await page.locator(`[id="audit-${handle}.${key}"]`).click()
  await page.locator('#reverse-note textarea').fill('重复发放的打卡奖励')
  await page.locator('#submit-reverse').click()
  await page.waitForFunction(() => document.querySelector('.taro__modal')?.textContent?.includes('小明妈妈'))
  await confirmModal(session)

  await eventually(
    async () => (await emu.db.count('points_entries', { memberId: member, reason: 'reversal' })) === 1,
    'the reversal is stored',
  )
  const [reversal] = (await emu.db.find('points_entries', { memberId: member, reason: 'reversal' })) as { amount: number; note: string }[]
  expect(reversal).toMatchObject({ amount: -entry.amount, note: '重复发放的打卡奖励' })
  await page.waitForFunction((id) => document.querySelector(`[id="${id}"]`)?.textContent?.includes('已冲正'), `audit-${handle}.${key}`)
  expect(await page.textContent('body')).not.toContain(member)
})

it('should show a disabled default button with readable text (not white on white)', async () => {
  const { page } = session
  await openAs(session, emu, ADMIN, '/features/camp-admin/pages/roles/index')
  await page.locator('#roles-picker-input input').fill('李老师')
  await page.locator('#roles-picker-search').click()
  await page.locator('#roles-picker-row-0').click()
  const colors = await page.locator('#roles-grant-teacher').evaluate((el) => {
    const s = getComputedStyle(el)
    return { color: s.color, background: s.backgroundColor }
  })
  expect(await page.textContent('#roles-grant-teacher')).toContain('已是老师')
  expect(colors.background).toBe('rgb(255, 255, 255)')
  expect(colors.color).not.toBe('rgba(255, 255, 255, 0.6)')
  expect(colors.color).not.toBe(colors.background)
})
