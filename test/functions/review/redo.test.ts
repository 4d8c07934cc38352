import { REVIEW_TEMPLATE_ID } from '../../../cloudfunctions/src/contracts/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, camp, campOk, checkinDoc, LI, periodWithSubmissions, review, reviewOk, reviewsOf, today, WANG } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

describe('return for redo', () => {
  it('should let the member resubmit once, keep the day, queue the redo and review it as round 1', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['redo-a'])
    await reviewOk(h, 'returnForRedo', { checkinId: ids[0], reason: '请补上朗读录音' }, LI)
    const returned = await reviewOk(h, 'queue', { periodId: period._id, kind: 'returned' }, LI)
    expect(returned.items.map((i) => i.id)).toEqual([ids[0]])
    const landing = await campOk(h, 'myCheckin', { periodId: period._id, day: today(h) }, 'redo-a')
    expect(landing).toMatchObject({ canRedo: true, review: { outcome: { value: 'returned' }, redoReason: '请补上朗读录音' } })

    expect((await camp(h, 'editCheckin', { periodId: period._id, day: today(h), text: '重做：加上了录音' }, 'redo-a')).code).toBe(0)
    expect(await checkinDoc(h, ids[0])).toMatchObject({ reviewStatus: 'pending', redoCount: 1 })

    const pending = await reviewOk(h, 'queue', { periodId: period._id }, WANG)
    expect(pending.items).toEqual([expect.objectContaining({ id: ids[0], redo: true, day: today(h) })])
    const done = await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '这次很好', score: 5 }, WANG)
    expect(done.round).toBe(1)
    expect((await reviewsOf(h, ids[0])).map((r) => r.round).sort()).toEqual([0, 1])
    expect(await review(h, 'returnForRedo', { checkinId: ids[0], reason: '再来' }, LI)).toMatchObject({ code: 'REVIEW.ALREADY_REVIEWED' })
    expect(await review(h, 'editReview', { checkinId: ids[0], redoReason: '再重做一次' }, WANG)).toMatchObject({
      code: 'REVIEW.REDO_LIMIT',
    })
  })
})

describe('the member’s landing', () => {
  it('should show the member their check-in with the comment, the score and the points with the featured bonus', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['land-a'])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '读得很流利', score: 5, featured: true }, LI)
    const view = await campOk(h, 'myCheckin', { periodId: period._id, day: today(h) }, 'land-a')
    expect(view).toMatchObject({
      periodId: period._id,
      dayIndex: 1,
      checkin: { id: ids[0], reviewStatus: 'reviewed', featured: true, points: 10 },
      review: { comment: '读得很流利', score: { value: 5 }, reviewer: { name: '李老师' }, editable: false },
      featuredBonus: 20,
      pointsEarned: 30,
      canRedo: false,
    })
    expect(view.periodTitle).toMatch(/第 1 期$/)
  })

  it('should answer an empty landing for a day without a check-in', async () => {
    const { period } = await periodWithSubmissions(h, ['land-b'])
    const view = await campOk(h, 'myCheckin', { periodId: period._id, day: '2026-03-01' }, 'land-b')
    expect(view).toMatchObject({ checkin: null, review: null, pointsEarned: 0, dayIndex: null })
  })
})

describe('review notifications', () => {
  const subscribe = (periodId: string, member: string, requestId: string) =>
    campOk(h, 'subscribed', { periodId, accepted: [REVIEW_TEMPLATE_ID], requestId }, member)
  const sentTo = (member: string) => h.emu.openapi.outbox().filter((m) => m.touser === member)

  it('should send one message per review to a member holding a credit, and spend the credit', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['note-a'])
    h.emu.openapi.grantSubscription('note-a', [REVIEW_TEMPLATE_ID])
    expect(await subscribe(period._id, 'note-a', 'req-note-a-1')).toMatchObject({ reviewCredits: 1 })
    expect(await subscribe(period._id, 'note-a', 'req-note-a-1')).toMatchObject({ reviewCredits: 1 })
    await Promise.all([
      review(h, 'submitReview', { checkinId: ids[0], comment: '很棒' }, LI),
      review(h, 'submitReview', { checkinId: ids[0], comment: '不错' }, WANG),
    ])
    await review(h, 'editReview', { checkinId: ids[0], comment: '改一下' }, LI)
    expect(sentTo('note-a')).toEqual([
      expect.objectContaining({
        templateId: REVIEW_TEMPLATE_ID,
        page: `features/review/pages/comment/index?periodId=${period._id}&day=${today(h)}`,
      }),
    ])
    expect(await campOk(h, 'setReminder', { periodId: period._id, time: null }, 'note-a')).toMatchObject({ reviewCredits: 0 })
  })

  it('should send nothing and still review when the member holds no credit', async () => {
    const { ids } = await periodWithSubmissions(h, ['note-b'])
    h.emu.openapi.grantSubscription('note-b', [REVIEW_TEMPLATE_ID]) // WeChat has one, but the member never told us
    expect((await review(h, 'submitReview', { checkinId: ids[0], comment: '很棒' }, LI)).code).toBe(0)
    expect(sentTo('note-b')).toHaveLength(0)
  })
})
