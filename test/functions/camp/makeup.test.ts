import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, balanceOf, camp, checkin, checkinsOf, entriesOf, joined, openPeriod } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

const makeup = (periodId: string, openid: string, day: string) => camp(h, 'makeup', { periodId, day }, openid)

/** Joined on day 1, checked in on days 1 and 2, missed day 3; the clock is on day 4. */
async function missedDayThree(member: string, overrides: Record<string, unknown> = {}) {
  await at(h, '2026-03-02 09:00')
  const period = await openPeriod(h, overrides)
  await joined(h, period, [member])
  await checkin(h, period._id, member)
  await at(h, '2026-03-03 09:00')
  await checkin(h, period._id, member)
  await at(h, '2026-03-05 09:00')
  return period
}

describe('make-ups', () => {
  it('should change nothing when the make-up cannot be paid', async () => {
    const period = await missedDayThree('broke', { makeup: { maxCount: 2, withinDays: 3, cost: 50, keepsStreak: true } })
    const before = await balanceOf(h, 'broke')
    const res = await makeup(period._id, 'broke', '2026-03-04')
    expect(res).toMatchObject({ code: 'CAMP.MAKEUP_INSUFFICIENT_POINTS', message: '积分不足，无法补卡' })
    expect(await balanceOf(h, 'broke')).toBe(before)
    expect((await checkinsOf(h, period._id, 'broke')).map((c) => c.day)).toEqual(['2026-03-02', '2026-03-03'])
    expect((await entriesOf(h, 'broke')).filter((e) => e.reason === 'makeup')).toEqual([])
  })

  it('should debit the cost, fill the day and rejoin the streak in one step', async () => {
    const period = await missedDayThree('mender')
    // 2 check-ins × 10 points; the make-up costs 20 and completes the 3-day milestone (+30).
    const res = await makeup(period._id, 'mender', '2026-03-04')
    expect(res).toMatchObject({ code: 0, data: { currentStreak: 3, makeupsLeft: 1, summary: { checked: 2, madeUp: 1, missed: 0 } } })
    expect(await balanceOf(h, 'mender')).toBe(20 - 20 + 30)
    expect((await entriesOf(h, 'mender')).map((e) => e.reason).sort()).toEqual(['checkin', 'checkin', 'makeup', 'streak_bonus'])
  })

  it('should refuse a future day and a day before the member joined', async () => {
    await at(h, '2026-03-02 09:00')
    const period = await openPeriod(h)
    await at(h, '2026-03-03 09:00')
    await joined(h, period, ['latecomer'])
    await at(h, '2026-03-05 09:00')
    expect(await makeup(period._id, 'latecomer', '2026-03-06')).toMatchObject({ code: 'CAMP.MAKEUP_FUTURE' })
    expect(await makeup(period._id, 'latecomer', '2026-03-02')).toMatchObject({ code: 'CAMP.MAKEUP_BEFORE_JOIN' })
    expect(await checkinsOf(h, period._id, 'latecomer')).toHaveLength(0)
  })

  it('should make up a day once however often it is sent', async () => {
    const period = await missedDayThree('doubletap')
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => makeup(period._id, 'doubletap', '2026-03-04')))
    expect(results.filter((r) => r.code === 0)).toHaveLength(1)
    expect((await entriesOf(h, 'doubletap')).filter((e) => e.reason === 'makeup')).toHaveLength(1)
  })
})
