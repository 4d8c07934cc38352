/**
 * Transactions as CloudBase runs them, through the unchanged wx-server-sdk.
 *
 * Sources:
 * - WeChat guide 云开发 › 数据库 › 事务 (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html):
 *   "事务锁：如果对象上存在事务锁，那么：1. 其他事务的写入会直接失败" and "在事务中不支持批量操作（where 语句），只支持
 *   单记录操作（collection.doc, collection.add）".
 * - docs/platform-facts.md, "Checked in December 2026": a write to a document another open transaction wrote, or one
 *   changed after the snapshot, fails at the write with DATABASE_TRANSACTION_CONFLICT.
 * - @cloudbase/database 1.4.3 (pinned by wx-server-sdk 4.0.2), dist/commonjs/query.js: where().get() and
 *   updateAndReturn() send the transactionId, where().update(), remove() and count() do not; document.js: doc()
 *   operations send `queryType: 'DOC'` and `{_id}`. wx-server-sdk maps a code it does not know (the conflict) to
 *   errCode -501001 and keeps the server's message (index.js, maybeTransformError / toSDKError).
 * - The snapshot starts at the transaction's first operation: MongoDB (CloudBase's document database) starts a
 *   transaction's snapshot with its first command, not when it is opened; CloudBase's docs do not say otherwise.
 */
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const db = () => emu.database()
const _ = () => db().command
const docs = () => db().collection('docs')
const value = async (id: string) => ((await emu.db.find('docs', { _id: id }))[0] as { n?: number } | undefined)?.n
const CONFLICT = { errCode: -501001, message: expect.stringMatching(/DATABASE_TRANSACTION_CONFLICT/) }
const REFUSED = { errCode: -501007, message: expect.stringMatching(/not a where\(\) query/) }

beforeAll(async () => {
  emu = await startEmulatorSdk({
    extraCollections: [{ name: 'docs', indexes: [] }],
    database: { lockWaitMs: 1_000, transactionTimeoutMs: 30_000 },
  })
})
afterAll(() => emu.close())

describe('a write conflict fails at the write', () => {
  it('should fail the write itself to a document another open transaction wrote, and let the holder commit', async () => {
    await emu.db.insert('docs', [{ _id: 'locked', n: 0 }])
    const holder = await db().startTransaction()
    await holder
      .collection('docs')
      .doc('locked')
      .update({ data: { n: _().inc(10) } })
    const loser = await db().startTransaction()
    await expect(
      loser
        .collection('docs')
        .doc('locked')
        .update({ data: { n: _().inc(1) } }),
    ).rejects.toMatchObject(CONFLICT)
    await holder.commit()
    expect(await value('locked')).toBe(10)
  })

  it('should fail the write to a document changed after the snapshot and keep the committed value', async () => {
    await emu.db.insert('docs', [{ _id: 'changed', n: 0 }])
    const tx = await db().startTransaction()
    await tx.collection('docs').doc('changed').get()
    await docs()
      .doc('changed')
      .update({ data: { n: 5 } })
    await expect(
      tx
        .collection('docs')
        .doc('changed')
        .update({ data: { n: 1 } }),
    ).rejects.toMatchObject(CONFLICT)
    expect(await value('changed')).toBe(5)
  })

  it('should end the transaction on a conflict: its earlier writes are dropped, its locks freed, its commit refused', async () => {
    await emu.db.insert('docs', [
      { _id: 'first', n: 0 },
      { _id: 'contested', n: 0 },
    ])
    const holder = await db().startTransaction()
    await holder
      .collection('docs')
      .doc('contested')
      .update({ data: { n: 1 } })
    const tx = await db().startTransaction()
    await tx
      .collection('docs')
      .doc('first')
      .update({ data: { n: 99 } })
    await expect(
      tx
        .collection('docs')
        .doc('contested')
        .update({ data: { n: 2 } }),
    ).rejects.toMatchObject(CONFLICT)
    // the lock on `first` is gone: a plain write goes through at once (the lock wait would time out otherwise)
    await docs()
      .doc('first')
      .update({ data: { n: 3 } })
    await expect(tx.collection('docs').doc('first').get()).rejects.toMatchObject(CONFLICT)
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    await holder.commit()
    expect([await value('first'), await value('contested')]).toEqual([3, 1])
  })

  it("should not be retried by the SDK's runTransaction, which retries only a conflict that keeps its code (the commit's)", async () => {
    await emu.db.insert('docs', [{ _id: 'sdk-retry', n: 0 }])
    const holder = await db().startTransaction()
    await holder
      .collection('docs')
      .doc('sdk-retry')
      .update({ data: { n: 1 } })
    let attempts = 0
    const run = db().runTransaction(async (t) => {
      attempts++
      await t
        .collection('docs')
        .doc('sdk-retry')
        .update({ data: { n: _().inc(1) } })
    })
    await expect(run).rejects.toMatchObject(CONFLICT)
    expect(attempts).toBe(1)
    await holder.rollback()
    expect(await value('sdk-retry')).toBe(0)
  })
})

describe('the snapshot starts at the first operation', () => {
  it('should see a change committed between startTransaction and its first operation, and write over it', async () => {
    await emu.db.insert('docs', [{ _id: 'late-start', n: 0 }])
    const tx = await db().startTransaction()
    await docs()
      .doc('late-start')
      .update({ data: { n: 4 } })
    expect((await tx.collection('docs').doc('late-start').get()).data).toEqual({ _id: 'late-start', n: 4 })
    await tx
      .collection('docs')
      .doc('late-start')
      .update({ data: { n: _().inc(1) } })
    await tx.commit()
    expect(await value('late-start')).toBe(5)
  })

  it('should keep the snapshot of its first operation against a change committed after it', async () => {
    await emu.db.insert('docs', [
      { _id: 'first-op', n: 0 },
      { _id: 'after-first', n: 0 },
    ])
    const tx = await db().startTransaction()
    await tx.collection('docs').doc('first-op').get()
    await docs()
      .doc('after-first')
      .update({ data: { n: 8 } })
    expect((await tx.collection('docs').doc('after-first').get()).data).toEqual({ _id: 'after-first', n: 0 })
    await tx.rollback()
  })
})

describe('where() inside a transaction', () => {
  beforeAll(async () => {
    await emu.db.insert('docs', [
      { _id: 'w1', n: 1, tag: 'w' },
      { _id: 'w2', n: 2, tag: 'w' },
    ])
  })

  it('should refuse a where().get() that carries the transactionId, by field or by _id', async () => {
    const tx = await db().startTransaction()
    await expect(tx.collection('docs').where({ tag: 'w' }).get()).rejects.toMatchObject(REFUSED)
    await expect(tx.collection('docs').where({ _id: 'w1' }).get()).rejects.toMatchObject(REFUSED)
    await expect(
      tx
        .collection('docs')
        .where({ _id: _().in(['w1', 'w2']) })
        .get(),
    ).rejects.toMatchObject(REFUSED)
    // the refusal is of that operation only: doc() reads and writes go on and commit
    expect((await tx.collection('docs').doc('w1').get()).data).toMatchObject({ n: 1 })
    await tx
      .collection('docs')
      .doc('w1')
      .update({ data: { n: 10 } })
    await tx.commit()
    expect(await value('w1')).toBe(10)
  })

  it('should refuse a where().updateAndReturn() that carries the transactionId and change nothing', async () => {
    // wx-server-sdk does not expose updateAndReturn; @cloudbase/node-sdk (which it wraps) sends it with the id
    type Where = { updateAndReturn(data: object): Promise<unknown> }
    type RawTx = { collection(name: string): { where(q: object): Where }; commit(): Promise<unknown> }
    const tcb = require('@cloudbase/node-sdk') as { init(c: object): { database(): { startTransaction(): Promise<RawTx> } } }
    const tx = await tcb.init({ env: 'local' }).database().startTransaction()
    await expect(tx.collection('docs').where({ tag: 'w' }).updateAndReturn({ n: 77 })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringMatching(/not a where\(\) query/),
    })
    await tx.commit()
    expect(await value('w2')).toBe(2)
  })

  it('should run where().remove() and count() outside the transaction, as the SDK sends them without its id', async () => {
    await emu.db.insert('docs', [{ _id: 'gone', tag: 'remove-me' }])
    const tx = await db().startTransaction()
    expect((await tx.collection('docs').where({ tag: 'remove-me' }).count()).total).toBe(1)
    await tx.collection('docs').where({ tag: 'remove-me' }).remove()
    await tx.rollback()
    expect(await emu.db.count('docs', { _id: 'gone' })).toBe(0)
  })
})
