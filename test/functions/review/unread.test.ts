import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, campOk, LI, periodWithSubmissions, reviewOk, today, WANG, advance } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

const home = (member: string) => campOk(h, 'home', {}, member)

describe('unread reviews (server-side read marks)', () => {
  it('should count a new review as unread until the member opens that day, and only that review', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['ur-a', 'ur-b'])
    expect((await home('ur-a')).unread.count).toBe(0)

    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '发音很清楚', score: 5 }, LI)
    await reviewOk(h, 'submitReview', { checkinId: ids[1], comment: '继续加油', score: 4 }, LI)
    const before = await home('ur-a')
    expect(before.unread).toMatchObject({ count: 1, items: [{ periodId: period._id, day: today(h), dayIndex: 1, reviewerName: '李老师' }] })
    // The calendar shows the unread day but does not mark it seen.
    const cal = await campOk(h, 'calendar', { periodId: period._id }, 'ur-a')
    expect(cal.unreadReviews).toBe(1)
    expect(cal.days[0]).toMatchObject({ hasCheckin: true, review: { status: { value: 'reviewed' }, unread: true } })
    expect((await home('ur-a')).unread.count).toBe(1)

    const opened = await campOk(h, 'myCheckin', { periodId: period._id, day: today(h) }, 'ur-a')
    expect(opened).toMatchObject({ reviewUnread: true, review: { comment: '发音很清楚' } })
    expect((await home('ur-a')).unread.count).toBe(0)
    expect((await campOk(h, 'myCheckin', { periodId: period._id, day: today(h) }, 'ur-a')).reviewUnread).toBe(false)
    const after = await campOk(h, 'calendar', { periodId: period._id }, 'ur-a')
    expect(after.days[0].review).toMatchObject({ unread: false })
    // Another member's review stays unread for them.
    expect((await home('ur-b')).unread.count).toBe(1)
  })

  it('should show the review on today, mark it seen there, and make an edited comment unread again', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['ur-c'])
    const pending = await campOk(h, 'today', { periodId: period._id }, 'ur-c')
    expect(pending).toMatchObject({ review: null, reviewUnread: false, canRedo: false })

    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '很好', score: 5, featured: true }, LI)
    const shown = await campOk(h, 'today', { periodId: period._id }, 'ur-c')
    expect(shown).toMatchObject({ reviewUnread: true, review: { comment: '很好', featured: true, score: { value: 5 } } })
    expect((await home('ur-c')).unread.count).toBe(0)

    await advance(h, 60_000)
    await reviewOk(h, 'editReview', { checkinId: ids[0], comment: '很好，语调再自然一些' }, LI)
    expect((await home('ur-c')).unread.count).toBe(1)
    expect((await campOk(h, 'today', { periodId: period._id }, 'ur-c')).reviewUnread).toBe(true)
    expect((await home('ur-c')).unread.count).toBe(0)
  })

  it('should count a redo request as unread with canRedo on today, and the redo review replaces it', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['ur-d'])
    await reviewOk(h, 'returnForRedo', { checkinId: ids[0], reason: '请补上朗读录音' }, LI)
    const listed = await home('ur-d')
    expect(listed.unread.items).toEqual([expect.objectContaining({ outcome: { value: 'returned', label: '退回重做' } })])
    const t = await campOk(h, 'today', { periodId: period._id }, 'ur-d')
    expect(t).toMatchObject({ canRedo: true, review: { outcome: { value: 'returned' }, redoReason: '请补上朗读录音' } })

    await campOk(h, 'editCheckin', { periodId: period._id, day: today(h), text: '重做：加上了录音' }, 'ur-d')
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '这次很好', score: 5 }, WANG)
    const again = await home('ur-d')
    // One check-in, one unread entry: the latest round.
    expect(again.unread).toMatchObject({ count: 1, items: [{ outcome: { value: 'reviewed' }, reviewerName: '王老师' }] })
  })

  it('should leave the review unread when writing the read mark fails, and answer SYS', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['ur-e'])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '不错', score: 4 }, LI)
    // doc().set() is a modifyDocument request (upsert) on the wire.
    h.emu.faults.failNext({ action: 'database.modifyDocument', collection: 'review_reads' })
    const res = await h.call('camp', { action: 'myCheckin', periodId: period._id, day: today(h) }, 'ur-e')
    expect(h.emu.faults.pending()).toBe(0)
    expect(res.code).toMatch(/^SYS\./)
    expect((await home('ur-e')).unread.count).toBe(1)
  })
})
