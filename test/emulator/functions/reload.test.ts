import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { startHarness, type Harness } from './harness'

/** A function that needs no SDK, so it can live in a temporary directory. */
function writeVersion(dir: string, version: number): void {
  fs.mkdirSync(path.join(dir, 'versioned'), { recursive: true })
  const file = path.join(dir, 'versioned', 'index.js')
  fs.writeFileSync(file, `exports.main = async () => ({ version: ${version} })\n`)
  // Some filesystems keep mtime at second granularity: make each version's mtime distinct.
  const t = new Date(Date.now() + version * 1000)
  fs.utimesSync(file, t, t)
}

describe('hot reload', () => {
  let dir: string
  let h: Harness
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fn-reload-'))
    writeVersion(dir, 1)
    h = await startHarness({ functionsDir: dir })
  })
  afterEach(async () => {
    await h.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('should load a changed bundle on the next invocation', async () => {
    expect((await h.runtime.invoke('versioned', {}, {})).result).toEqual({ version: 1 })
    writeVersion(dir, 2)
    expect((await h.runtime.invoke('versioned', {}, {})).result).toEqual({ version: 2 })
  })

  it('should load the bundle afresh after reload() even when its mtime did not change', async () => {
    const file = path.join(dir, 'versioned', 'index.js')
    const { mtime } = fs.statSync(file)
    await h.runtime.invoke('versioned', {}, {})
    fs.writeFileSync(file, 'exports.main = async () => ({ version: 3 })\n')
    fs.utimesSync(file, mtime, mtime)
    h.runtime.reload()
    expect((await h.runtime.invoke('versioned', {}, {})).result).toEqual({ version: 3 })
  })

  it('should default the timeout to 3 seconds when there is no config.json', () => {
    expect(h.runtime.list()).toEqual([{ name: 'versioned', timeoutSec: 3, openapi: [], triggers: [] }])
  })
})
