/**
 * Secondary indexes follow every committed change: plain writes, multi updates/removes,
 * transaction commits (not aborts), bulk loads and a durable reload. Each test reads through
 * the index (checked with explain) and compares with what the documents say.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { EmulatorClock } from '../../../emulator/core/clock'
import { LocalDatabase } from '../../../emulator/db'
import type { CollectionSpec } from '../../../cloudfunctions/src/schema/collections'
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

const SPEC: CollectionSpec = { name: 'board', indexes: [{ name: 'group_score', keys: { group: 1, score: -1 } }] }
type Row = { _id: string; group: string; score: number }

async function page(db: LocalDatabase, group: string, limit = 100): Promise<string[]> {
  expect(db.explain('board', { group }, { sort: { score: -1 }, limit })).toMatchObject({ mode: 'ordered', index: 'group_score' })
  const rows = (await db.find('board', { group }, { sort: { score: -1 }, limit })) as Row[]
  return rows.map((r) => r._id)
}

describe('index maintenance through the SDK', () => {
  let emu: EmulatorSdk
  const board = () => emu.database().collection('board')
  const _ = () => emu.database().command

  beforeEach(async () => {
    emu = await startEmulatorSdk({ extraCollections: [SPEC] })
    await emu.db.insert('board', [
      { _id: 'a', group: 'g', score: 1 },
      { _id: 'b', group: 'g', score: 2 },
      { _id: 'c', group: 'g', score: 3 },
      { _id: 'x', group: 'h', score: 9 },
    ])
    expect(await page(emu.db, 'g')).toEqual(['c', 'b', 'a']) // builds the index
  })
  afterEach(() => emu.close())

  it('should move a document whose sorted key changed', async () => {
    await board()
      .doc('a')
      .update({ data: { score: 10 } })
    expect(await page(emu.db, 'g')).toEqual(['a', 'c', 'b'])
  })

  it('should move a document to another prefix when its group changed', async () => {
    await board()
      .doc('x')
      .update({ data: { group: 'g' } })
    expect(await page(emu.db, 'g')).toEqual(['x', 'c', 'b', 'a'])
    expect(await page(emu.db, 'h')).toEqual([])
  })

  it('should follow a multi update and a multi remove', async () => {
    await board()
      .where({ group: 'g', score: _().gte(2) })
      .update({ data: { score: _().inc(-2) } })
    expect(await page(emu.db, 'g')).toEqual(['a', 'c', 'b'])
    await board()
      .where({ group: 'g', score: _().lt(1) })
      .remove()
    expect(await page(emu.db, 'g')).toEqual(['a', 'c'])
  })

  it('should drop a removed document and place a re-added one after its ties', async () => {
    await board().doc('b').remove()
    await board().add({ data: { _id: 'b', group: 'g', score: 3 } })
    // mingo keeps ties in collection order and a re-added document goes last
    expect(await page(emu.db, 'g')).toEqual(['c', 'b', 'a'])
    await board().doc('c').remove()
    expect(await page(emu.db, 'g')).toEqual(['b', 'a'])
    expect(emu.db.explain('board', { group: 'g' })).toMatchObject({ mode: 'index', candidates: 2 })
  })

  it('should see a transaction’s writes after commit only', async () => {
    const tx = await emu.database().startTransaction()
    await tx
      .collection('board')
      .doc('a')
      .update({ data: { score: 50 } })
    await tx
      .collection('board')
      .doc('n')
      .set({ data: { group: 'g', score: 40 } })
    // inside a transaction only doc() reads are allowed (where() is refused: transaction-conflicts.test.ts)
    const inside = await Promise.all(['a', 'n'].map((id) => tx.collection('board').doc(id).get()))
    expect(inside.map((r) => (r as unknown as { data: Row }).data.score)).toEqual([50, 40])
    expect(await page(emu.db, 'g')).toEqual(['c', 'b', 'a'])
    await tx.commit()
    expect(await page(emu.db, 'g')).toEqual(['a', 'n', 'c', 'b'])
  })

  it('should leave the index untouched by an aborted transaction', async () => {
    const tx = await emu.database().startTransaction()
    await tx
      .collection('board')
      .doc('a')
      .update({ data: { score: 50 } })
    await tx.collection('board').doc('b').remove()
    await tx.rollback()
    expect(await page(emu.db, 'g')).toEqual(['c', 'b', 'a'])
  })

  it('should serve a leaderboard aggregate page by cursor', async () => {
    const res = (await (board() as unknown as { aggregate(): AggregateChain })
      .aggregate()
      .match({ group: 'g', score: _().lt(3) })
      .sort({ score: -1 })
      .limit(1)
      .end()) as { list: Row[] }
    expect(res.list.map((r) => r._id)).toEqual(['b'])
  })

  it('should count through the index', async () => {
    expect(
      await board()
        .where({ group: 'g', score: _().gt(1) })
        .count(),
    ).toMatchObject({ total: 2 })
  })
})

interface AggregateChain {
  match(q: object): AggregateChain
  sort(s: object): AggregateChain
  limit(n: number): AggregateChain
  end(): Promise<unknown>
}

describe('index maintenance on bulk loads and reloads', () => {
  it('should rebuild after a bulk insert larger than the incremental threshold', async () => {
    const db = await LocalDatabase.open({ clock: new EmulatorClock() })
    await db.migrate([SPEC])
    await db.insert('board', [{ _id: 'first', group: 'g', score: 0 }])
    expect(await page(db, 'g')).toEqual(['first'])
    await db.insert(
      'board',
      Array.from({ length: 1000 }, (_v, i) => ({ _id: `r${i}`, group: i % 2 ? 'g' : 'h', score: i })),
    )
    expect((await page(db, 'g', 3)).concat(await page(db, 'h', 2))).toEqual(['r999', 'r997', 'r995', 'r998', 'r996'])
    expect(await db.count('board', { group: 'g' })).toBe(501)
    await db.close()
  })

  it('should answer from the index after a durable reload', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-db-index-'))
    try {
      const clock = new EmulatorClock()
      const first = await LocalDatabase.open({ clock, dataDir: dir })
      await first.migrate([SPEC])
      await first.insert('board', [
        { _id: 'a', group: 'g', score: 1 },
        { _id: 'b', group: 'g', score: 2 },
      ])
      expect(await page(first, 'g')).toEqual(['b', 'a'])
      await first.close()
      const again = await LocalDatabase.open({ clock, dataDir: dir })
      expect(await page(again, 'g')).toEqual(['b', 'a'])
      await again.compact()
      await again.close()
      const fromSnapshot = await LocalDatabase.open({ clock, dataDir: dir })
      expect(await page(fromSnapshot, 'g')).toEqual(['b', 'a'])
      await fromSnapshot.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('should index documents stored before the index was created', async () => {
    const db = await LocalDatabase.open({ clock: new EmulatorClock() })
    await db.migrate([{ name: 'board', indexes: [] }])
    await db.insert('board', [
      { _id: 'a', group: 'g', score: 1 },
      { _id: 'b', group: 'g', score: 2 },
    ])
    await db.migrate([SPEC])
    expect(await page(db, 'g')).toEqual(['b', 'a'])
    await db.close()
  })
})
