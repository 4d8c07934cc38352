/**
 * 图片批注 (issue #17 item 4): the teacher's annotated photos travel with submitReview / editReview / returnForRedo.
 * Every file must be the caller's own upload under `reviews/{teacher}/` of this environment (or the sealed copy an
 * edit sends back) and exist; what is stored — and shown — is the sealed copy under the teacher's public id.
 */
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { reviewUploadPath } from '../../../cloudfunctions/src/domain/review'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { campOk, today, upload } from '../camp/support'
import { at, LI, periodWithSubmissions, review, reviewOk, WANG } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

let seq = 0
/** An annotated photo the teacher's page uploaded to their own review folder. */
const annotated = (teacherId: string, periodId: string, name = `a${++seq}.png`) =>
  h.emu.storage.put(reviewUploadPath(teacherId, periodId, name), Buffer.from(`annotated ${name} by ${teacherId}`))

interface StoredReview {
  annotatedImages?: string[]
}
const storedImages = async (checkinId: string) =>
  ((await h.emu.db.find('reviews', { checkinId })) as StoredReview[]).map((r) => r.annotatedImages)

const sealedFolder = (teacherId: string) => `/sealed/${publicIdOf(teacherId)}/`

describe('annotated photos with a review', () => {
  it('should store sealed copies under the teacher’s public id, in order, and answer them in the view', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['an-ok'])
    const files = [await annotated(LI, period._id), await annotated(LI, period._id)]
    const view = await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '看红圈', annotatedImages: files }, LI)
    const [stored] = await storedImages(ids[0])
    expect(stored).toHaveLength(2)
    for (const [i, f] of (stored ?? []).entries()) {
      expect(f).toContain(sealedFolder(LI))
      expect(f).not.toContain(LI)
      // The copy holds the bytes the teacher uploaded.
      expect((await h.emu.storage.get(f))?.toString()).toBe((await h.emu.storage.get(files[i]))?.toString())
    }
    expect(view.annotatedImages).toEqual(stored)
  })

  it('should take annotated photos alone as a review (no comment, voice or score)', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['an-alone'])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], annotatedImages: [await annotated(LI, period._id)] }, LI)
    expect((await storedImages(ids[0]))[0]).toHaveLength(1)
  })

  it.each([
    ['a member’s check-in upload', (periodId: string) => upload(h, 'an-bad-member', periodId, 'p.jpg')],
    ['another teacher’s review folder', (periodId: string) => annotated(WANG, periodId)],
    ['a file that was never uploaded', async (periodId: string) => (await annotated(LI, periodId)).replace(/[^/]+$/, 'never-uploaded.png')],
    [
      'a file of another environment',
      async (periodId: string) => (await annotated(LI, periodId)).replace('cloud://local-dev.', 'cloud://other-env.'),
    ],
    ['a query suffix', async (periodId: string) => `${await annotated(LI, periodId)}?v=2`],
    [
      'a `..` segment',
      async (periodId: string) => (await annotated(WANG, periodId)).replace(`/reviews/${WANG}/`, `/reviews/${LI}/../${WANG}/`),
    ],
    [
      'a sealed path of the teacher that names no file',
      async (periodId: string) => `${bucketOf(await annotated(LI, periodId))}sealed/${publicIdOf(LI)}/${'0'.repeat(64)}.png`,
    ],
    ['another teacher’s sealed copy', (periodId: string) => sealedBy(WANG, periodId)],
  ])('should refuse %s with REVIEW.FOREIGN_IMAGE and store nothing', async (_what, make) => {
    const { period, ids } = await periodWithSubmissions(h, [`an-bad-${++seq}`])
    const own = await annotated(LI, period._id)
    const bad = await make(period._id)
    for (const action of ['submitReview', 'returnForRedo'] as const) {
      const payload = {
        checkinId: ids[0],
        comment: '看图',
        annotatedImages: [own, bad],
        ...(action === 'returnForRedo' ? { reason: '重拍' } : {}),
      }
      expect(await review(h, action, payload, LI)).toMatchObject({ code: 'REVIEW.FOREIGN_IMAGE', message: expect.any(String) })
    }
    expect(await storedImages(ids[0])).toEqual([])
  })

  it('should refuse ten annotated photos as a malformed request and store nothing', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['an-ten'])
    const files = await Promise.all(Array.from({ length: 10 }, () => annotated(LI, period._id)))
    expect(await review(h, 'submitReview', { checkinId: ids[0], comment: '好', annotatedImages: files }, LI)).toMatchObject({
      code: 'REQUEST.INVALID',
    })
    expect(await storedImages(ids[0])).toEqual([])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '好', annotatedImages: files.slice(0, 9) }, LI)
    expect((await storedImages(ids[0]))[0]).toHaveLength(9)
  })

  it('should replace the list on an edit, keeping a sealed copy sent back, and clear it with none', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['an-edit'])
    const first = await reviewOk(
      h,
      'submitReview',
      { checkinId: ids[0], comment: '初稿', annotatedImages: [await annotated(LI, period._id), await annotated(LI, period._id)] },
      LI,
    )
    const [kept, dropped] = first.annotatedImages
    const added = await annotated(LI, period._id)
    const edited = await reviewOk(h, 'editReview', { checkinId: ids[0], comment: '改过', annotatedImages: [kept, added] }, LI)
    const [stored] = await storedImages(ids[0])
    expect(stored).toHaveLength(2)
    expect(stored?.[0]).toBe(kept)
    expect(stored).not.toContain(dropped)
    expect(stored?.[1]).toContain(sealedFolder(LI))
    expect(edited.annotatedImages).toEqual(stored)
    // Another teacher cannot smuggle the first teacher's sealed copy into their own edit, nor edit this one.
    expect(await review(h, 'editReview', { checkinId: ids[0], comment: '我来改', annotatedImages: [kept] }, WANG)).toMatchObject({
      code: 'REVIEW.FOREIGN_IMAGE',
    })
    await reviewOk(h, 'editReview', { checkinId: ids[0], comment: '不要图了' }, LI)
    expect(await storedImages(ids[0])).toEqual([[]])
  })

  it('should store the photos of a return for redo', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['an-redo'])
    const file = await annotated(LI, period._id)
    const view = await reviewOk(h, 'returnForRedo', { checkinId: ids[0], reason: '照着红圈重拍', annotatedImages: [file] }, LI)
    expect(view.annotatedImages).toHaveLength(1)
    expect(await storedImages(ids[0])).toEqual([view.annotatedImages])
  })
})

describe('annotated photos in the member’s views', () => {
  it('should show today’s and that day’s review with the sealed photos, no openid in them, and the edited list after an edit', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['an-member'])
    const files = [await annotated(LI, period._id), await annotated(LI, period._id)]
    const written = await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '看红圈', annotatedImages: files }, LI)
    const shown = async () => {
      const todayView = await campOk(h, 'today', { periodId: period._id }, 'an-member')
      const landing = await campOk(h, 'myCheckin', { periodId: period._id, day: today(h) }, 'an-member')
      expect(landing.review?.annotatedImages).toEqual(todayView.review?.annotatedImages)
      return todayView.review?.annotatedImages ?? []
    }
    const before = await shown()
    expect(before).toEqual(written.annotatedImages)
    expect(before).toHaveLength(2)
    for (const f of before) {
      expect(f).not.toContain(LI)
      expect(h.emu.storage.exists(f)).toBe(true)
    }
    await reviewOk(h, 'editReview', { checkinId: ids[0], comment: '看红圈', annotatedImages: [before[1]] }, LI)
    expect(await shown()).toEqual([before[1]])
  })
})

/** `cloud://{env}.{bucket}/` of a fileID. */
const bucketOf = (fileId: string) => fileId.slice(0, fileId.indexOf('/', 'cloud://'.length) + 1)

/** A sealed copy another teacher's review made. */
async function sealedBy(teacherId: string, periodId: string): Promise<string> {
  const { ids } = await periodWithSubmissions(h, [`an-sealed-${++seq}`], {}, teacherId)
  const view = await reviewOk(h, 'submitReview', { checkinId: ids[0], annotatedImages: [await annotated(teacherId, periodId)] }, teacherId)
  return view.annotatedImages[0]
}
