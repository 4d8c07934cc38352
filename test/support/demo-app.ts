/**
 * Where every e2e suite starts: the emulator serving the H5 build (`dist/h5`, made by `npm run build:h5`) with the
 * demo data of `npm start`, and one headless Chromium.
 */
import * as fs from 'fs'
import * as path from 'path'
import { createAppEmulator as createEmulator, type AppEmulator as Emulator } from '../../local'
import { seedDemoData } from '../../local/seed'
import { openBrowser, type BrowserSession } from './browser'

export const H5_DIR = path.join(__dirname, '..', '..', 'dist', 'h5')

export async function startDemoApp(): Promise<{ emu: Emulator; session: BrowserSession }> {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error('dist/h5 missing: run `npm run build:h5` first (npm test does)')
  const emu = await createEmulator({ staticDir: H5_DIR })
  await seedDemoData(emu)
  return { emu, session: await openBrowser() }
}

/** Safe to call when start failed half way. */
export async function stopDemoApp(emu: Emulator | undefined, session: BrowserSession | undefined): Promise<void> {
  await session?.close()
  await emu?.close()
}
