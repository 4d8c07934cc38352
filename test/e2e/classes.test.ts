/**
 * Free-class signup in the H5 build served by the emulator with the demo data: a member signs up for a seeded
 * session with the phone-number CloudID (issued by the local endpoint) and finds it under 我的免费课; a teacher then
 * sees the new lead with the full phone number.
 */
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

const MEMBER = 'dev-member-05'
const TEACHER = 'dev-teacher-01'

let emu: Emulator
let session: BrowserSession

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
}, 60_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(60_000)

it('should sign a member up for a seeded session and show it under 我的免费课, and the lead to a teacher', async () => {
  const { page } = session
  const [cls] = (await emu.db.find('classes', { title: '小学数学一对一诊断课' })) as { _id: string }[]
  const sessions = (await emu.db.find('class_sessions', { classId: cls._id })) as { _id: string; startAt: number }[]
  const first = sessions.sort((a, b) => a.startAt - b.startAt)[0]
  const persona = emu.personas.find((p) => p.openid === MEMBER)

  await page.addInitScript((openid) => localStorage.setItem('dev.persona', openid), MEMBER)
  await page.goto(`${emu.url}/#/pages/home/index`)
  await page.locator('#entry-classes').click()
  await page.locator(`#class-${cls._id}`).click()
  await page.locator(`#session-${first._id}`).click()
  await page.locator('#grade-picker').click()
  await page.locator('.weui-picker__action:last-child').last().click()
  await page.locator('#signup-phone').click()
  await page.waitForSelector(`#signup-${cls._id}`)
  expect(await page.textContent(`#signup-${cls._id}`)).toContain('已报名')

  const [doc] = (await emu.db.find('class_signups', { _id: `${cls._id}:${MEMBER}` })) as { status: string; phone: string }[]
  expect(doc).toMatchObject({ status: 'confirmed', phone: persona?.phoneNumber })

  await page.goto(`${emu.url}/#/pages/me/index`)
  await page.locator('#me-classes').click()
  await page.waitForSelector(`#signup-${cls._id}`)
  expect(await page.textContent(`#signup-${cls._id}`)).toContain('小学数学一对一诊断课')

  const staff = await session.browser.newPage()
  await staff.addInitScript((openid) => localStorage.setItem('dev.persona', openid), TEACHER)
  await staff.goto(`${emu.url}/#/pages/me/index`)
  await staff.locator('#me-classes-admin').click()
  await staff.locator('#admin-leads').click()
  await staff.waitForSelector(`#lead-${MEMBER}`)
  expect(await staff.textContent(`#lead-${MEMBER}`)).toContain(String(persona?.phoneNumber))
})
