/**
 * Updates CloudBase refuses. Its database is MongoDB, whose `$set` of `a.b` fails with PathNotViable ("Cannot create
 * field 'b' in element {a: null}") when `a` is null or a scalar, and when `a` is an array and `b` is no index; CloudBase
 * answers DATABASE_REQUEST_FAILED, which wx-server-sdk maps to errCode -502001 (platform-facts.md, "Updates CloudBase
 * refuses"). A generic -502001 is not a duplicate key, so its message must not look like one (issue #12 item 1).
 * wx-server-sdk's doc.update flattens nested objects into such dot paths; `_.set(obj)` replaces the field instead.
 */
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const docs = () => emu.database().collection('patches')
const _ = () => emu.database().command

beforeAll(async () => {
  emu = await startEmulatorSdk({ extraCollections: [{ name: 'patches', indexes: [] }] })
})
afterAll(() => emu.close())

async function rejection(p: Promise<unknown>): Promise<{ errCode?: number; errMsg?: string }> {
  try {
    await p
  } catch (err) {
    return err as { errCode?: number; errMsg?: string }
  }
  throw new Error('expected the update to be refused')
}

async function stored(id: string): Promise<unknown> {
  return (await docs().doc(id).get()).data
}

describe('updates CloudBase refuses', () => {
  it.each([
    ['null', null],
    ['a number', 5],
    ['a string', 'x'],
    ['a date', new Date(1_700_000_000_000)],
  ])('should refuse a nested object written under a field that is %s, and change nothing', async (_label, value) => {
    const id = `scalar-${_label}`
    await emu.db.insert('patches', [{ _id: id, profile: value, keep: 1 }])

    const err = await rejection(
      docs()
        .doc(id)
        .update({ data: { profile: { name: '小明' }, keep: 2 } }),
    )

    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toContain("Cannot create field 'name'")
    expect(err.errMsg).not.toMatch(/duplicate key|E11000/)
    expect(await stored(id)).toEqual({ _id: id, profile: value, keep: 1 })
  })

  it('should refuse an operator on a path below a null field too', async () => {
    await emu.db.insert('patches', [{ _id: 'inc-null', stats: null }])

    const err = await rejection(
      docs()
        .doc('inc-null')
        .update({ data: { stats: { n: _().inc(1) } } }),
    )

    expect(err.errCode).toBe(-502001)
    expect(await stored('inc-null')).toEqual({ _id: 'inc-null', stats: null })
  })

  it('should refuse a dotted path into the elements of an array, which the emulator used to skip silently', async () => {
    await emu.db.insert('patches', [{ _id: 'arr', items: [{ qty: 1 }, { qty: 2 }] }])

    const err = await rejection(
      docs()
        .doc('arr')
        .update({ data: { items: { qty: 5 } } }),
    )

    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toContain("Cannot create field 'qty'")
    expect(await stored('arr')).toEqual({ _id: 'arr', items: [{ qty: 1 }, { qty: 2 }] })
  })

  it('should refuse a path through an array element that is not an object', async () => {
    await emu.db.insert('patches', [{ _id: 'arr-scalar', tags: ['a', 'b'] }])

    const err = await rejection(
      docs()
        .doc('arr-scalar')
        .update({ data: { 'tags.0.label': 'x' } }),
    )

    expect(err.errCode).toBe(-502001)
  })

  // MongoDB's multi update is not atomic: documents before the failing one may already be written, so only the
  // refusal is asserted (product code never relies on either outcome).
  it('should refuse a multi update when one matched document would fail', async () => {
    await emu.db.insert('patches', [
      { _id: 'm1', group: 'g', meta: { a: 1 } },
      { _id: 'm2', group: 'g', meta: null },
    ])

    const err = await rejection(
      docs()
        .where({ group: 'g' })
        .update({ data: { meta: { b: 2 } } }),
    )

    expect(err.errCode).toBe(-502001)
    expect(await stored('m2')).toEqual({ _id: 'm2', group: 'g', meta: null })
  })
})

describe('updates CloudBase applies', () => {
  it('should replace a null field with _.set(obj)', async () => {
    await emu.db.insert('patches', [{ _id: 'set-null', profile: null }])

    await docs()
      .doc('set-null')
      .update({ data: { profile: _().set({ name: '小明' }) } })

    expect(await stored('set-null')).toEqual({ _id: 'set-null', profile: { name: '小明' } })
  })

  it('should create a nested path under a missing field', async () => {
    await emu.db.insert('patches', [{ _id: 'missing' }])

    await docs()
      .doc('missing')
      .update({ data: { profile: { name: '小明' } } })

    expect(await stored('missing')).toEqual({ _id: 'missing', profile: { name: '小明' } })
  })

  it('should write into an array element by its index (Mongo dot notation)', async () => {
    await emu.db.insert('patches', [{ _id: 'by-index', items: [{ qty: 1 }, { qty: 2 }] }])

    await docs()
      .doc('by-index')
      .update({ data: { 'items.1.qty': 9 } })

    expect(await stored('by-index')).toEqual({ _id: 'by-index', items: [{ qty: 1 }, { qty: 9 }] })
  })

  it('should leave an unset below a null field a no-op, as MongoDB does', async () => {
    await emu.db.insert('patches', [{ _id: 'unset-null', profile: null }])

    const res = await docs()
      .doc('unset-null')
      .update({ data: { 'profile.name': _().remove() } })

    expect(res.stats.updated).toBe(0)
    expect(await stored('unset-null')).toEqual({ _id: 'unset-null', profile: null })
  })
})
