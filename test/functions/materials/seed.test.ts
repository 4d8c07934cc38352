import type { AdminMaterialView, MaterialCard, MaterialDetail, MaterialPage } from '../../../cloudfunctions/src/contracts/materials'
import { seedDemoData } from '../../../local/seed'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { openFile } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  expect(await seedDemoData(h.emu)).toBe(true)
}, 120_000)
afterAll(() => h.close())

const MEMBER = 'dev-member-01'

describe('demo materials seed', () => {
  it('should show six on-shelf materials across subjects and rules in the member catalog', async () => {
    const page = await h.ok<MaterialPage<MaterialCard>>('materials', { action: 'list' }, 'dev-member-05')
    expect(page.items).toHaveLength(6)
    expect(new Set(page.items.map((i) => i.subject)).size).toBe(5)
    expect(new Set(page.items.map((i) => i.rule.kind))).toEqual(new Set(['free', 'signup', 'points', 'invites']))
    const g3 = await h.ok<MaterialPage<MaterialCard>>('materials', { action: 'list', grade: 'g3' }, 'dev-member-05')
    expect(g3.items.map((i) => i.id)).toEqual(['math-g3-bank'])
  })

  it('should serve real files: a PDF and a PNG', async () => {
    const pdf = await openFile(h, 'dev-member-05', 'reading-list-g5')
    const png = await openFile(h, 'dev-member-05', 'pinyin-cards-g1', 1)
    if (pdf.code !== 0 || png.code !== 0) throw new Error(JSON.stringify([pdf, png]))
    const pdfBytes = Buffer.from(await (await fetch(pdf.data.url)).arrayBuffer())
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdfBytes.toString('latin1')).toMatch(/startxref\n\d+\n%%EOF\n$/)
    const pngBytes = Buffer.from(await (await fetch(png.data.url)).arrayBuffer())
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG')
  })

  it('should carry download history and the seeded points unlock', async () => {
    const admin = await h.ok<MaterialPage<AdminMaterialView>>('materials', { action: 'adminList' }, 'dev-admin')
    expect(admin.items).toHaveLength(7)
    const pinyin = admin.items.find((i) => i.id === 'pinyin-cards-g1')
    expect(pinyin?.downloads).toBeGreaterThan(pinyin?.members ?? 0)
    expect(pinyin?.members).toBeGreaterThan(1)
    const bought = await h.ok<MaterialDetail>('materials', { action: 'detail', materialId: 'english-phonics-g2' }, MEMBER)
    expect(bought).toMatchObject({ unlocked: true, via: 'points' })
  })

  it('should open the invite-unlock material to the persona whose friends qualified, and not to another', async () => {
    expect(await h.ok<MaterialDetail>('materials', { action: 'detail', materialId: 'english-words-g4' }, MEMBER)).toMatchObject({
      unlocked: true,
      via: 'invites',
      invites: { have: 3, needed: 3 },
    })
    expect(await h.ok<MaterialDetail>('materials', { action: 'detail', materialId: 'english-words-g4' }, 'dev-member-05')).toMatchObject({
      unlocked: false,
      invites: { have: 0, needed: 3 },
    })
    expect((await openFile(h, MEMBER, 'english-words-g4')).code).toBe(0)
    // The first open keeps it, as a signup unlock is kept.
    expect(await h.emu.db.count('material_unlocks', { _id: `english-words-g4:${MEMBER}`, via: 'invites' })).toBe(1)
  })

  it('should let the mall demo unlock item open the math bank', async () => {
    const items = await h.ok<{ items: { id: string; title: string }[] }>('mall', { action: 'listItems' }, 'dev-member-07')
    const unlockItem = items.items.find((i) => i.title === '三年级数学思维题库')
    expect(unlockItem).toBeDefined()
    expect((await openFile(h, 'dev-member-07', 'math-g3-bank')).code).toBe('MATERIAL.LOCKED')
    await h.ok('mall', { action: 'redeem', itemId: unlockItem?.id, requestId: 'seed-unlock-01' }, 'dev-member-07')
    expect((await openFile(h, 'dev-member-07', 'math-g3-bank')).code).toBe(0)
  })
})
