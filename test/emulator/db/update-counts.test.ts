/**
 * `stats.updated` / updateAndReturn's `updated` count documents whose content changed: CloudBase's database is
 * MongoDB, whose update reports nModified 0 for a no-op (a `$set` of the value already there, `$inc` by 0), and the
 * WeChat docs for Collection.update note that a successful call may have updated nothing ("API 调用成功不一定代表想要
 * 更新的记录已被更新 … 可以通过 stats.updated 看出来"). Product code that claims work with `updated === 1` (reminder
 * and notification claims, invite settlement) must therefore change a field in every claim.
 * Doubt, left open: the WeChat reference page for Document.set says `stats.updated` is 1 "若指定的 _id 已存在"; the
 * emulator keeps MongoDB's modifiedCount for set() too (a replacement with identical content modifies nothing), and
 * no product code reads set()'s count.
 */
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk'

let emu: EmulatorSdk
const docs = () => emu.database().collection('counted')
const _ = () => emu.database().command

beforeAll(async () => {
  emu = await startEmulatorSdk({ extraCollections: [{ name: 'counted', indexes: [] }] })
})
afterAll(() => emu.close())

type UpdateAndReturn = (data: object) => Promise<{ updated: number; doc: object | null }>
/** wx-server-sdk does not expose updateAndReturn; reach the @cloudbase/database query under it. */
const updateAndReturn = (id: string): UpdateAndReturn => {
  const inner = (docs().where({ _id: id }) as unknown as { _query: { updateAndReturn: UpdateAndReturn } })._query
  return (data) => inner.updateAndReturn(data)
}

describe('update counts are modified counts', () => {
  it('should answer updated 0 for an $inc by 0', async () => {
    await emu.db.insert('counted', [{ _id: 'inc0', n: 3 }])

    const res = await docs()
      .doc('inc0')
      .update({ data: { n: _().inc(0) } })

    expect(res.stats.updated).toBe(0)
  })

  it('should answer updated 0 from updateAndReturn when the content does not change, with the document', async () => {
    await emu.db.insert('counted', [{ _id: 'uar', n: 1 }])

    const same = await updateAndReturn('uar')({ n: _().inc(0) })
    const changed = await updateAndReturn('uar')({ n: _().inc(1) })

    expect(same).toMatchObject({ updated: 0, doc: { _id: 'uar', n: 1 } })
    expect(changed).toMatchObject({ updated: 1, doc: { _id: 'uar', n: 2 } })
  })

  it('should answer updated 0 for a set() of the content already stored, whatever order add() got the _id in', async () => {
    await docs().add({ data: { v: 1, at: new Date(5), _id: 'set-same' } })

    const res = await docs()
      .doc('set-same')
      .set({ data: { v: 1, at: new Date(5) } })

    expect(res.stats).toEqual({ updated: 0, created: 0 })
  })

  it('should answer updated 1 for a set() that changes the content', async () => {
    await docs().add({ data: { _id: 'set-diff', v: 1 } })

    const res = await docs()
      .doc('set-diff')
      .set({ data: { v: 2 } })

    expect(res.stats).toEqual({ updated: 1, created: 0 })
  })
})
