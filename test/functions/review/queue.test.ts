import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, camp, LI, periodWithSubmissions, reviewOk, today, advance } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

describe('review queue', () => {
  it('should list today’s submissions oldest first with the time each waited', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['q-a', 'q-b', 'q-c'])
    await advance(h, 10 * 60_000)
    const page = await reviewOk(h, 'queue', { periodId: period._id }, LI)
    expect(page.items.map((i) => i.id)).toEqual(ids)
    expect(page.items[0]).toMatchObject({ waitedMinutes: 13, waitedLabel: '13 分钟', dayIndex: 1, redo: false, flagged: false })
    expect(page.items[0].member.nickname).toBe('q-a')
  })

  it('should name each period with its camp, on the items, the opened check-in and the stats chips', async () => {
    const { period } = await periodWithSubmissions(h, ['q-t1'])
    const title = /^英语口语打卡 \d+ · 第 1 期 · 7 天$/
    const page = await reviewOk(h, 'queue', { periodId: period._id }, LI)
    expect(page.items[0].periodTitle).toMatch(title)
    const opened = await reviewOk(h, 'open', { checkinId: page.items[0].id }, LI)
    expect(opened.item.periodTitle).toMatch(title)
    const stats = await reviewOk(h, 'stats', {}, LI)
    expect(stats.periods.find((p) => p.periodId === period._id)?.title).toMatch(title)
  })

  it('should count the backlog per period and day', async () => {
    const { period } = await periodWithSubmissions(h, ['q-n1', 'q-n2'])
    const page = await reviewOk(h, 'queue', { periodId: period._id }, LI)
    expect(page.backlog?.byPeriodDay.filter((g) => g.periodId === period._id)).toEqual([{ periodId: period._id, day: today(h), count: 2 }])
  })

  it('should page with the cursor without repeating or skipping anyone', async () => {
    const members = Array.from({ length: 5 }, (_, i) => `q-page-${i}`)
    const { period, ids } = await periodWithSubmissions(h, members)
    const first = await reviewOk(h, 'queue', { periodId: period._id, limit: 2 }, LI)
    const second = await reviewOk(h, 'queue', { periodId: period._id, limit: 2, cursor: first.next }, LI)
    const third = await reviewOk(h, 'queue', { periodId: period._id, limit: 2, cursor: second.next }, LI)
    expect([...first.items, ...second.items, ...third.items].map((i) => i.id)).toEqual(ids)
    expect(third.next).toBeNull()
    // The backlog comes with the first page only; scrolling on does not recount it.
    expect(first.backlog?.byPeriodDay.filter((g) => g.periodId === period._id)).toEqual([{ periodId: period._id, day: today(h), count: 5 }])
    expect([second.backlog, third.backlog]).toEqual([null, null])
  })

  it('should drop reviewed submissions from the pending queue', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['q-r1', 'q-r2'])
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '好' }, LI)
    const page = await reviewOk(h, 'queue', { periodId: period._id }, LI)
    expect(page.items.map((i) => i.id)).toEqual([ids[1]])
    // This test's own period: exactly the one left (other tests' periods share the teacher's backlog).
    expect(page.backlog?.byPeriodDay.filter((g) => g.periodId === period._id)).toEqual([{ periodId: period._id, day: today(h), count: 1 }])
  })

  it('should open the next submission after the current one, and null after the last', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['q-x1', 'q-x2'])
    const page = await reviewOk(h, 'queue', { periodId: period._id }, LI)
    const next = await reviewOk(h, 'next', { periodId: period._id, after: page.items[0].cursor }, LI)
    expect(next).toMatchObject({ item: { id: ids[1] }, content: { text: 'q-x2 的今日打卡' }, currentStreak: 1 })
    expect(await reviewOk(h, 'next', { periodId: period._id, after: page.items[1].cursor }, LI)).toBeNull()
  })

  it('should show the member’s streak and earlier check-ins when opened', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['q-hist'])
    await at(h, '2026-03-03 10:00')
    await camp(h, 'checkin', { periodId: period._id, text: '第二天' }, 'q-hist')
    const opened = await reviewOk(h, 'queue', { periodId: period._id, day: 'all' }, LI)
    const latest = opened.items.find((i) => i.id !== ids[0])
    const view = await reviewOk(h, 'open', { checkinId: latest?.id }, LI)
    expect(view).toMatchObject({ currentStreak: 2, history: [{ id: ids[0], dayIndex: 1 }] })
  })
})
