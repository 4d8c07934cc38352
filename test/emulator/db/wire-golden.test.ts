/**
 * Golden tests of what the pinned wx-server-sdk 4.0.2 sends for each database
 * operation. If an SDK upgrade changes the wire format, these fail first.
 */
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const db = () => emu.database()
const _ = () => db().command
const SDK_NOISE = ['envName', 'wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken', 'sessionToken']

beforeAll(async () => {
  emu = await startEmulatorSdk({ extraCollections: [{ name: 'g', indexes: [] }] })
  await emu.db.insert('g', [{ _id: 'a', n: 1 }])
})
afterAll(() => emu.close())

/** Runs an SDK call and returns the requests it sent, without the SDK's auth/env noise. */
async function sent(call: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const from = emu.received.length
  await call().catch(() => undefined)
  return emu.received.slice(from).map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !SDK_NOISE.includes(k))))
}

describe('wire format of wx-server-sdk 4.0.2', () => {
  it('should send doc().get() as getDocument with an _id query', async () => {
    expect(await sent(() => db().collection('g').doc('a').get())).toEqual([
      { action: 'database.getDocument', collectionName: 'g', query: '{"_id":"a"}', queryType: 'DOC', multi: false },
    ])
  })

  it('should send add() as insertDocument with strict EJSON documents', async () => {
    expect(
      await sent(() =>
        db()
          .collection('g')
          .add({ data: { n: 1, x: 1.5, at: new Date(0), s: db().serverDate() } }),
      ),
    ).toEqual([
      {
        action: 'database.insertDocument',
        collectionName: 'g',
        data: [
          '{"n":{"$numberInt":"1"},"x":{"$numberDouble":"1.5"},"at":{"$date":{"$numberLong":"0"}},"s":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}}}',
        ],
      },
    ])
  })

  it('should send doc().update() as a merge of $set dot paths', async () => {
    expect(
      await sent(() =>
        db()
          .collection('g')
          .doc('a')
          .update({ data: { p: { q: 1 }, n: _().inc(2) } }),
      ),
    ).toEqual([
      {
        action: 'database.modifyDocument',
        collectionName: 'g',
        query: '{"_id":"a"}',
        queryType: 'DOC',
        data: '{"$inc":{"n":{"$numberInt":"2"}},"$set":{"p.q":{"$numberInt":"1"}}}',
        multi: false,
        merge: true,
        upsert: false,
      },
    ])
  })

  it('should send doc().set() as a replacing upsert', async () => {
    expect(
      await sent(() =>
        db()
          .collection('g')
          .doc('b')
          .set({ data: { n: 1 } }),
      ),
    ).toEqual([
      {
        action: 'database.modifyDocument',
        collectionName: 'g',
        query: '{"_id":"b"}',
        queryType: 'DOC',
        data: '{"n":{"$numberInt":"1"}}',
        multi: false,
        merge: false,
        upsert: true,
      },
    ])
  })

  it('should send doc().remove() as removeDocument', async () => {
    expect(await sent(() => db().collection('g').doc('b').remove())).toEqual([
      { action: 'database.removeDocument', collectionName: 'g', query: '{"_id":"b"}', queryType: 'DOC', multi: false },
    ])
  })

  it('should send where().orderBy().skip().limit().field().get() with every option', async () => {
    const call = () =>
      db()
        .collection('g')
        .where({ n: _().gt(0) })
        .orderBy('n', 'desc')
        .orderBy('_id', 'asc')
        .skip(2)
        .limit(20)
        .field({ n: true })
        .get()
    expect(await sent(call)).toEqual([
      {
        action: 'database.getDocument',
        collectionName: 'g',
        queryType: 'WHERE',
        query: '{"n":{"$gt":{"$numberInt":"0"}}}',
        order: '{"n":{"$numberInt":"-1"},"_id":{"$numberInt":"1"}}',
        offset: 2,
        limit: 20,
        projection: '{"n":{"$numberInt":"1"}}',
      },
    ])
  })

  it('should send limit 100 when no limit is given', async () => {
    const [req] = await sent(() => db().collection('g').get())
    expect(req).toEqual({ action: 'database.getDocument', collectionName: 'g', queryType: 'WHERE', limit: 100 })
  })

  it('should send count() as calculateDocument', async () => {
    expect(await sent(() => db().collection('g').where({ n: 1 }).count())).toEqual([
      { action: 'database.calculateDocument', collectionName: 'g', queryType: 'WHERE', query: '{"n":{"$numberInt":"1"}}' },
    ])
  })

  it('should send where().update() and where().remove() with multi true', async () => {
    const update = await sent(() =>
      db()
        .collection('g')
        .where({ n: 9 })
        .update({ data: { m: 1 } }),
    )
    const remove = await sent(() => db().collection('g').where({ n: 9 }).remove())
    expect(update).toEqual([
      {
        action: 'database.modifyDocument',
        collectionName: 'g',
        queryType: 'WHERE',
        query: '{"n":{"$numberInt":"9"}}',
        data: '{"$set":{"m":{"$numberInt":"1"}}}',
        multi: true,
        merge: true,
        upsert: false,
      },
    ])
    expect(remove).toEqual([
      { action: 'database.removeDocument', collectionName: 'g', queryType: 'WHERE', query: '{"n":{"$numberInt":"9"}}', multi: true },
    ])
  })

  it('should send aggregate stages as stageKey and stageValue', async () => {
    const call = () => db().collection('g').aggregate().match({ n: 1 }).limit(5).end()
    expect(await sent(call)).toEqual([
      {
        action: 'database.aggregateDocuments',
        collectionName: 'g',
        stages: [
          { stageKey: '$match', stageValue: '{"n":{"$numberInt":"1"}}' },
          { stageKey: '$limit', stageValue: '5' },
        ],
      },
    ])
  })

  it('should send a transaction as start, operations with transactionId, commit', async () => {
    const reqs = await sent(() =>
      db().runTransaction(async (t) => {
        await t
          .collection('g')
          .doc('a')
          .update({ data: { n: _().inc(1) } })
      }),
    )
    const txId = reqs[1].transactionId
    expect(typeof txId).toBe('string')
    expect(reqs).toEqual([
      { action: 'database.startTransaction' },
      {
        action: 'database.modifyDocument',
        collectionName: 'g',
        transactionId: txId,
        query: '{"_id":"a"}',
        queryType: 'DOC',
        data: '{"$inc":{"n":{"$numberInt":"1"}}}',
        multi: false,
        merge: true,
        upsert: false,
      },
      { action: 'database.commitTransaction', transactionId: txId },
    ])
  })

  it('should send where().update() inside a transaction without transactionId', async () => {
    const reqs = await sent(async () => {
      const tx = await db().startTransaction()
      await tx
        .collection('g')
        .where({ n: 99 })
        .update({ data: { m: 1 } })
      await tx.rollback()
    })
    expect(reqs.map((r) => [r.action, 'transactionId' in r])).toEqual([
      ['database.startTransaction', false],
      ['database.modifyDocument', false],
      ['database.abortTransaction', true],
    ])
  })
})
