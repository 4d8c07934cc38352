import type { AdminMaterialView, MaterialCard, MaterialPage } from '../../../cloudfunctions/src/contracts/materials'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, giveMaterial, storedFile } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member('plain')
})
afterAll(() => h.close())

const create = (material: Record<string, unknown>, who = ADMIN) =>
  h.call<AdminMaterialView>('materials', { action: 'create', material, requestId: `rq-${Math.random().toString(36).slice(2, 12)}` }, who)
const count = () => h.emu.db.count('materials')
const catalog = (filter: Record<string, unknown> = {}) =>
  h.ok<MaterialPage<MaterialCard>>('materials', { action: 'list', ...filter }, 'plain')

describe('materials admin', () => {
  it('should refuse every admin action to a member and change nothing', async () => {
    const m = await giveMaterial(h)
    const before = await count()
    const file = await storedFile(h)
    const base = { title: 't', subject: 'math', grades: ['g1'], files: [file], rule: { kind: 'free' } }
    expect(await create(base, 'plain')).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect((await h.call('materials', { action: 'setShelf', materialId: m.id, onShelf: false }, 'plain')).code).toBe('AUTH.FORBIDDEN')
    expect((await h.call('materials', { action: 'adminList' }, 'plain')).code).toBe('AUTH.FORBIDDEN')
    expect(await count()).toBe(before)
    expect((await catalog()).items.map((i) => i.id)).toContain(m.id)
  })

  it('should refuse files of another environment and files storage does not have', async () => {
    const before = await count()
    const good = await storedFile(h)
    const foreign = { ...good, fileId: good.fileId.replace('cloud://local-dev.', 'cloud://other-env.') }
    const base = { title: '资料', subject: 'math', grades: ['g1'], rule: { kind: 'free' } }
    expect(await create({ ...base, files: [foreign] })).toMatchObject({
      code: 'MATERIAL.FILE_FOREIGN',
      message: '文件必须来自本小程序的云存储',
    })
    expect(await create({ ...base, files: [good], cover: foreign.fileId })).toMatchObject({ code: 'MATERIAL.FILE_FOREIGN' })
    const missing = { ...good, fileId: `${good.fileId}.gone` }
    expect(await create({ ...base, files: [missing] })).toMatchObject({ code: 'MATERIAL.FILE_MISSING' })
    expect(await create({ ...base, files: [good, good] })).toMatchObject({ code: 'MATERIAL.FILE_DUPLICATE' })
    expect(await count()).toBe(before)
  })

  it.each([
    ['an empty title', { title: '' }],
    ['no files', { files: [] }],
    ['an unknown grade', { grades: ['g13'] }],
    ['a zero points cost', { rule: { kind: 'points', cost: 0 } }],
    ['an unknown rule', { rule: { kind: 'invite', friends: 3 } }],
    ['an extra field', { memberId: 'someone' }],
  ])('should answer REQUEST.INVALID for %s and create nothing', async (_name, change) => {
    const before = await count()
    const base = { title: '资料', subject: 'math', grades: ['g1'], files: [await storedFile(h)], rule: { kind: 'free' } }
    expect((await create({ ...base, ...change })).code).toBe('REQUEST.INVALID')
    expect(await count()).toBe(before)
  })

  it('should answer MATERIAL.NOT_FOUND for an unknown material everywhere', async () => {
    for (const action of ['detail', 'unlock', 'adminGet']) {
      const who = action === 'adminGet' ? ADMIN : 'plain'
      expect(await h.call('materials', { action, materialId: 'mat-nope' }, who)).toMatchObject({ code: 'MATERIAL.NOT_FOUND' })
    }
    expect((await h.call('materials', { action: 'open', materialId: 'mat-nope', fileIndex: 0 }, 'plain')).code).toBe('MATERIAL.NOT_FOUND')
    expect((await h.call('materials', { action: 'update', materialId: 'mat-nope', patch: { title: 'x' } }, ADMIN)).code).toBe(
      'MATERIAL.NOT_FOUND',
    )
  })

  it('should hide an off-shelf material from members, keep it for staff, and edit the rule whole', async () => {
    const m = await giveMaterial(h, { rule: { kind: 'points', cost: 10 } })
    await h.ok('materials', { action: 'setShelf', materialId: m.id, onShelf: false }, ADMIN)
    expect((await catalog()).items.map((i) => i.id)).not.toContain(m.id)
    expect((await h.call('materials', { action: 'detail', materialId: m.id }, 'plain')).code).toBe('MATERIAL.NOT_FOUND')
    expect((await h.call('materials', { action: 'open', materialId: m.id, fileIndex: 0 }, ADMIN)).code).toBe(0)
    const edited = await h.ok<AdminMaterialView>(
      'materials',
      { action: 'update', materialId: m.id, patch: { rule: { kind: 'free' } } },
      ADMIN,
    )
    expect(edited.rule).toEqual({ kind: 'free' })
    expect(edited.onShelf).toBe(false)
  })

  it('should page the catalog newest first and filter by subject and grade', async () => {
    await giveMaterial(h, { title: '英语初一', subject: 'english', grades: ['g7'] })
    h.emu.clock.advance(1000)
    await giveMaterial(h, { title: '英语初一初二', subject: 'english', grades: ['g7', 'g8'] })
    h.emu.clock.advance(1000)
    await giveMaterial(h, { title: '语文初一', subject: 'chinese', grades: ['g7'] })
    const english = await catalog({ subject: 'english' })
    expect(english.items.map((i) => i.title)).toEqual(['英语初一初二', '英语初一'])
    expect((await catalog({ grade: 'g8' })).items.map((i) => i.title)).toEqual(['英语初一初二'])
    expect((await catalog({ subject: 'english', grade: 'g7' })).items).toHaveLength(2)
    const first = await catalog({ grade: 'g7', limit: 2 })
    expect(first.items.map((i) => i.title)).toEqual(['语文初一', '英语初一初二'])
    const second = await catalog({ grade: 'g7', limit: 2, cursor: first.cursor })
    expect(second).toEqual({ items: [expect.objectContaining({ title: '英语初一' })], cursor: null })
  })
})
