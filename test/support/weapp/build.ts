/**
 * Global setup of the weapp layer: the function bundles, the production weapp build with source maps
 * (`CAMP_WEAPP_E2E=1 CAMP_BUILD=test NODE_ENV=production taro build --type weapp` → dist/weapp-e2e; the same
 * bundle as dist/weapp, see config/index.ts) rebuilt only when src/ or config/ changed since, and one emulator data
 * directory with the demo data of `npm start`, which each test file copies (seeding takes ~15 s on a busy box).
 */
import { execFileSync } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { buildAllFunctions } from '../../../scripts/build-functions'
import { createAppEmulator as createEmulator } from '../../../local'
import { seedDemoData } from '../../../local/seed'
import { resetWeappCoverage } from './coverage'

const ROOT = path.join(__dirname, '..', '..', '..')
export const WEAPP_E2E = path.join(ROOT, 'dist', 'weapp-e2e')
const STAMP = path.join(WEAPP_E2E, '.built-at')
const INPUTS = ['src', 'config', 'package.json', 'babel.config.js', 'tsconfig.json', 'project.config.json']
export const SEED_DIR_ENV = 'CAMP_WEAPP_SEED_DIR'

function newestInput(p: string): number {
  const stat = fs.statSync(p, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestInput(path.join(p, name))))
}

export function weappBuildIsFresh(): boolean {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0
  return built > Math.max(...INPUTS.map((p) => newestInput(path.join(ROOT, p))))
}

function buildWeapp(): void {
  if (weappBuildIsFresh()) return
  const started = Date.now()
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: ROOT,
    env: { ...process.env, CAMP_WEAPP_E2E: '1', CAMP_BUILD: 'test', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (!fs.existsSync(path.join(WEAPP_E2E, 'app.js'))) throw new Error('the weapp e2e build wrote no app.js')
  fs.writeFileSync(STAMP, new Date().toISOString())
  console.log(`\nweapp e2e build: ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

export default async function weappGlobalSetup(): Promise<void> {
  resetWeappCoverage()
  await buildAllFunctions()
  buildWeapp()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'camp-weapp-seed-'))
  const emu = await createEmulator({ dataDir: dir })
  try {
    await seedDemoData(emu)
  } finally {
    await emu.close()
  }
  process.env[SEED_DIR_ENV] = dir
}
