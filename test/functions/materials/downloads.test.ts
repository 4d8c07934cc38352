import type { AdminMaterialView, MaterialPage } from '../../../cloudfunctions/src/contracts/materials'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, giveMaterial, openFile, storedFile } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

const adminCounts = async (materialId: string) => {
  const page = await h.ok<MaterialPage<AdminMaterialView>>('materials', { action: 'adminList', limit: 50 }, ADMIN)
  const item = page.items.find((i) => i.id === materialId)
  return { downloads: item?.downloads, members: item?.members }
}

describe('materials open and download counts', () => {
  it('should hand out a working short-lived URL for the chosen file', async () => {
    const files = [await storedFile(h, 'a.pdf'), await storedFile(h, 'b.png', 'image')]
    const m = await giveMaterial(h, { files })
    await h.member('downloader')
    const res = await openFile(h, 'downloader', m.id, 1)
    if (res.code !== 0) throw new Error(JSON.stringify(res))
    expect(res.data).toMatchObject({ name: 'b.png', kind: 'image', expiresIn: 600 })
    const body = await (await fetch(res.data.url)).text()
    expect(body).toBe('%PDF-1.4 test b.png')
    expect((await openFile(h, 'downloader', m.id, 5)).code).toBe('MATERIAL.FILE_NOT_FOUND')
  })

  it('should count every download and each member once after parallel downloads', async () => {
    const m = await giveMaterial(h)
    const members = ['d1', 'd2', 'd3', 'd4', 'd5']
    for (const id of members) await h.member(id)
    const opens = members.flatMap((id) => Array.from({ length: 4 }, () => openFile(h, id, m.id)))
    const results = await Promise.all(opens)
    expect(results.every((r) => r.code === 0)).toBe(true)
    expect(await adminCounts(m.id)).toEqual({ downloads: 20, members: 5 })
    expect(await h.emu.db.count('events', { type: 'material_download', memberId: 'd1', 'props.materialId': m.id })).toBe(4)
    expect(await h.emu.db.count('material_counters', { materialId: m.id })).toBeGreaterThan(1)
  })

  it('should not count a refused open or a staff preview', async () => {
    const m = await giveMaterial(h, { rule: { kind: 'points', cost: 10 } })
    await h.member('locked-out')
    expect((await openFile(h, 'locked-out', m.id)).code).toBe('MATERIAL.LOCKED')
    expect((await openFile(h, ADMIN, m.id)).code).toBe(0)
    expect(await adminCounts(m.id)).toEqual({ downloads: 0, members: 0 })
  })
})
