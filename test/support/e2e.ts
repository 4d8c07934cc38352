/** Small helpers the e2e suites share (headless Chromium against the H5 build, see demo-app.ts). */
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from './browser'

/**
 * Polls `check` (a database or outbox read) until it holds; the wait is bounded and names what it waited for. Real
 * time on purpose: the browser and the emulator's server work on their own, the test can only look again.
 */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Opens `hashPath` of the H5 app as the dev persona `openid` (a full reload, so the persona is the one used). */
export async function openAs(session: BrowserSession, emu: Emulator, openid: string, hashPath: string): Promise<void> {
  const { page } = session
  await page.addInitScript((id) => localStorage.setItem('dev.persona', id), openid)
  await page.goto(`${emu.url}/#${hashPath}`)
  await page.reload()
}

/** Taps 确定 on the Taro H5 modal on screen. */
export const confirmModal = (session: BrowserSession) => session.page.locator('.taro__modal .taro-model__confirm').click()
