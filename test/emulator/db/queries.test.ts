import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const coll = () => emu.database().collection('people')
const _ = () => emu.database().command
const ids = (res: { data: unknown[] }) => res.data.map((d) => (d as { _id: string })._id)

beforeAll(async () => {
  emu = await startEmulatorSdk({
    extraCollections: [
      { name: 'people', indexes: [] },
      { name: 'many', indexes: [] },
      { name: 'nested', indexes: [] },
    ],
  })
  await emu.db.insert('people', [
    { _id: 'p1', name: 'Ann', age: 30, tags: ['a', 'b'], city: 'SH', pets: [{ kind: 'cat', n: 2 }] },
    { _id: 'p2', name: 'bob', age: 25, tags: ['b'], city: 'BJ', pets: [] },
    { _id: 'p3', name: 'Cid', age: 35, tags: ['a', 'b', 'c'], pets: [{ kind: 'dog', n: 1 }] },
    { _id: 'p4', name: 'dan', age: 25, tags: [], city: 'SH', pets: [{ kind: 'cat', n: 5 }] },
  ])
  await emu.db.insert('nested', [
    { _id: 'k1', city: 'SH', info: { a: 1 } },
    { _id: 'k2', city: 'BJ', info: { a: 2 } },
  ])
  await emu.db.insert(
    'many',
    Array.from({ length: 1200 }, (_v, i) => ({ i })),
  )
})
afterAll(() => emu.close())

describe('query commands through the real SDK', () => {
  it.each([
    ['eq', () => ({ age: _().eq(25) }), ['p2', 'p4']],
    ['neq', () => ({ age: _().neq(25) }), ['p1', 'p3']],
    ['gt', () => ({ age: _().gt(30) }), ['p3']],
    ['gte', () => ({ age: _().gte(30) }), ['p1', 'p3']],
    ['lt', () => ({ age: _().lt(30) }), ['p2', 'p4']],
    ['lte', () => ({ age: _().lte(25) }), ['p2', 'p4']],
    ['in', () => ({ name: _().in(['Ann', 'dan']) }), ['p1', 'p4']],
    ['nin', () => ({ name: _().nin(['Ann', 'dan']) }), ['p2', 'p3']],
    ['and', () => ({ age: _().gt(20).and(_().lt(30)) }), ['p2', 'p4']],
    ['or', () => _().or([{ age: 35 }, { name: 'bob' }]), ['p2', 'p3']],
    ['nor', () => _().nor([{ age: 25 }, { city: 'SH' }]), ['p3']],
    ['exists', () => ({ city: _().exists(false) }), ['p3']],
    ['size', () => ({ tags: _().size(1) }), ['p2']],
    ['elemMatch', () => ({ pets: _().elemMatch({ kind: 'cat', n: _().gt(3) }) }), ['p4']],
    ['all', () => ({ tags: _().all(['a', 'c']) }), ['p3']],
    ['array contains', () => ({ tags: 'c' }), ['p3']],
    ['regexp', () => ({ name: emu.database().RegExp({ regexp: '^[ab]', options: 'i' }) }), ['p1', 'p2']],
    ['js RegExp', () => ({ name: /N$/i }), ['p1', 'p4']],
    ['nested path', () => ({ 'pets.kind': 'dog' }), ['p3']],
  ])('should apply %s', async (_name, where, expected) => {
    const res = await coll()
      .where(where() as object)
      .get()
    expect(ids(res).sort()).toEqual(expected)
  })

  it('should sort by several fields with orderBy', async () => {
    const res = await coll().orderBy('age', 'asc').orderBy('name', 'desc').get()
    expect(ids(res)).toEqual(['p4', 'p2', 'p1', 'p3'])
  })

  it('should skip and limit', async () => {
    const res = await coll().orderBy('_id', 'asc').skip(1).limit(2).get()
    expect(ids(res)).toEqual(['p2', 'p3'])
  })

  it('should project only the chosen fields (and _id)', async () => {
    const res = await coll().where({ _id: 'p1' }).field({ name: true }).get()
    expect(res.data).toEqual([{ _id: 'p1', name: 'Ann' }])
  })

  it('should project fields on doc().get() too', async () => {
    const res = await coll().doc('p2').field({ age: true }).get()
    expect(res.data).toEqual({ _id: 'p2', age: 25 })
  })

  it('should return 100 documents when no limit is given', async () => {
    const res = await emu.database().collection('many').get()
    expect(res.data).toHaveLength(100)
  })

  it('should return at most 1000 documents whatever limit is asked', async () => {
    const res = await emu.database().collection('many').limit(5000).get()
    expect(res.data).toHaveLength(1000)
  })

  it('should aggregate with match, group and sort', async () => {
    const db = emu.database()
    const $ = db.command.aggregate
    const res = await db
      .collection('people')
      .aggregate()
      .match({ age: _().gte(25) })
      .group({ _id: '$age', n: $.sum(1) })
      .sort({ _id: 1 })
      .end()
    expect(res.list).toEqual([
      { _id: 25, n: 2 },
      { _id: 30, n: 1 },
      { _id: 35, n: 1 },
    ])
  })

  it('should look up another collection in an aggregation', async () => {
    const db = emu.database()
    const res = await db
      .collection('people')
      .aggregate()
      .match({ _id: 'p1' })
      .lookup({ from: 'many', localField: 'age', foreignField: 'i', as: 'hit' })
      .project({ hit: 1 })
      .end()
    expect(res.list).toEqual([{ _id: 'p1', hit: [expect.objectContaining({ i: 30 })] }])
  })

  it('should never change stored documents when a stage writes nested fields', async () => {
    const db = emu.database()
    const kids = () => db.collection('nested')
    const before = await kids().orderBy('_id', 'asc').get()
    const whole = await kids().aggregate().addFields({ 'info.seen': true }).end()
    expect(whole.list).toHaveLength(2)
    const matched = await kids().aggregate().match({ city: 'SH' }).addFields({ 'info.x': 2 }).project({ 'info.a': 0 }).end()
    expect(matched.list).toEqual([{ _id: 'k1', city: 'SH', info: { x: 2 } }])
    const joined = await db
      .collection('people')
      .aggregate()
      .match({ _id: 'p2' })
      .lookup({ from: 'nested', pipeline: [{ $match: { _id: 'k2' } }, { $addFields: { 'info.tag': 'x' } }], as: 'k' })
      .end()
    expect(joined.list).toEqual([expect.objectContaining({ k: [{ _id: 'k2', city: 'BJ', info: { a: 2, tag: 'x' } }] })])
    expect((await kids().orderBy('_id', 'asc').get()).data).toEqual(before.data)
    expect(before.data).toEqual([
      { _id: 'k1', city: 'SH', info: { a: 1 } },
      { _id: 'k2', city: 'BJ', info: { a: 2 } },
    ])
  })
})
