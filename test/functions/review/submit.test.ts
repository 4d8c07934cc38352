import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import type { ReviewView } from '../../../cloudfunctions/src/contracts/review-views'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import {
  at,
  balanceOf,
  checkinDoc,
  entriesOf,
  LI,
  periodWithSubmissions,
  review,
  reviewOk,
  reviewsOf,
  teacherVoice,
  WANG,
  advance,
} from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

let bad = 0
const featuredEntries = async (memberId: string) => (await entriesOf(h, memberId)).filter((e) => e.reason === 'featured')

describe('submitting a review', () => {
  it('should store a text, voice and star review and mark the check-in reviewed', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['sub-a'])
    const voice = await teacherVoice(h, LI, period._id)
    const view = await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '发音很清楚！', voice, score: 4 }, LI)
    expect(view).toMatchObject({
      round: 0,
      reviewer: { id: publicIdOf(LI), name: '李老师' },
      comment: '发音很清楚！',
      voice: { durationSec: 12, fileId: expect.stringContaining(`/sealed/${publicIdOf(LI)}/`) },
      score: { value: 4, label: '4 星', short: '★★★★☆' },
      outcome: { value: 'reviewed' },
      editable: true,
    })
    expect((await checkinDoc(h, ids[0])).reviewStatus).toBe('reviewed')
  })

  it('should give the member a sealed copy of the voice comment, at a path without the teacher’s openid, with the same bytes', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['sub-voice'])
    const voice = await teacherVoice(h, LI, period._id)
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '', voice }, LI)
    const [stored] = (await h.emu.db.find('reviews', { checkinId: ids[0] })) as { voice: { fileId: string } }[]
    expect(stored.voice.fileId).not.toBe(voice.fileId)
    expect(stored.voice.fileId).not.toContain(LI)
    expect((await h.emu.storage.get(stored.voice.fileId))?.toString()).toBe('voice')
    // An edit that keeps the recording sends the sealed copy back: accepted, unchanged.
    const edited = await reviewOk(
      h,
      'editReview',
      { checkinId: ids[0], comment: '补一句文字', voice: { ...voice, fileId: stored.voice.fileId } },
      LI,
    )
    expect(edited.voice?.fileId).toBe(stored.voice.fileId)
  })

  it('should refuse a voice comment whose file is not in storage and store nothing', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['sub-novoice'])
    const voice = await teacherVoice(h, LI, period._id)
    const missing = { ...voice, fileId: voice.fileId.replace('c.mp3', 'never-uploaded.mp3') }
    const res = await review(h, 'submitReview', { checkinId: ids[0], comment: '好', voice: missing }, LI)
    expect(res).toMatchObject({ code: 'REVIEW.FOREIGN_FILE' })
    expect(await reviewsOf(h, ids[0])).toHaveLength(0)
    expect((await checkinDoc(h, ids[0])).reviewStatus).toBe('pending')
  })

  it('should let the first of two teachers win and tell the second who reviewed it', async () => {
    const { ids } = await periodWithSubmissions(h, ['sub-race'])
    const [a, b] = await Promise.all([
      review(h, 'submitReview', { checkinId: ids[0], comment: '李老师的点评' }, LI),
      review(h, 'submitReview', { checkinId: ids[0], comment: '王老师的点评' }, WANG),
    ])
    const winner = a.code === 0 ? LI : WANG
    const loser = [a, b].find((r) => r.code !== 0)
    expect([a, b].filter((r) => r.code === 0)).toHaveLength(1)
    expect(loser).toMatchObject({
      code: 'REVIEW.ALREADY_REVIEWED',
      message: `这份打卡已被${winner === LI ? '李老师' : '王老师'}点评`,
      details: { reviewer: publicIdOf(winner) },
    })
    // the winner's openid never reaches the losing teacher's client
    expect(JSON.stringify(loser)).not.toContain(winner)
    expect(await reviewsOf(h, ids[0])).toEqual([expect.objectContaining({ reviewerId: winner })])
  })

  it('should pay the featured bonus exactly once under retries and concurrent features', async () => {
    const { ids } = await periodWithSubmissions(h, ['sub-star'])
    const before = await balanceOf(h, 'sub-star')
    const submit = () => review(h, 'submitReview', { checkinId: ids[0], comment: '精选！', featured: true }, LI)
    const feature = (who: string) => review(h, 'feature', { checkinId: ids[0], featured: true }, who)
    const results = await Promise.all([submit(), submit(), feature(WANG), feature(LI), submit()])
    expect(results.every((r) => r.code === 0 || r.code === 'REVIEW.ALREADY_REVIEWED')).toBe(true)
    await reviewOk(h, 'feature', { checkinId: ids[0], featured: false }, WANG)
    await reviewOk(h, 'feature', { checkinId: ids[0], featured: true }, WANG)
    expect(await featuredEntries('sub-star')).toHaveLength(1)
    expect(await balanceOf(h, 'sub-star')).toBe(before + 20)
    expect((await checkinDoc(h, ids[0])).featured).toBe(true)
  })

  it('should leave no review and no bonus when the featured transaction fails, and pay once on the retry', async () => {
    const { ids } = await periodWithSubmissions(h, ['sub-fault'])
    const before = await balanceOf(h, 'sub-fault')
    // The balance write comes after the review insert, the check-in update and the ledger entry.
    h.emu.faults.failNext({ action: 'database.modifyDocument', collection: 'points_balances', times: 20 })
    const payload = { checkinId: ids[0], comment: '精选！', featured: true }
    const failed = await review(h, 'submitReview', payload, LI)
    h.emu.faults.clear()
    expect(failed.code).toBe('SYS.INTERNAL')
    expect((await checkinDoc(h, ids[0])).reviewStatus).toBe('pending')
    expect(await reviewsOf(h, ids[0])).toHaveLength(0)
    expect(await featuredEntries('sub-fault')).toHaveLength(0)
    await reviewOk(h, 'submitReview', payload, LI)
    await reviewOk(h, 'submitReview', payload, LI)
    expect(await featuredEntries('sub-fault')).toHaveLength(1)
    expect(await balanceOf(h, 'sub-fault')).toBe(before + 20)
    expect(await reviewsOf(h, ids[0])).toHaveLength(1)
  })

  it.each([
    ['a grade on a star camp', () => ({ comment: '好', score: 'A' }), 'REVIEW.INVALID_SCORE'],
    ['nothing at all', () => ({ comment: '   ' }), 'REVIEW.EMPTY'],
    ['a risky comment', () => ({ comment: '这里有违禁词' }), 'REVIEW.COMMENT_RISKY'],
    ['a 61-second voice', (v: { fileId: string }) => ({ voice: { fileId: v.fileId, durationSec: 61 } }), 'REQUEST.INVALID'],
    ['another teacher’s recording', (_v: unknown, w: { fileId: string }) => ({ voice: w }), 'REVIEW.FOREIGN_FILE'],
    ['an unknown field', () => ({ comment: '好', reviewerId: WANG }), 'REQUEST.INVALID'],
  ])('should refuse %s and change nothing', async (_name, payload, code) => {
    const { period, ids } = await periodWithSubmissions(h, [`sub-bad-${++bad}`])
    const own = await teacherVoice(h, LI, period._id)
    const theirs = await teacherVoice(h, WANG, period._id)
    const res = await review(h, 'submitReview', { checkinId: ids[0], ...payload(own, theirs) }, LI)
    expect(res).toMatchObject({ code, message: expect.any(String) })
    expect(await reviewsOf(h, ids[0])).toHaveLength(0)
    expect((await checkinDoc(h, ids[0])).reviewStatus).toBe('pending')
  })

  it('should let the author edit the review the same day, and nobody else', async () => {
    const { ids } = await periodWithSubmissions(h, ['sub-edit'])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '初稿', score: 3 }, LI)
    await advance(h, 3600_000)
    const later = h.emu.clock.now()
    const edited = await reviewOk(h, 'editReview', { checkinId: ids[0], comment: '改过的点评', score: 5 }, LI)
    expect(edited).toMatchObject({ comment: '改过的点评', score: { value: 5 } })
    expect(edited.editedAt).toBeGreaterThanOrEqual(later)
    expect(await review(h, 'editReview', { checkinId: ids[0], comment: '我来改' }, WANG)).toMatchObject({ code: 'REVIEW.NOT_AUTHOR' })
    expect(await reviewsOf(h, ids[0])).toHaveLength(1)
  })

  it('should refuse the author’s edit once the business day turned', async () => {
    const { ids } = await periodWithSubmissions(h, ['sub-late'])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '初稿' }, LI)
    await at(h, '2026-03-03 09:00')
    expect(await review(h, 'editReview', { checkinId: ids[0], comment: '第二天再改' }, LI)).toMatchObject({
      code: 'REVIEW.EDIT_WINDOW_PASSED',
    })
  })

  it('should answer the open view with the review and its score options after submitting', async () => {
    const { ids } = await periodWithSubmissions(h, ['sub-open'])
    const view: ReviewView = await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '好', score: 5 }, LI)
    const opened = await reviewOk(h, 'open', { checkinId: ids[0] }, WANG)
    expect(opened.review).toMatchObject({ id: view.id, editable: false })
    expect(opened.scoreOptions.map((o) => o.value)).toEqual([1, 2, 3, 4, 5])
    expect(opened).toMatchObject({ currentStreak: 1, content: { text: 'sub-open 的今日打卡' } })
  })
})
