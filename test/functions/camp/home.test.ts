import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, balanceOf, campOk, checkin, ensureMember, joined, openPeriod } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await ensureMember(h, ADMIN, ['admin'])
})
afterAll(() => h.close())

describe('camp.home (首页 / 我的 in one call)', () => {
  it('should list every running camp the member joined with today’s state, and never an ended period under 报名中', async () => {
    await at(h, '2026-03-02 10:00')
    const ended = await openPeriod(h)
    await joined(h, ended, ['home-a'])
    await at(h, '2026-03-12 10:00')
    const first = await openPeriod(h)
    const second = await openPeriod(h)
    const upcoming = await openPeriod(h, {}, 3)
    const notMine = await openPeriod(h)
    await joined(h, first, ['home-a'])
    await joined(h, second, ['home-a'])
    await joined(h, upcoming, ['home-a'])
    expect((await checkin(h, first._id, 'home-a', { text: '今天读了一课' })).code).toBe(0)

    const view = await campOk(h, 'home', {}, 'home-a')

    expect(view.mine.map((i) => i.period.id).sort()).toEqual([first._id, second._id, upcoming._id].sort())
    // Running first, then the one not started yet.
    expect(view.mine[2].period.id).toBe(upcoming._id)
    const byId = new Map(view.mine.map((i) => [i.period.id, i]))
    expect(byId.get(first._id)).toMatchObject({
      dayLabel: '第 1 天',
      taskTheme: '自我介绍',
      checkedToday: true,
      canCheckIn: false,
      currentStreak: 1,
      todayReview: { value: 'pending', label: '待点评' },
    })
    expect(byId.get(second._id)).toMatchObject({ checkedToday: false, canCheckIn: true, todayReview: null })
    expect(byId.get(upcoming._id)).toMatchObject({ dayLabel: '未开营', canCheckIn: false })
    expect(view.currentStreak).toBe(1)
    expect(view.balance).toBe(await balanceOf(h, 'home-a'))
    expect(view.balance).toBeGreaterThan(0)

    const openPeriods = view.open.flatMap((c) => c.camp.periods.map((p) => p.id))
    expect(openPeriods).not.toContain(ended._id)
    expect(openPeriods).toEqual(expect.arrayContaining([first._id, notMine._id, upcoming._id]))
    const joinedIds = view.open.flatMap((c) => c.joinedPeriodIds)
    expect(joinedIds).toEqual(expect.arrayContaining([first._id, second._id, upcoming._id]))
    expect(joinedIds).not.toContain(notMine._id)
  })

  it('should answer an empty summary for a new member', async () => {
    await h.member('home-new', [])
    const view = await campOk(h, 'home', {}, 'home-new')
    expect(view).toMatchObject({ balance: 0, currentStreak: 0, mine: [], unread: { count: 0, items: [] } })
  })

  it('should refuse extra fields', async () => {
    expect((await h.call('camp', { action: 'home', memberId: 'home-a' }, 'home-new')).code).toBe('REQUEST.INVALID')
  })
})
