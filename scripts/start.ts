/**
 * `npm start`: the whole app on one machine, no WeChat account needed.
 * Builds the cloud functions and the H5 app, starts the emulator with a durable
 * data directory, applies migrations, seeds demo data on first run, serves the
 * app on 127.0.0.1 and rebuilds functions when their sources change.
 *
 * Options (env): PORT (default 8787), DATA_DIR (default .emulator-data), SKIP_H5_BUILD=1.
 */
import { spawnSync } from 'child_process'
import * as fs from 'fs'
import * as path from 'path'
import { createAppEmulator as createEmulator } from '../local'
import { seedDemoData } from '../local/seed'
import { buildAllFunctions } from './build-functions'

const ROOT = path.join(__dirname, '..')
// Cloud functions run in UTC in CloudBase; run them the same way locally (business days never depend on it).
process.env.TZ = 'UTC'

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787)
  const dataDir = path.resolve(ROOT, process.env.DATA_DIR ?? '.emulator-data')
  const h5Dir = path.join(ROOT, 'dist', 'h5')

  console.log('› building cloud functions…')
  await buildAllFunctions()
  if (process.env.SKIP_H5_BUILD !== '1') {
    console.log('› building the H5 app (≈ 15 s)…')
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (r.status !== 0) throw new Error('H5 build failed')
  }

  fs.mkdirSync(dataDir, { recursive: true })
  const emu = await createEmulator({ dataDir, port, staticDir: h5Dir, timerIntervalMs: 1000 })
  const seeded = await seedDemoData(emu)
  console.log(seeded ? '› demo data seeded (first run)' : '› demo data already present')

  // Rebuild functions on source changes; the runtime reloads workers for the new bundles.
  let timer: NodeJS.Timeout | undefined
  fs.watch(path.join(ROOT, 'cloudfunctions', 'src'), { recursive: true }, () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      buildAllFunctions()
        .then(() => {
          emu.runtime.reload()
          console.log('› functions rebuilt')
        })
        .catch((err: unknown) => console.error('functions build failed:', err))
    }, 200)
  })

  console.log(
    `\n  学习社群 (local mode) is running:  ${emu.url}/\n  data: ${path.relative(ROOT, dataDir)}   persona & dev panel: 我的 → 切换身份 / 开发面板\n`,
  )
  const stop = async () => {
    await emu.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
