/**
 * A media verdict is bound to the bytes it was given for. WeChat storage lets a member overwrite their own upload
 * ("如果上传至同一路径则是覆盖写", wx.cloud.uploadFile docs; the emulator does the same, see
 * test/emulator/storage/storage.test.ts), so the check-in stores and shows sealed copies the function wrote
 * (`sealed/{public id}/{sha256}.{ext}`), and an edit re-checks any file whose bytes are not already sealed.
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { checkinUploadPath } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, camp, campOk, checkin, joined, openPeriod } from './support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 09:00')
  period = await openPeriod(h)
})
afterAll(() => h.close())

const CLEAN = Buffer.from('a photo of my homework')
const SWAPPED = Buffer.from('risky picture swapped in after approval')
const put = (member: string, name: string, bytes: Buffer) => h.emu.storage.put(checkinUploadPath(member, period._id, name), bytes)
const todayOf = (member: string) => campOk(h, 'today', { periodId: period._id }, member)

describe('media verdicts bound to content', () => {
  it('should keep showing the approved bytes after the member overwrites the uploaded file', async () => {
    await joined(h, period, ['swapper'])
    const original = await put('swapper', 'a.jpg', CLEAN)
    expect((await checkin(h, period._id, 'swapper', { images: [original] })).code).toBe(0)
    await h.emu.openapi.deliverPendingMediaChecks()
    const approved = (await todayOf('swapper')).checkin!
    expect(approved.moderation.value).toBe('pass')

    expect(await put('swapper', 'a.jpg', SWAPPED)).toBe(original)
    expect((await h.emu.storage.get(original))?.equals(SWAPPED)).toBe(true)
    const shown = (await todayOf('swapper')).checkin!.content.images[0]
    expect(shown).not.toBe(original)
    expect((await h.emu.storage.get(shown))?.equals(CLEAN)).toBe(true)
  })

  it('should re-check a file sent again on edit whose bytes changed, and keep the verdict of a sealed file kept as is', async () => {
    await joined(h, period, ['editor'])
    const first = await put('editor', 'first.jpg', CLEAN)
    const second = await put('editor', 'second.jpg', Buffer.from('a second clean photo'))
    await checkin(h, period._id, 'editor', { images: [first, second] })
    await h.emu.openapi.deliverPendingMediaChecks()
    const sealed = (await todayOf('editor')).checkin!.content.images
    expect((await todayOf('editor')).checkin!.moderation.value).toBe('pass')

    await put('editor', 'first.jpg', SWAPPED)
    const edited = await camp(h, 'editCheckin', { periodId: period._id, day: '2026-03-02', images: [sealed[1], first] }, 'editor')
    expect(edited.code).toBe(0)
    const pending = (await todayOf('editor')).checkin!
    // The kept sealed file is not checked again; the re-sent upload is sealed anew (its new bytes) and pending.
    expect(pending.content.images[0]).toBe(sealed[1])
    expect(pending.content.images[1]).not.toBe(sealed[0])
    expect(pending.moderation.value).toBe('pending')
    await h.emu.openapi.deliverPendingMediaChecks()
    expect((await todayOf('editor')).checkin!.moderation.value).toBe('risky')
  })

  it('should refuse a file of another environment or a path with a query suffix as someone else’s', async () => {
    await joined(h, period, ['stranger'])
    const own = await put('stranger', 'x.jpg', CLEAN)
    const otherEnv = own.replace('cloud://local-dev.', 'cloud://other-env.')
    for (const fileId of [otherEnv, `${own}?v=2`, own.replace('/checkins/stranger/', '/checkins/stranger/../swapper/')]) {
      expect((await checkin(h, period._id, 'stranger', { images: [fileId] })).code).toBe('CAMP.FOREIGN_FILE')
    }
  })

  it('should answer SYS.* and store nothing when storage fails while sealing, and succeed on the retry', async () => {
    await joined(h, period, ['unlucky'])
    const photo = await put('unlucky', 'p.jpg', CLEAN)
    h.emu.faults.failNext({ action: 'storage.batchGetDownloadUrl', code: 'SYS_ERR', message: 'injected storage failure' })
    const failed = await checkin(h, period._id, 'unlucky', { images: [photo] })
    expect(String(failed.code)).toMatch(/^SYS\./)
    expect(await h.emu.db.count('checkins', { periodId: period._id, memberId: 'unlucky' })).toBe(0)
    expect((await checkin(h, period._id, 'unlucky', { images: [photo] })).code).toBe(0)
  })

  it('should refuse a file of the member’s own folder that does not exist', async () => {
    await joined(h, period, ['dreamer'])
    const nothing = checkinUploadPath('dreamer', period._id, 'never-uploaded.jpg')
    const res = await checkin(h, period._id, 'dreamer', { images: [`cloud://local-dev.6c6f-local-dev-1250000000/${nothing}`] })
    expect(res.code).toBe('CAMP.FOREIGN_FILE')
  })
})
