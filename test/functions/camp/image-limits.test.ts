/**
 * The function applies the page's photo limit itself: an image over checkin-limits.json's maxImageBytes (measured on
 * the bytes the function downloads to seal it) is refused with CAMP.IMAGE_TOO_LARGE and nothing is written.
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { CHECKIN_LIMITS, checkinUploadPath } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, camp, campOk, checkin, checkinsOf, joined, openPeriod } from './support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 09:00')
  period = await openPeriod(h)
})
afterAll(() => h.close())

const put = (member: string, name: string, bytes: Buffer) => h.emu.storage.put(checkinUploadPath(member, period._id, name), bytes)

describe('photo size on the server', () => {
  it('should refuse a check-in whose photo is over the limit, write nothing, and take one at the limit', async () => {
    await joined(h, period, ['big-photo'])
    const big = await put('big-photo', 'big.jpg', Buffer.alloc(CHECKIN_LIMITS.maxImageBytes + 1, 1))
    const res = await checkin(h, period._id, 'big-photo', { images: [big] })
    expect(res).toMatchObject({ code: 'CAMP.IMAGE_TOO_LARGE', message: '图片不能超过 10 MB，请压缩后再上传' })
    expect(await checkinsOf(h, period._id, 'big-photo')).toHaveLength(0)

    const fits = await put('big-photo', 'fits.jpg', Buffer.alloc(CHECKIN_LIMITS.maxImageBytes, 1))
    expect((await checkin(h, period._id, 'big-photo', { images: [fits] })).code).toBe(0)
  })

  it('should refuse an edit that swaps in an oversized photo', async () => {
    await joined(h, period, ['big-edit'])
    expect((await checkin(h, period._id, 'big-edit', { text: '先写文字' })).code).toBe(0)
    const big = await put('big-edit', 'big.jpg', Buffer.alloc(CHECKIN_LIMITS.maxImageBytes + 1, 2))
    const edited = await camp(h, 'editCheckin', { periodId: period._id, day: '2026-03-02', text: '加一张图', images: [big] }, 'big-edit')
    expect(edited.code).toBe('CAMP.IMAGE_TOO_LARGE')
    const kept = await campOk(h, 'today', { periodId: period._id }, 'big-edit')
    expect(kept.checkin?.content).toEqual({ text: '先写文字', images: [], voice: null })
  })
})
