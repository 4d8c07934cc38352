/** A test file's own emulator: a copy of the seeded data directory the global setup made (build.ts). */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { createAppEmulator as createEmulator, type AppEmulator as Emulator } from '../../../local'
import { SEED_DIR_ENV } from './build'

export async function startSeededEmulator(): Promise<{ emu: Emulator; close(): Promise<void> }> {
  const seed = process.env[SEED_DIR_ENV]
  if (!seed || !fs.existsSync(seed)) throw new Error(`${SEED_DIR_ENV} is not set: run the weapp project (its global setup seeds)`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'camp-weapp-emu-'))
  fs.cpSync(seed, dir, { recursive: true })
  const emu = await createEmulator({ dataDir: dir })
  return {
    emu,
    close: async () => {
      await emu.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
