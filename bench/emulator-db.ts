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

/** Runs as many iterations as fit in about two seconds (at least 20, at most 2,000), judged from one warm call. */
async function measureFor(name: string, op: (i: number) => Promise<unknown>): Promise<Row> {
  await op(0) // the first query of a collection builds its index
  const t0 = process.hrtime.bigint()
  await op(1)
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  return measure(name, Math.max(20, Math.min(2000, Math.floor(2000 / Math.max(ms, 0.001)))), op)
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

const PAGED_DOCS = 100_000
const PAGED_GROUPS = 1_000

/** The same 100,000 documents in 1,000 groups, in a collection with a matching index and in one without, and the 100,000 members they join to. */
async function seedPaged(emu: Awaited<ReturnType<typeof startEmulatorSdk>>): Promise<void> {
  for (const name of ['paged', 'paged_scan']) {
    for (let batch = 0; batch < PAGED_DOCS / 1000; batch++) {
      const docs = Array.from({ length: 1000 }, (_v, i) => {
        const n = batch * 1000 + i
        return {
          _id: `d${n}`,
          group: n % PAGED_GROUPS,
          rank: (n * 7919) % PAGED_DOCS,
          name: `用户${n}`,
          memberId: `m${(n * 31) % PAGED_DOCS}`,
        }
      })
      await emu.db.insert(name, docs)
    }
  }
  for (let batch = 0; batch < PAGED_DOCS / 1000; batch++) {
    const members = Array.from({ length: 1000 }, (_v, i) => ({ _id: `m${batch * 1000 + i}`, nickname: `用户${batch * 1000 + i}` }))
    await emu.db.insert('paged_members', members)
  }
}

/** A page query (`where(group) + orderBy(rank desc) + limit(20)`) with and without an index, through the SDK. */
async function indexRows(): Promise<Row[]> {
  const emu = await startEmulatorSdk({
    extraCollections: [
      { name: 'paged', indexes: [{ name: 'group_rank', keys: { group: 1, rank: -1 } }] },
      { name: 'paged_scan', indexes: [] },
      { name: 'paged_members', indexes: [] },
    ],
  })
  try {
    await seedPaged(emu)
    const db = emu.database()
    const _ = db.command
    const label = (name: string) => (name === 'paged' ? 'index' : 'scan')
    const page = (name: string) => (i: number) =>
      db
        .collection(name)
        .where({ group: (i * 37) % PAGED_GROUPS })
        .orderBy('rank', 'desc')
        .limit(20)
        .get()
    const cursorPage = (name: string) => (i: number) =>
      (db.collection(name) as unknown as { aggregate(): AggregatePipeline })
        .aggregate()
        .match({ group: (i * 37) % PAGED_GROUPS, rank: _.lt(50_000) })
        .sort({ rank: -1 })
        .limit(21)
        .end()
    // a page joined to its members, as the camp boards and the review queue do
    const joinedPage = (i: number) =>
      (db.collection('paged') as unknown as { aggregate(): AggregatePipeline })
        .aggregate()
        .match({ group: (i * 37) % PAGED_GROUPS })
        .sort({ rank: -1 })
        .limit(20)
        .lookup({ from: 'paged_members', localField: 'memberId', foreignField: '_id', as: 'member' })
        .end()
    const direct = (name: string) => (i: number) => emu.db.find(name, { group: (i * 37) % PAGED_GROUPS }, { sort: { rank: -1 }, limit: 20 })
    const rows: Row[] = []
    // SDK rows first: a long stretch without HTTP traffic lets the server drop the SDK's idle keep-alive socket
    for (const name of ['paged', 'paged_scan']) {
      rows.push(await measureFor(`where().orderBy().limit(20), 100k docs / 1k groups (${label(name)})`, page(name)))
      rows.push(await measureFor(`aggregate match(lt)+sort+limit(21), 100k docs (${label(name)})`, cursorPage(name)))
    }
    rows.push(await measureFor('aggregate match+sort+limit(20)+lookup on _id, 100k foreign docs', joinedPage))
    for (const name of ['paged', 'paged_scan'])
      rows.push(await measureFor(`LocalDatabase.find page, 100k docs (${label(name)})`, direct(name)))
    return rows
  } finally {
    await emu.close()
  }
}

interface AggregatePipeline {
  match(q: object): AggregatePipeline
  sort(s: object): AggregatePipeline
  limit(n: number): AggregatePipeline
  lookup(l: object): AggregatePipeline
  end(): Promise<unknown>
}

export async function benchEmulatorDb(): Promise<Row[]> {
  return [...(await sdkRows()), ...(await indexRows()), ...(await reloadRows())]
}
