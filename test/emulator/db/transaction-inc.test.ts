/**
 * `_.inc` inside a transaction's doc().update, and an update of a document that does not exist there — what the
 * ledger's blind credits rely on (issue #12 item 9: an award without a balance read).
 *
 * Sources:
 * - WeChat reference Database.startTransaction (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/
 *   database/Database.startTransaction.html): the transfer example updates both accounts inside the transaction with
 *   `transaction.collection('account').doc('aaa').update({ data: { amount: _.inc(-10) } })`, and reads both documents
 *   first because an update does not fail when its document is missing.
 * - WeChat reference Document.update (…/reference-sdk-api/database/document/Document.update.html): stats.updated is
 *   "成功更新的记录数量，在此只可能会是 0 或 1" — a missing document answers 0, it is not an error.
 * - @cloudbase/database 1.4.3 (pinned by wx-server-sdk 4.0.2), dist/commonjs/document.js: a transaction's doc().update
 *   sends database.modifyDocument with the transactionId, `upsert: false`, `merge: true` and the `$inc` operator from
 *   UpdateSerializer; it answers `{ updated: res.data.updated }`. Without upsert, MongoDB (CloudBase's engine) matches
 *   nothing and creates nothing.
 */
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const db = () => emu.database()
const _ = () => db().command
const stored = async (id: string) => (await emu.db.find('wallets', { _id: id }))[0] as { n?: number; v?: number } | undefined
const updatedOf = (res: unknown) => {
  const r = res as { stats?: { updated?: number }; updated?: number }
  return r.stats?.updated ?? r.updated
}

beforeAll(async () => {
  emu = await startEmulatorSdk({
    extraCollections: [{ name: 'wallets', indexes: [] }],
    database: { lockWaitMs: 1_000, transactionTimeoutMs: 30_000 },
  })
})
afterAll(() => emu.close())

describe('_.inc inside a transaction', () => {
  it('should add to the committed value without a read, and only at commit', async () => {
    await emu.db.insert('wallets', [{ _id: 'w1', n: 10, v: 3 }])
    const tx = await db().startTransaction()
    const res = await tx
      .collection('wallets')
      .doc('w1')
      .update({ data: { n: _().inc(5), v: _().inc(1) } })
    expect(updatedOf(res)).toBe(1)
    expect(await stored('w1')).toEqual({ _id: 'w1', n: 10, v: 3 })
    await tx.commit()
    expect(await stored('w1')).toEqual({ _id: 'w1', n: 15, v: 4 })
  })

  it('should answer updated 0 for a document that does not exist, and create nothing at commit', async () => {
    const tx = await db().startTransaction()
    const res = await tx
      .collection('wallets')
      .doc('missing')
      .update({ data: { n: _().inc(5) } })
    expect(updatedOf(res)).toBe(0)
    await tx.commit()
    expect(await stored('missing')).toBeUndefined()
  })

  it('should let the same transaction create the document after the 0 (the ledger: a member’s first points)', async () => {
    const tx = await db().startTransaction()
    const res = await tx
      .collection('wallets')
      .doc('first')
      .update({ data: { n: _().inc(7) } })
    expect(updatedOf(res)).toBe(0)
    await tx
      .collection('wallets')
      .doc('first')
      .set({ data: { n: 7, v: 1 } })
    await tx.commit()
    expect(await stored('first')).toEqual({ _id: 'first', n: 7, v: 1 })
  })

  it('should fail the create when another transaction created the document after the snapshot (the retry then increments)', async () => {
    const late = await db().startTransaction()
    await late
      .collection('wallets')
      .doc('raced')
      .update({ data: { n: _().inc(2) } })
    const early = await db().startTransaction()
    await early
      .collection('wallets')
      .doc('raced')
      .set({ data: { n: 3, v: 1 } })
    await early.commit()
    await expect(
      late
        .collection('wallets')
        .doc('raced')
        .set({ data: { n: 2, v: 1 } }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/DATABASE_TRANSACTION_CONFLICT/) })
    expect(await stored('raced')).toEqual({ _id: 'raced', n: 3, v: 1 })
  })
})
