/**
 * Every admin create is idempotent on the form's request id (issue #13 item 8): parallel taps and retries of one form
 * make one mall item, material, free class or session (with its shards or counters) and answer it to every tap; a new
 * form makes a new one.
 */
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { storedFile } from '../materials/support'

let h: FunctionsHarness
const ADMIN = 'create-admin'

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

/** Eight taps of one form at once; every answer names the same document. */
async function tapped(fn: string, payload: Record<string, unknown>): Promise<string> {
  const answers = await Promise.all(Array.from({ length: 8 }, () => h.call<{ id: string }>(fn, payload, ADMIN)))
  expect(answers.map((a) => a.code)).toEqual(Array(8).fill(0))
  const ids = new Set(answers.map((a) => (a as { data: { id: string } }).data.id))
  expect(ids.size).toBe(1)
  return [...ids][0]
}

describe('creates once per request id', () => {
  it('should make one mall item with its stock shards', async () => {
    const item = { title: '一次就好', onShelf: true, stock: 6, cost: 5, kind: 'physical' }
    const id = await tapped('mall', { action: 'createItem', item, requestId: 'item-form-0001' })
    expect(await h.emu.db.count('mall_items', { title: '一次就好' })).toBe(1)
    const shards = (await h.emu.db.find('mall_stock', { itemId: id })) as { stock: number }[]
    expect(shards.reduce((n, s) => n + s.stock, 0)).toBe(6)
    await h.ok('mall', { action: 'createItem', item, requestId: 'item-form-0002' }, ADMIN)
    expect(await h.emu.db.count('mall_items', { title: '一次就好' })).toBe(2)
  })

  it('should make one material with its download counters', async () => {
    const material = {
      title: '只建一份',
      subject: 'math',
      grades: ['g3'],
      files: [await storedFile(h)],
      rule: { kind: 'free' },
      onShelf: true,
    }
    const id = await tapped('materials', { action: 'create', material, requestId: 'material-form-0001' })
    expect(await h.emu.db.count('materials', { title: '只建一份' })).toBe(1)
    const counters = (await h.emu.db.find('material_counters', { materialId: id })) as { downloads: number; members: number }[]
    expect(counters.length).toBeGreaterThan(0) // sharded: how many is the counters' own business
    expect(counters.map((c) => [c.downloads, c.members])).toEqual(counters.map(() => [0, 0]))
  })

  it('should make one class and one session per form, and a second session from a new form', async () => {
    const cls = { title: '只建一门课', subject: 'math', grades: ['g3'], teacherName: '李老师', onShelf: true }
    const classId = await tapped('classes', { action: 'createClass', cls, requestId: 'class-form-0001' })
    expect(await h.emu.db.count('classes', { title: '只建一门课' })).toBe(1)
    const session = { startAt: h.emu.clock.now() + 2 * 86_400_000, durationMin: 30, capacity: 4 }
    await tapped('classes', { action: 'addSession', classId, session, requestId: 'session-form-0001' })
    expect(await h.emu.db.count('class_sessions', { classId })).toBe(1)
    await h.ok('classes', { action: 'addSession', classId, session, requestId: 'session-form-0002' }, ADMIN)
    expect(await h.emu.db.count('class_sessions', { classId })).toBe(2)
  })
})
