/**
 * Emulator database benchmark: each operation goes through the real wx-server-sdk
 * over loopback HTTP, one call at a time (latency, not throughput under load),
 * plus the reload time of a 100,000-document durable store.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { EmulatorClock } from '../emulator/core/clock'
import { LocalDatabase } from '../emulator/db'
import { startEmulatorSdk } from '../test/support/emulator-sdk'

export type Row = Record<string, string | number>

const round = (n: number) => Math.round(n * 1000) / 1000

async function measure(name: string, iterations: number, op: (i: number) => Promise<unknown>): Promise<Row> {
  for (let i = 0; i < Math.min(100, iterations); i++) await op(i)
  const times: number[] = []
  const started = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint()
    await op(i)
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6
  times.sort((a, b) => a - b)
  return {
    benchmark: name,
    iterations,
    opsPerSec: Math.round((iterations / totalMs) * 1000),
    p50Ms: round(times[Math.floor(times.length * 0.5)]),
    p95Ms: round(times[Math.floor(times.length * 0.95)]),
  }
}

async function sdkRows(): Promise<Row[]> {
  const emu = await startEmulatorSdk({ extraCollections: [{ name: 'bench', indexes: [] }] })
  try {
    const db = emu.database()
    const _ = db.command
    const bench = db.collection('bench')
    await emu.db.insert(
      'bench',
      Array.from({ length: 1000 }, (_v, i) => ({ _id: `b${i}`, i, group: i % 10, n: 0 })),
    )
    const rows: Row[] = []
    rows.push(await measure('doc().get()', 2000, (i) => bench.doc(`b${i % 1000}`).get()))
    rows.push(await measure('add()', 2000, (i) => bench.add({ data: { i, group: 99, at: db.serverDate() } })))
    rows.push(await measure('doc().update() with _.inc', 2000, (i) => bench.doc(`b${i % 1000}`).update({ data: { n: _.inc(1) } })))
    rows.push(
      await measure('where().limit(20).get() over ~3k docs', 1000, (i) =>
        bench
          .where({ group: i % 10 })
          .limit(20)
          .get(),
      ),
    )
    rows.push(await measure('where().count()', 1000, (i) => bench.where({ group: i % 10 }).count()))
    rows.push(
      await measure('runTransaction moving 1 between 2 docs', 500, (i) =>
        db.runTransaction(async (t) => {
          await t
            .collection('bench')
            .doc(`b${i % 500}`)
            .update({ data: { n: _.inc(-1) } })
          await t
            .collection('bench')
            .doc(`b${500 + (i % 500)}`)
            .update({ data: { n: _.inc(1) } })
        }),
      ),
    )
    return rows
  } finally {
    await emu.close()
  }
}

async function reloadRows(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-db-bench-'))
  const clock = new EmulatorClock()
  try {
    const db = await LocalDatabase.open({ clock, dataDir: dir, compactEveryCommits: 1_000_000 })
    await db.migrate([{ name: 'big', indexes: [{ name: 'code_unique', keys: { code: 1 }, unique: true }] }])
    for (let batch = 0; batch < 100; batch++) {
      const docs = Array.from({ length: 1000 }, (_v, i) => {
        const n = batch * 1000 + i
        return { code: `c${n}`, n, name: `用户${n}`, at: new Date(1_700_000_000_000 + n), tags: ['a', 'b'], profile: { level: n % 7 } }
      })
      await db.insert('big', docs)
    }
    await db.close()
    const rows: Row[] = []
    const timeOpen = async (name: string) => {
      const t0 = process.hrtime.bigint()
      const reopened = await LocalDatabase.open({ clock, dataDir: dir })
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      const docs = reopened.stats().documents
      rows.push({
        benchmark: `${name} (${docs.toLocaleString('en')} docs)`,
        iterations: 1,
        opsPerSec: round(1000 / ms),
        p50Ms: round(ms),
        p95Ms: round(ms),
      })
      return reopened
    }
    const fromLog = await timeOpen('reload durable store from commit log')
    await fromLog.compact()
    await fromLog.close()
    await (await timeOpen('reload durable store from snapshot')).close()
    return rows
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchEmulatorDb(): Promise<Row[]> {
  return [...(await sdkRows()), ...(await reloadRows())]
}
