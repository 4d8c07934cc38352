import { spawn } from 'child_process'
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { EmulatorClock } from '../../../emulator/core/clock'
import { LocalDatabase } from '../../../emulator/db'

const clock = new EmulatorClock()
let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-db-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const open = (extra: { compactEveryCommits?: number } = {}) => LocalDatabase.open({ clock, dataDir: dir, ...extra })
const logFile = () => path.join(dir, 'commits.jsonl')

async function seeded(): Promise<LocalDatabase> {
  const db = await open()
  await db.migrate([{ name: 'things', indexes: [{ name: 'code_unique', keys: { code: 1 }, unique: true }] }])
  await db.insert('things', [
    { _id: 't1', code: 'a', at: new Date(5), nested: { list: [1, 2.5, 'x'] } },
    { _id: 't2', code: 'b' },
  ])
  return db
}

describe('durable mode', () => {
  it('should hold the same data after close and reopen', async () => {
    await (await seeded()).close()
    const db = await open()
    expect(await db.find('things', {}, { sort: { _id: 1 } })).toEqual([
      { _id: 't1', code: 'a', at: new Date(5), nested: { list: [1, 2.5, 'x'] } },
      { _id: 't2', code: 'b' },
    ])
    await db.close()
  })

  it('should keep unique indexes across a reopen', async () => {
    await (await seeded()).close()
    const db = await open()
    await expect(db.insert('things', [{ code: 'a' }])).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    await db.close()
  })

  it('should hold the same data after compaction and reopen', async () => {
    const db = await seeded()
    await db.compact()
    expect(fs.readFileSync(logFile(), 'utf8')).toBe('')
    await db.insert('things', [{ _id: 't3', code: 'c' }])
    await db.close()
    const again = await open()
    expect(await again.count('things')).toBe(3)
    await again.close()
  })

  it('should drop a torn last line and load the commits before it', async () => {
    await (await seeded()).close()
    const full = fs.readFileSync(logFile(), 'utf8')
    const extra = '{"s":99,"m":[{"put":"things","doc":{"_id":"t9","code":"z"}}]}\n'
    fs.writeFileSync(logFile(), full + extra.slice(0, 30))
    const db = await open()
    expect(await db.count('things')).toBe(2)
    await db.insert('things', [{ _id: 't4', code: 'd' }])
    await db.close()
    const again = await open()
    expect(await again.count('things')).toBe(3)
    await again.close()
  })

  it('should keep the prefix before a garbage line appended to the log', async () => {
    await (await seeded()).close()
    fs.appendFileSync(logFile(), 'garbage that is not json\n')
    const db = await open()
    expect(await db.count('things')).toBe(2)
    await db.close()
  })

  it('should leave a store holding a prefix of the commits when killed with SIGKILL mid-write', async () => {
    // node itself runs the loop (tsx as a loader, not a wrapper process) so SIGKILL hits the writer
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures/write-loop.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let acknowledged = -1
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n')
        acknowledged = Number(lines[lines.length - 1])
        if (acknowledged >= 400) {
          child.kill('SIGKILL')
          resolve()
        }
      })
    })
    await new Promise((r) => child.once('exit', r))
    const db = await open()
    const docs = (await db.find('loop', {}, { sort: { i: 1 } })) as { i: number }[]
    expect(docs.length).toBeGreaterThanOrEqual(acknowledged + 1)
    expect(docs.map((d) => d.i)).toEqual(Array.from({ length: docs.length }, (_v, i) => i))
    await db.close()
  }, 30_000)
})

describe('in-memory mode', () => {
  it('should write no files', async () => {
    const db = await LocalDatabase.open({ clock })
    await db.migrate([{ name: 'mem', indexes: [] }])
    await db.insert('mem', [{ a: 1 }])
    expect(db.stats()).toEqual({ collections: 1, documents: 1 })
    expect(fs.readdirSync(dir)).toEqual([])
    await db.close()
  })
})
