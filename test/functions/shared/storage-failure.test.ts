/**
 * A storage failure is not a missing file. getTempFileURL reports per file: STORAGE_FILE_NONEXIST (-503003) when the
 * file is not there, other codes (STORAGE_REQUEST_FAIL -503001, SYS_ERR) when storage failed (wx-server-sdk maps each
 * file's code to `status`; node-sdk storage/index.js). A failure answers SYS.*, stores nothing, and the retry succeeds;
 * only a missing file answers its own rejection.
 */
import { checkinUploadPath } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, camp, checkinsOf, ensureMember, joined, openPeriod } from '../camp/support'
import { ADMIN, giveMaterial, openFile, storedFile } from '../materials/support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await ensureMember(h, 'camp-admin', ['admin'])
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 09:00'))

const isSys = (code: unknown) => typeof code === 'string' && code.startsWith('SYS.')

describe('storage failures', () => {
  it('should answer SYS.* when storage fails for a material file, count no download, and open on the retry', async () => {
    await h.member('sf-reader')
    const m = await giveMaterial(h)
    const fileId = (await h.emu.db.find('materials', { _id: m.id }))[0] as { files: { fileId: string }[] }
    h.emu.storage.failNextTempUrl(fileId.files[0].fileId)

    const failed = await openFile(h, 'sf-reader', m.id)
    const downloadsAfterFailure = await h.emu.db.count('material_downloads', { materialId: m.id })
    const retried = await openFile(h, 'sf-reader', m.id)

    expect(isSys(failed.code)).toBe(true)
    expect(downloadsAfterFailure).toBe(0)
    expect(retried).toMatchObject({ code: 0, data: { url: expect.stringContaining('http') } })
  })

  it('should still answer MATERIAL.FILE_MISSING for a file storage does not have', async () => {
    const missing = { ...(await storedFile(h, 'gone.pdf')), fileId: (await storedFile(h, 'x.pdf')).fileId.replace('x.pdf', 'never.pdf') }

    const res = await h.call(
      'materials',
      {
        action: 'create',
        material: { title: '缺文件', subject: 'math', grades: ['g3'], files: [missing], rule: { kind: 'free' }, onShelf: true },
        requestId: 'req-00000001',
      },
      ADMIN,
    )

    expect(res.code).toBe('MATERIAL.FILE_MISSING')
  })

  it('should answer SYS.* for a check-in whose photo storage failed on, store nothing, and take the retry', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['sf-photo'])
    const photo = await h.emu.storage.put(checkinUploadPath('sf-photo', period._id, 'a.jpg'), Buffer.from('jpg'))
    h.emu.storage.failNextTempUrl(photo)

    const failed = await camp(h, 'checkin', { periodId: period._id, images: [photo] }, 'sf-photo')
    const storedAfterFailure = (await checkinsOf(h, period._id, 'sf-photo')).length
    const retried = await camp(h, 'checkin', { periodId: period._id, images: [photo] }, 'sf-photo')

    expect(isSys(failed.code)).toBe(true)
    expect(storedAfterFailure).toBe(0)
    expect(retried.code).toBe(0)
    expect(await checkinsOf(h, period._id, 'sf-photo')).toHaveLength(1)
  })
})
