/**
 * Measures the production weapp build the way WeChat counts it: the main
 * package is everything outside the subpackage roots; each subpackage is its
 * root folder. Prints a table against the 2 MB / 30 MB limits and exits 1 over a limit.
 */
import * as fs from 'fs'
import * as path from 'path'

export const PACKAGE_LIMIT = 2 * 1024 * 1024
export const TOTAL_LIMIT = 30 * 1024 * 1024
/** The team's own budget for the main package (tab pages + runtime + shared UI). */
export const MAIN_TARGET = 400 * 1024

export interface PackageSize {
  name: string
  bytes: number
  limit: number
}

const IGNORED = [/\.map$/, /^project\.config\.json$/, /^project\.private\.config\.json$/]

function filesUnder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = path.join(dir, e.name)
    if (e.isDirectory()) return filesUnder(abs, base)
    const rel = path.relative(base, abs).split(path.sep).join('/')
    return IGNORED.some((re) => re.test(rel)) ? [] : [rel]
  })
}

export function measure(buildDir: string): PackageSize[] {
  const app = JSON.parse(fs.readFileSync(path.join(buildDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
  for (const rel of filesUnder(buildDir)) {
    const bytes = fs.statSync(path.join(buildDir, rel)).size
    const root = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
    sizes.set(root, (sizes.get(root) ?? 0) + bytes)
  }
  const rows: PackageSize[] = [...sizes].map(([name, bytes]) => ({ name, bytes, limit: PACKAGE_LIMIT }))
  rows.push({ name: 'total', bytes: rows.reduce((s, r) => s + r.bytes, 0), limit: TOTAL_LIMIT })
  return rows
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

export function formatTable(rows: PackageSize[]): string {
  const lines = [
    ['package', 'size', 'limit', 'used'],
    ...rows.map((r) => [r.name, kb(r.bytes), kb(r.limit), `${((r.bytes / r.limit) * 100).toFixed(1)}%`]),
  ]
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)))
  return lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n')
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'dist', 'weapp')
  if (!fs.existsSync(path.join(dir, 'app.json'))) {
    console.error('dist/weapp is missing: run `NODE_ENV=production npm run build:weapp` first')
    process.exit(1)
  }
  const rows = measure(dir)
  console.log(formatTable(rows))
  const main = rows.find((r) => r.name === 'main')!
  console.log(`main package target ${kb(MAIN_TARGET)}: ${main.bytes <= MAIN_TARGET ? 'within' : 'OVER'}`)
  const over = rows.filter((r) => r.bytes > r.limit)
  if (over.length) {
    console.error(`over the WeChat limit: ${over.map((r) => r.name).join(', ')}`)
    process.exit(1)
  }
}
