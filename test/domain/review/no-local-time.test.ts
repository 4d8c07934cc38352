import * as fs from 'fs'
import * as path from 'path'

/** Review rules must not read the process time zone (the server runs in UTC, days are Shanghai business days). */
const ROOT = path.join(__dirname, '../../..')
const SOURCES = [
  'cloudfunctions/src/domain/review',
  'cloudfunctions/src/contracts/review.ts',
  'cloudfunctions/src/contracts/review-views.ts',
]
const LOCAL_TIME =
  /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)\(|getTimezoneOffset|toLocale\w*\(|toDateString\(|toTimeString\(|\bdayjs\(/

const files = (rel: string): string[] => {
  const abs = path.join(ROOT, rel)
  return fs.statSync(abs).isFile() ? [abs] : fs.readdirSync(abs).flatMap((name) => files(path.join(rel, name)))
}

describe('review time-zone independence', () => {
  it('should use no local-time API', () => {
    const offenders = SOURCES.flatMap(files).filter((f) => LOCAL_TIME.test(fs.readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})
