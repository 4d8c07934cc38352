import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const db = () => emu.database()

beforeAll(async () => {
  emu = await startEmulatorSdk({
    extraCollections: [{ name: 'accounts', indexes: [{ name: 'phone_unique', keys: { phone: 1 }, unique: true }] }],
  })
})
afterAll(() => emu.close())

async function rejection(p: Promise<unknown>): Promise<{ errCode?: number; errMsg?: string; message?: string }> {
  try {
    await p
  } catch (err) {
    return err as { errCode?: number }
  }
  throw new Error('expected the call to fail')
}

async function post(body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

describe('error codes through the real SDK', () => {
  it('should give -502005 when the collection does not exist', async () => {
    const err = await rejection(
      db()
        .collection('no_such_thing')
        .add({ data: { a: 1 } }),
    )
    expect(err.errCode).toBe(-502005)
  })

  it('should give -502005 on reads of a missing collection too', async () => {
    const err = await rejection(db().collection('no_such_thing').where({}).get())
    expect(err.errCode).toBe(-502005)
  })

  it('should give -502001 for a duplicate _id', async () => {
    await db()
      .collection('accounts')
      .add({ data: { _id: 'dup', phone: '1' } })
    const err = await rejection(
      db()
        .collection('accounts')
        .add({ data: { _id: 'dup', phone: '2' } }),
    )
    expect(err.errCode).toBe(-502001)
  })

  it('should give -502001 when a unique index is violated', async () => {
    await db()
      .collection('accounts')
      .add({ data: { phone: '138' } })
    const err = await rejection(
      db()
        .collection('accounts')
        .add({ data: { phone: '138' } }),
    )
    expect(err.errCode).toBe(-502001)
  })

  it('should give -502001 when an update would violate a unique index', async () => {
    await emu.db.insert('accounts', [
      { _id: 'u1', phone: '201' },
      { _id: 'u2', phone: '202' },
    ])
    const err = await rejection(
      db()
        .collection('accounts')
        .doc('u2')
        .update({ data: { phone: '201' } }),
    )
    expect(err.errCode).toBe(-502001)
  })

  it('should count a missing unique field as null, allowing only one such document', async () => {
    await db()
      .collection('accounts')
      .add({ data: { nophone: 1 } })
    const err = await rejection(
      db()
        .collection('accounts')
        .add({ data: { nophone: 2 } }),
    )
    expect(err.errCode).toBe(-502001)
  })

  it('should make doc().get() of a missing document fail with document.get:fail', async () => {
    const err = await rejection(db().collection('accounts').doc('missing').get())
    expect(err.errMsg).toMatch(/^document\.get:fail document with _id missing does not exist/)
  })
})

describe('malformed requests', () => {
  it('should answer bad JSON with INVALID_PARAM', async () => {
    const res = await post('{nope')
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('should answer an unknown action with INVALID_ACTION', async () => {
    const res = await post(JSON.stringify({ action: 'database.nope' }))
    expect(res.json).toMatchObject({ code: 'INVALID_ACTION' })
  })

  it('should answer bad EJSON with INVALID_PARAM', async () => {
    const res = await post(
      JSON.stringify({ action: 'database.getDocument', collectionName: 'accounts', query: '{"a":{"$numberInt":"x"}}' }),
    )
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('should answer a query that is not JSON with INVALID_PARAM', async () => {
    const res = await post(JSON.stringify({ action: 'database.getDocument', collectionName: 'accounts', query: '{oops' }))
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('should answer a missing collection name with INVALID_PARAM', async () => {
    const res = await post(JSON.stringify({ action: 'database.getDocument', query: '{}' }))
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM', message: 'collectionName is required' })
  })

  it('should answer an unknown query operator with DATABASE_INVALID_OPERRATOR', async () => {
    const res = await post(JSON.stringify({ action: 'database.getDocument', collectionName: 'accounts', query: '{"a":{"$bogus":1}}' }))
    expect(res.json).toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' })
  })

  it('should keep serving after malformed requests', async () => {
    await post('{nope')
    await post(JSON.stringify({ action: 'database.insertDocument', collectionName: 'accounts', data: ['{"$date":"x"}'] }))
    const res = await db().collection('accounts').where({}).count()
    expect(typeof res.total).toBe('number')
  })
})
