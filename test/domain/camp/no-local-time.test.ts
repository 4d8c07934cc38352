import * as fs from 'fs'
import * as path from 'path'

/**
 * Setting process.env.TZ after node started is not reliable, so instead of running the rules in several zones we prove
 * they never read the process time zone: no local-time Date getters/setters, no toLocale*, no local dayjs().
 */
const ROOT = path.join(__dirname, '../../..')
const SOURCES = [
  'cloudfunctions/src/domain/camp',
  'cloudfunctions/src/domain/identity',
  'cloudfunctions/src/domain/business-day.ts',
  'cloudfunctions/src/contracts/camp.ts',
  'cloudfunctions/src/contracts/camp-views.ts',
  'cloudfunctions/src/contracts/identity.ts',
]
const LOCAL_TIME =
  /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(|getTimezoneOffset|toLocale\w*\(|toDateString\(|toTimeString\(|\bdayjs\(/

function files(rel: string): string[] {
  const abs = path.join(ROOT, rel)
  if (fs.statSync(abs).isFile()) return [abs]
  return fs.readdirSync(abs).flatMap((name) => files(path.join(rel, name)))
}

describe('time-zone independence', () => {
  it('should find the sources it scans', () => {
    expect(SOURCES.flatMap(files).length).toBeGreaterThan(15)
  })

  it('should use no local-time getters or setters in camp and identity code', () => {
    const offenders = SOURCES.flatMap(files).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => LOCAL_TIME.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    )
    expect(offenders).toEqual([])
  })

  it('should catch a local getter if one were added', () => {
    expect(LOCAL_TIME.test('new Date(x).getHours()')).toBe(true)
    expect(LOCAL_TIME.test('d.toLocaleDateString()')).toBe(true)
    expect(LOCAL_TIME.test('d.getUTCHours()')).toBe(false)
  })
})
