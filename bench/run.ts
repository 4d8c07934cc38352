/**
 * `npm run bench`: every benchmark, printed as Markdown tables (paste into the README).
 * Pass names to run a subset: `npm run bench -- emulator-db`.
 */
import { formatTable, type Row } from './table'

const SUITES: Record<string, () => Promise<Row[]>> = {
  'emulator-db': async () => (await import('./emulator-db')).benchEmulatorDb(),
  points: async () => (await import('./points')).benchPoints(),
  camp: async () => (await import('./camp')).benchCamp(),
  'checkin-baseline': async () => (await import('./checkin-baseline')).benchCheckinBaseline(),
  review: async () => (await import('./review')).benchReview(),
  community: async () => (await import('./community')).benchCommunity(),
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  for (const [name, run] of Object.entries(SUITES)) {
    if (wanted.length && !wanted.includes(name)) continue
    const started = Date.now()
    const rows = await run()
    console.log(formatTable(`${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`, rows) + '\n')
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
