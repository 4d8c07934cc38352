/**
 * Clicks through the example pages of the H5 build served by the emulator,
 * exactly as `npm start` serves them: tab pages, the sample subpackage calling
 * a real cloud function through the emulator, and the local persona switch.
 */
import * as fs from 'fs'
import * as path from 'path'
import { createEmulator, type Emulator } from '../../emulator'
import { openBrowser, type BrowserSession } from '../support/browser'

const H5 = path.join(__dirname, '..', '..', 'dist', 'h5')

let emu: Emulator
let session: BrowserSession

beforeAll(async () => {
  if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error('dist/h5 missing: run `npm run build:h5` first (npm test does)')
  emu = await createEmulator({ staticDir: H5 })
  session = await openBrowser()
}, 60_000)

afterAll(async () => {
  await session?.close()
  await emu?.close()
})

jest.setTimeout(60_000)

it('should open the sample page from home and show the caller identity from the cloud function', async () => {
  const { page } = session
  await page.goto(`${emu.url}/`)
  await page.getByText('连通性检查').click()
  await page.waitForSelector('#sample-openid')
  expect(await page.textContent('#sample-openid')).toContain('dev-member-01')
  expect(await page.textContent('#sample-visits')).toContain('第 1 次访问')
  await page.locator('#again').click()
  await page.waitForFunction(() => document.querySelector('#sample-visits')?.textContent?.includes('第 2 次访问'))
})

it('should switch persona on the local persona page and call functions as that persona', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/pages/me/index`)
  await page.locator('#dev-personas').click()
  await page.locator('#persona-dev-teacher-01').click()
  await page.goto(`${emu.url}/#/features/sample/pages/index/index`)
  await page.waitForSelector('#sample-openid')
  expect(await page.textContent('#sample-openid')).toContain('dev-teacher-01')
  expect(await page.textContent('#sample-visits')).toContain('第 1 次访问')
})

it('should move the emulator clock from the dev panel', async () => {
  const { page } = session
  const before = emu.clock.now()
  await page.goto(`${emu.url}/#/features/dev/pages/panel/index`)
  await page.locator('#advance-day').click()
  const deadline = Date.now() + 5000
  while (emu.clock.now() - before < 24 * 3600 * 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  expect(emu.clock.now() - before).toBeGreaterThanOrEqual(24 * 3600 * 1000)
})
