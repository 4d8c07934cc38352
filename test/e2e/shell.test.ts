/**
 * The app shell in the H5 build served by the emulator: tab pages, the local persona switch (functions are
 * then called as that persona, identity from the WeChat context the emulator sets) and the dev panel clock.
 */
import type { Emulator } from '../../emulator'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

let emu: Emulator
let session: BrowserSession

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
}, 90_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(60_000)

it('should open on the home tab with the member’s current camp', async () => {
  const { page } = session
  await page.goto(`${emu.url}/`)
  await page.waitForSelector('#home-current')
  expect(await page.textContent('#home-current')).toContain('英语口语')
})

it('should call functions as the persona picked on the local persona page', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/pages/me/index`)
  await page.waitForSelector('#me-name')
  expect(await page.textContent('#me-name')).toContain('小明妈妈')
  await page.locator('#dev-personas').click()
  await page.locator('#persona-dev-teacher-01').click()
  // The persona page restarts the app as the new persona, on 我的.
  await page.waitForFunction(() => document.querySelector('#me-name')?.textContent?.includes('李老师'))
})

it('should move the emulator clock by a day from the dev panel', async () => {
  const { page } = session
  const before = emu.clock.now()
  await page.goto(`${emu.url}/#/features/dev/pages/panel/index`)
  await page.locator('#advance-day').click()
  const deadline = Date.now() + 5000
  while (emu.clock.now() - before < 24 * 3600 * 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  expect(emu.clock.now() - before).toBeGreaterThanOrEqual(24 * 3600 * 1000)
})
