import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const db = () => emu.database()
const _ = () => db().command
const counters = () => db().collection('counters')
const value = async (id: string) => ((await emu.db.find('counters', { _id: id }))[0] as { n?: number } | undefined)?.n

beforeAll(async () => {
  emu = await startEmulatorSdk({
    extraCollections: [{ name: 'counters', indexes: [] }],
    database: { lockWaitMs: 1_000, transactionTimeoutMs: 30_000 },
  })
})
afterAll(() => emu.close())

describe('transactions through the real SDK', () => {
  it('should lose no update when 20 read-modify-write transactions race on one document', async () => {
    await emu.db.insert('counters', [{ _id: 'race', n: 0 }])
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db().runTransaction(async (t) => {
          const { data } = await t.collection('counters').doc('race').get()
          await t
            .collection('counters')
            .doc('race')
            .update({ data: { n: (data as { n: number }).n + 1 } })
        }),
      ),
    )
    const committed = results.filter((r) => r.status === 'fulfilled').length
    expect(committed).toBeGreaterThan(0)
    expect(await value('race')).toBe(committed)
  })

  it('should let every one of 20 racing transactions commit when the caller retries conflicts', async () => {
    await emu.db.insert('counters', [{ _id: 'race2', n: 0 }])
    const incrementWithRetry = async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await db().runTransaction(async (t) => {
            await t
              .collection('counters')
              .doc('race2')
              .update({ data: { n: _().inc(1) } })
          })
        } catch (err) {
          // a conflict at the write arrives as errCode -501001 with the code in its message (db-errors.ts)
          if (!/DATABASE_TRANSACTION_CONFLICT/.test(String((err as Error).message)) || attempt > 50) throw err
        }
      }
    }
    await Promise.all(Array.from({ length: 20 }, incrementWithRetry))
    expect(await value('race2')).toBe(20)
  })

  it('should discard writes on abort', async () => {
    await emu.db.insert('counters', [{ _id: 'abort', n: 1 }])
    const tx = await db().startTransaction()
    await tx
      .collection('counters')
      .doc('abort')
      .update({ data: { n: 99 } })
    await tx.collection('counters').add({ data: { _id: 'abort-new' } })
    await tx.rollback()
    expect(await value('abort')).toBe(1)
    expect(await emu.db.count('counters', { _id: 'abort-new' })).toBe(0)
  })

  it('should discard writes and reject with the reason when the callback rolls back', async () => {
    await emu.db.insert('counters', [{ _id: 'rb', n: 1 }])
    const run = db().runTransaction(async (t) => {
      await t
        .collection('counters')
        .doc('rb')
        .update({ data: { n: 2 } })
      await t.rollback('not enough points')
    })
    await expect(run).rejects.toBe('not enough points')
    expect(await value('rb')).toBe(1)
  })

  it('should read the snapshot of its first operation plus its own writes', async () => {
    await emu.db.insert('counters', [
      { _id: 'snap', n: 1 },
      { _id: 'snap-own', n: 1 },
    ])
    const tx = await db().startTransaction()
    await tx
      .collection('counters')
      .doc('snap-own')
      .update({ data: { n: 7 } })
    await counters()
      .doc('snap')
      .update({ data: { n: 2 } })
    await emu.db.insert('counters', [{ _id: 'snap-late', n: 1 }])
    expect((await tx.collection('counters').doc('snap').get()).data).toEqual({ _id: 'snap', n: 1 })
    expect((await tx.collection('counters').doc('snap-own').get()).data).toEqual({ _id: 'snap-own', n: 7 })
    await expect(tx.collection('counters').doc('snap-late').get()).rejects.toMatchObject({ errCode: -1 })
    await tx.commit()
    expect(await value('snap-own')).toBe(7)
    expect(await value('snap')).toBe(2)
  })

  it('should commit several documents atomically', async () => {
    await emu.db.insert('counters', [
      { _id: 'a1', n: 10 },
      { _id: 'a2', n: 0 },
    ])
    const tx = await db().startTransaction()
    await tx
      .collection('counters')
      .doc('a1')
      .update({ data: { n: _().inc(-3) } })
    await tx
      .collection('counters')
      .doc('a2')
      .update({ data: { n: _().inc(3) } })
    expect([await value('a1'), await value('a2')]).toEqual([10, 0])
    await tx.commit()
    expect([await value('a1'), await value('a2')]).toEqual([7, 3])
  })

  it('should make a plain write to a locked document wait for the commit', async () => {
    await emu.db.insert('counters', [{ _id: 'wait', n: 0 }])
    const tx = await db().startTransaction()
    await tx
      .collection('counters')
      .doc('wait')
      .update({ data: { n: _().inc(1) } })
    let done = false
    const plain = counters()
      .doc('wait')
      .update({ data: { n: _().inc(100) } })
      .then(() => (done = true))
    // Wait (bounded) until the plain write has reached the database and is parked on the lock — no fixed sleep.
    for (const deadline = Date.now() + 10_000; emu.db.lockWaiters() === 0 && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 5))
    expect(emu.db.lockWaiters()).toBe(1)
    expect(done).toBe(false)
    await tx.commit()
    await plain
    expect(await value('wait')).toBe(101)
  })

  it('should fail a plain write that waits longer than the lock timeout', async () => {
    await emu.db.insert('counters', [{ _id: 'timeout', n: 0 }])
    const tx = await db().startTransaction()
    await tx
      .collection('counters')
      .doc('timeout')
      .update({ data: { n: 1 } })
    await expect(
      counters()
        .doc('timeout')
        .update({ data: { n: 2 } }),
    ).rejects.toMatchObject({ errCode: -501002 })
    await tx.rollback()
  })

  it('should run where().update() inside a transaction outside of it', async () => {
    await emu.db.insert('counters', [{ _id: 'outside', n: 0, tag: 'w' }])
    const tx = await db().startTransaction()
    const res = await tx
      .collection('counters')
      .where({ tag: 'w' })
      .update({ data: { n: 5 } })
    expect(res.stats.updated).toBe(1)
    await tx.rollback()
    expect(await value('outside')).toBe(5)
  })

  it('should give -502001 for a duplicate _id added inside a transaction', async () => {
    await emu.db.insert('counters', [{ _id: 'exists' }])
    const run = db().runTransaction(async (t) => {
      await t.collection('counters').add({ data: { _id: 'exists' } })
    })
    await expect(run).rejects.toMatchObject({ errCode: -502001 })
  })

  it('should refuse a batch add inside a transaction (single-document operations only) and insert none of it', async () => {
    const tx = await db().startTransaction()
    await expect(tx.collection('counters').add({ data: [{ _id: 'batch-1' }, { _id: 'batch-2' }] })).rejects.toMatchObject({
      errCode: -501007,
    })
    await tx.collection('counters').add({ data: { _id: 'single-1' } })
    await tx.commit()
    expect(await emu.db.find('counters', { _id: { $in: ['batch-1', 'batch-2', 'single-1'] } })).toEqual([{ _id: 'single-1' }])
  })

  it('should take the same batch add outside a transaction', async () => {
    await counters().add({ data: [{ _id: 'plain-1' }, { _id: 'plain-2' }] })
    expect(await emu.db.find('counters', { _id: { $in: ['plain-1', 'plain-2'] } })).toHaveLength(2)
  })

  it('should expire a transaction left open past 30 s of the emulator clock and release its locks', async () => {
    await emu.db.insert('counters', [{ _id: 'expire', n: 0 }])
    const tx = await db().startTransaction()
    await tx
      .collection('counters')
      .doc('expire')
      .update({ data: { n: 1 } })
    emu.clock.advance(31_000)
    await counters()
      .doc('expire')
      .update({ data: { n: 2 } })
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
    expect(await value('expire')).toBe(2)
  })
})
