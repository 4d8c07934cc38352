/**
 * wholeFields turns a "these fields become these values" patch into an update CloudBase accepts whatever the fields
 * held: object values are written whole with `_.set` (a flattened dot path under a null field is refused with
 * -502001, platform-facts.md "Updates CloudBase refuses"), everything else passes through.
 */
import { db } from '../../../cloudfunctions/src/shared/db'
import { wholeFields } from '../../../cloudfunctions/src/shared/whole-fields'
import { startFunctions, type FunctionsHarness } from '../../support/functions'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())

const stored = async (id: string) => ((await h.emu.db.find('sys_meta', { _id: id })) as Record<string, unknown>[])[0]

describe('wholeFields', () => {
  it('should write an object into a field that holds null, where the plain patch is refused', async () => {
    await h.emu.db.insert('sys_meta', [{ _id: 'wf-null', window: null, n: 1 }])
    const patch = { window: { start: '08:00', end: '20:00' }, n: 2 }

    const plain = await db()
      .collection('sys_meta')
      .doc('wf-null')
      .update({ data: patch })
      .then(
        () => null,
        (err: { errCode?: number }) => err.errCode,
      )
    await db()
      .collection('sys_meta')
      .doc('wf-null')
      .update({ data: wholeFields(patch) })

    expect(plain).toBe(-502001)
    expect(await stored('wf-null')).toEqual({ _id: 'wf-null', window: { start: '08:00', end: '20:00' }, n: 2 })
  })

  it('should replace an object field instead of merging into it, as the caller’s { ...doc, ...patch } view says', async () => {
    await h.emu.db.insert('sys_meta', [{ _id: 'wf-merge', window: { start: '08:00', end: '20:00', note: 'old' } }])

    await db()
      .collection('sys_meta')
      .doc('wf-merge')
      .update({ data: wholeFields({ window: { start: '09:00', end: '21:00' } }) })

    expect((await stored('wf-merge')).window).toEqual({ start: '09:00', end: '21:00' })
  })

  it('should pass arrays, dates, null, commands and dotted keys through unchanged', async () => {
    await h.emu.db.insert('sys_meta', [{ _id: 'wf-pass', tags: ['a'], n: 1, counts: { x: 1 }, gone: 1 }])
    const _ = db().command

    await db()
      .collection('sys_meta')
      .doc('wf-pass')
      .update({ data: wholeFields({ tags: ['b', 'c'], at: new Date(5), n: _.inc(2), 'counts.y': 3, gone: null }) })

    expect(await stored('wf-pass')).toEqual({ _id: 'wf-pass', tags: ['b', 'c'], n: 3, counts: { x: 1, y: 3 }, gone: null, at: new Date(5) })
  })
})
