/**
 * WeChat's own compiler (miniprogram-ci, extracted from DevTools) runs offline with DefaultProjectAttr and a throwaway
 * key (../shared/docs/platform-facts.md, "Checked in December 2026"). A tiny mini program stands in for the app build,
 * which `npm test` checks in its own step. The check runs as the CLI does, in a child process: miniprogram-ci leaves
 * file watchers behind that only an exit ends.
 */
import { execFile } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { failedChecks } from '../../scripts/weapp/compile-check'

const ROOT = path.join(__dirname, '..', '..')
const FIXTURE = path.join(__dirname, 'fixtures', 'tiny-weapp')
let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiny-weapp-'))
  fs.cpSync(FIXTURE, dir, { recursive: true })
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const runCheck = () =>
  new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      // The tsx CLI, not `node --import tsx`: the compiler's forked process dies under the latter.
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(ROOT, 'scripts', 'weapp-compile-check.ts'), dir],
      { cwd: ROOT, timeout: 100_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}\n${stderr}` }),
    )
  })
const setSetting = (patch: Record<string, boolean>) => {
  const file = path.join(dir, 'project.config.json')
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { setting: Record<string, boolean> }
  fs.writeFileSync(file, JSON.stringify({ ...config, setting: { ...config.setting, ...patch } }))
}

describe('WeChat compile check', () => {
  it('should compile offline and pass every code-quality check with compression on', async () => {
    const { code, out } = await runCheck()
    expect(out).toMatch(/WeChat compiler: \d+ files compiled/)
    expect(out).toContain('pass  JS_COMPRESS_OPEN')
    expect(out).toContain('pass  PACKAGE_SIZE_LIMIT')
    expect(code).toBe(0)
  }, 120_000)

  it('should fail on the compression checks that project.config.json turns off', async () => {
    setSetting({ minified: false, minifyWXSS: false })
    const { code, out } = await runCheck()
    expect(out).toContain('code-quality check(s) failed: JS_COMPRESS_OPEN, WXSS_COMPRESS_OPEN')
    expect(code).toBe(1)
  }, 120_000)

  it('should fail on a compile error', async () => {
    fs.writeFileSync(path.join(dir, 'app.json'), '{ "pages": ["pages/missing/index"] }')
    const { code, out } = await runCheck()
    expect(out).toContain('WeChat compiler failed')
    expect(code).toBe(1)
  }, 120_000)

  it('should count only unsuccessful checks as failures', () => {
    expect(
      failedChecks([
        { name: 'A', success: true, text: '' },
        { name: 'B', success: false, text: 'off' },
      ]).map((c) => c.name),
    ).toEqual(['B'])
  })
})
