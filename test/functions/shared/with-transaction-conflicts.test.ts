/**
 * withTransaction under CloudBase's rule that a conflicting write fails at the write (docs/platform-facts.md,
 * "Checked in December 2026"; WeChat guide 云开发 › 数据库 › 事务: "其他事务的写入会直接失败"). Through wx-server-sdk
 * such a failure is errCode -501001 with the server's message; it must be retried, never read as a duplicate.
 */
import { db, isDuplicateKey, isTransactionConflict, withTransaction } from '../../../cloudfunctions/src/shared/db'
import { startFunctions, type FunctionsHarness } from '../../support/functions'

let h: FunctionsHarness
const META = 'sys_meta'
const n = async (id: string) => ((await h.emu.db.find(META, { _id: id }))[0] as { n?: number } | undefined)?.n
const inc = (tx: { collection: ReturnType<typeof db>['collection'] }, id: string, by: number) =>
  tx
    .collection(META)
    .doc(id)
    .update({ data: { n: db().command.inc(by) } })

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())

describe('withTransaction and conflicts at the write', () => {
  it('should see a conflict, not a duplicate key, in the error of a write to a document another transaction holds', async () => {
    await h.emu.db.insert(META, [{ _id: 'wtx-held', n: 0 }])
    const holder = await db().startTransaction()
    await inc(holder, 'wtx-held', 1)
    const other = await db().startTransaction()
    const err = await inc(other, 'wtx-held', 1).then(
      () => undefined,
      (e: unknown) => e,
    )
    await holder.rollback()
    expect(err).toMatchObject({ errCode: -501001 })
    expect(isTransactionConflict(err)).toBe(true)
    expect(isDuplicateKey(err)).toBe(false)
  })

  it('should retry the callback when its write conflicts with an open transaction, and commit once', async () => {
    await h.emu.db.insert(META, [{ _id: 'wtx-locked', n: 0 }])
    const holder = await db().startTransaction()
    await inc(holder, 'wtx-locked', 10)
    let attempts = 0
    await withTransaction(async (tx) => {
      attempts++
      if (attempts === 2) await holder.commit()
      await inc(tx, 'wtx-locked', 1)
    })
    expect(attempts).toBe(2)
    expect(await n('wtx-locked')).toBe(11)
  })

  it('should retry the callback when its document changed after the snapshot, and lose neither update', async () => {
    await h.emu.db.insert(META, [{ _id: 'wtx-changed', n: 0 }])
    let attempts = 0
    await withTransaction(async (tx) => {
      attempts++
      const seen = (await tx.collection(META).doc('wtx-changed').get()) as unknown as { data: { n: number } }
      if (attempts === 1) await inc(db(), 'wtx-changed', 100)
      await tx
        .collection(META)
        .doc('wtx-changed')
        .update({ data: { n: seen.data.n + 1 } })
    })
    expect(attempts).toBe(2)
    expect(await n('wtx-changed')).toBe(101)
  })

  it('should keep nothing of a conflicting attempt: its earlier write neither commits nor blocks the retry', async () => {
    await h.emu.db.insert(META, [
      { _id: 'wtx-a', n: 0 },
      { _id: 'wtx-b', n: 0 },
    ])
    const holder = await db().startTransaction()
    await inc(holder, 'wtx-b', 1)
    let attempts = 0
    await withTransaction(async (tx) => {
      attempts++
      if (attempts === 2) await holder.commit()
      await inc(tx, 'wtx-a', 1)
      await inc(tx, 'wtx-b', 1)
    })
    expect(attempts).toBe(2)
    expect([await n('wtx-a'), await n('wtx-b')]).toEqual([1, 2])
  })
})
