import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const docs = () => emu.database().collection('items')

beforeAll(async () => {
  emu = await startEmulatorSdk({ extraCollections: [{ name: 'items', indexes: [] }] })
})
afterAll(() => emu.close())
beforeEach(async () => {
  await docs()
    .where({ _id: emu.database().command.exists(true) })
    .remove()
})

describe('documents through the real wx-server-sdk', () => {
  it('should add a document with a 32-hex id and read it back with doc().get()', async () => {
    const added = await docs().add({ data: { name: '小明', score: 3, at: new Date(1_700_000_000_000) } })
    expect(added._id).toMatch(/^[0-9a-f]{32}$/)
    const got = await docs()
      .doc(added._id as string)
      .get()
    expect(got.data).toEqual({ _id: added._id, name: '小明', score: 3, at: new Date(1_700_000_000_000) })
  })

  it('should keep a given _id on add', async () => {
    const added = await docs().add({ data: { _id: 'fixed-id', v: 1 } })
    expect(added._id).toBe('fixed-id')
    expect((await docs().doc('fixed-id').get()).data).toEqual({ _id: 'fixed-id', v: 1 })
  })

  it('should replace the whole document on doc().set() and report created when it upserts', async () => {
    const first = await docs()
      .doc('s1')
      .set({ data: { a: 1, b: 2 } })
    expect(first.stats).toEqual({ updated: 0, created: 1 })
    const second = await docs()
      .doc('s1')
      .set({ data: { c: 3 } })
    expect(second.stats).toEqual({ updated: 1, created: 0 })
    expect((await docs().doc('s1').get()).data).toEqual({ _id: 's1', c: 3 })
  })

  it('should merge nested objects on doc().update()', async () => {
    await docs().add({ data: { _id: 'u1', profile: { name: 'a', age: 1 }, keep: true } })
    const res = await docs()
      .doc('u1')
      .update({ data: { profile: { age: 2 } } })
    expect(res.stats.updated).toBe(1)
    expect((await docs().doc('u1').get()).data).toEqual({ _id: 'u1', profile: { name: 'a', age: 2 }, keep: true })
  })

  it('should report updated 0 when doc().update() targets a missing document', async () => {
    const res = await docs()
      .doc('nope')
      .update({ data: { a: 1 } })
    expect(res.stats.updated).toBe(0)
  })

  it('should remove a document with doc().remove()', async () => {
    await docs().add({ data: { _id: 'r1' } })
    const res = await docs().doc('r1').remove()
    expect(res.stats.removed).toBe(1)
    expect(await emu.db.count('items', { _id: 'r1' })).toBe(0)
  })

  it('should update every match with where().update()', async () => {
    await emu.db.insert('items', [{ g: 1 }, { g: 1 }, { g: 2 }])
    const res = await docs()
      .where({ g: 1 })
      .update({ data: { seen: true } })
    expect(res.stats.updated).toBe(2)
    expect(await emu.db.count('items', { seen: true })).toBe(2)
  })

  it('should remove every match with where().remove()', async () => {
    await emu.db.insert('items', [{ g: 1 }, { g: 1 }, { g: 2 }])
    const res = await docs().where({ g: 1 }).remove()
    expect(res.stats.removed).toBe(2)
    expect(await emu.db.count('items')).toBe(1)
  })

  it('should count matches with where().count()', async () => {
    await emu.db.insert('items', [{ g: 1 }, { g: 1 }, { g: 2 }])
    expect((await docs().where({ g: 1 }).count()).total).toBe(2)
  })

  it('should resolve db.serverDate() with the emulator clock plus offset', async () => {
    emu.clock.set(Date.UTC(2030, 0, 1))
    const db = emu.database()
    await docs().add({
      data: { _id: 'sd', at: db.serverDate(), later: (db.serverDate as (opts: { offset: number }) => unknown)({ offset: 60_000 }) },
    })
    const { data } = await docs().doc('sd').get()
    expect(Math.abs((data.at as Date).getTime() - Date.UTC(2030, 0, 1))).toBeLessThan(1000)
    expect((data.later as Date).getTime() - (data.at as Date).getTime()).toBe(60_000)
  })

  it('should answer updateAndReturn with the updated document', async () => {
    await emu.db.insert('items', [{ _id: 'ur', n: 1 }])
    const db = emu.database()
    // wx-server-sdk does not expose updateAndReturn; reach the @cloudbase/database query under it
    const inner = (
      docs().where({ _id: 'ur' }) as unknown as { _query: { updateAndReturn(d: object): Promise<{ updated: number; doc: object }> } }
    )._query
    const res = await inner.updateAndReturn({ n: db.command.inc(1) })
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'ur', n: 2 } })
  })

  it('should create a collection with db.createCollection()', async () => {
    await emu.database().createCollection('made_by_sdk')
    expect(await emu.db.count('made_by_sdk')).toBe(0)
  })
})
