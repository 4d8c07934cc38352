import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { measure, PACKAGE_LIMIT, TOTAL_LIMIT } from '../../scripts/size'

function fakeBuild(files: Record<string, number>, subPackages: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'size-'))
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages: [], subPackages: subPackages.map((root) => ({ root, pages: [] })) }))
  for (const [rel, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), Buffer.alloc(bytes))
  }
  return dir
}

describe('size report', () => {
  it('should count files under a subpackage root to that subpackage and the rest to the main package', () => {
    const dir = fakeBuild(
      { 'app.js': 1000, 'features/a/pages/x.js': 300, 'features/ab.js': 50, 'project.config.json': 999, 'x.js.map': 5000 },
      ['features/a'],
    )
    const rows = Object.fromEntries(measure(dir).map((r) => [r.name, r]))
    const appJson = fs.statSync(path.join(dir, 'app.json')).size
    expect(rows.main.bytes).toBe(1000 + 50 + appJson)
    expect(rows['features/a'].bytes).toBe(300)
    expect(rows.total.bytes).toBe(1350 + appJson)
    expect(rows.main.limit).toBe(PACKAGE_LIMIT)
    expect(rows.total.limit).toBe(TOTAL_LIMIT)
  })
})
