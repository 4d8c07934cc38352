import type { PeriodDashboardView } from '../../../cloudfunctions/src/contracts/analytics'
import type { PeriodDayStatsDoc } from '../../../cloudfunctions/src/domain/analytics'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, checkin, joined, openPeriod } from '../camp/support'
import { ANALYST, analytics, analyticsOk, rollup } from './support'

let h: FunctionsHarness
let period: AdminPeriodView

/** The computed documents without their computedAt stamp (the clock moves on between two runs). */
const stored = async () =>
  [
    ...(await h.emu.db.find('period_day_stats', { periodId: period._id })),
    ...(await h.emu.db.find('period_funnels', { _id: period._id })),
  ].map((doc) => ({ ...(doc as { computedAt?: number }), computedAt: 'any' }))
const dayStats = async (day: string) => (await h.emu.db.find('period_day_stats', { _id: `${period._id}:${day}` }))[0] as PeriodDayStatsDoc

/**
 * A 7-day period with a 02:00 cut-off, starting Monday 2026-03-02 (server in UTC):
 * 第1天 ann 08:30 and bob 21:10; 第2天 ann at Wednesday 01:30 (still Tuesday's business day); cat joins on 第2天.
 */
beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member(ANALYST, ['admin'])
  await at(h, '2026-03-02 08:00')
  period = await openPeriod(h, { cutoffMinutes: 120 })
  await joined(h, period, ['ann', 'bob'])
  await at(h, '2026-03-02 08:30')
  await checkin(h, period._id, 'ann')
  await at(h, '2026-03-02 21:10')
  await checkin(h, period._id, 'bob')
  await at(h, '2026-03-03 10:00')
  await joined(h, period, ['cat'])
  await at(h, '2026-03-04 01:30')
  await checkin(h, period._id, 'ann')
  await at(h, '2026-03-04 01:50')
})
afterAll(() => h.close())

describe('period stats', () => {
  it('should count check-ins, joins and hours of a day, bucketing by the Shanghai wall clock', async () => {
    await rollup(h)
    const day1 = await dayStats('2026-03-02')
    expect(day1).toMatchObject({ dayIndex: 1, weekday: 0, checkedIn: 2, makeups: 0 })
    expect(day1.hours[8]).toBe(1)
    expect(day1.hours[21]).toBe(1)
    const day2 = await dayStats('2026-03-03')
    expect(day2).toMatchObject({ dayIndex: 2, weekday: 1, checkedIn: 1, newJoins: 1 })
    // 01:30 on Wednesday counts for Tuesday's business day but is drawn where it happened: Wednesday, 01:00.
    expect(day2.hours[1]).toBe(1)
    expect(day2.heat[2 * 24 + 1]).toBe(1)
    expect(day2.heat.reduce((a: number, b: number) => a + b, 0)).toBe(1)
  })

  it('should give the same documents when recomputed twice', async () => {
    await rollup(h)
    const first = await stored()
    await rollup(h)
    const second = await stored()
    expect(second).toEqual(first)
    expect(first.length).toBe(3)
  })

  it('should show the funnel, curves and heatmap on the dashboard', async () => {
    const before = h.emu.clock.now()
    await rollup(h)
    const view = await analyticsOk<PeriodDashboardView>(h, 'periodDashboard', { periodId: period._id })
    expect(view.stages).toEqual({ joined: 3, checkedIn: 2, half: 0, completed: 0, paid: 0 })
    expect(view.participation.slice(0, 2).map((p) => [p.count, p.of])).toEqual([
      [2, 2],
      [1, 3],
    ])
    expect(view.retention[1]).toMatchObject({ dayIndex: 2, count: 1, of: 2, rate: 0.5 })
    expect(view.heatmap[0][8] + view.heatmap[0][21] + view.heatmap[2][1]).toBe(3)
    expect(view.busiestHours.map((b) => b.hour)).toEqual([1, 8, 21])
    expect(view.computedAt).toBeGreaterThanOrEqual(before)
    expect(view.computedAt).toBeLessThanOrEqual(h.emu.clock.now())
  })

  it('should refuse a second refresh of the same period within a minute, then allow it', async () => {
    expect((await analytics(h, 'refresh', { periodId: period._id })).code).toBe(0)
    const again = await analytics(h, 'refresh', { periodId: period._id })
    expect(again).toMatchObject({ code: 'ANALYTICS.REFRESH_TOO_SOON', message: expect.stringContaining('分钟') })
    await at(h, '2026-03-04 01:52')
    expect((await analytics(h, 'refresh', { periodId: period._id })).code).toBe(0)
  })

  it('should finalise the last days of an ended period once, from the 15-minute timer', async () => {
    await at(h, '2026-03-08 23:00') // 第7天, the last day
    await checkin(h, period._id, 'bob')
    await at(h, '2026-03-09 10:00') // ended: the jump fires the timer
    const runs = async () => (await h.emu.db.find('analytics_runs', { _id: period._id }))[0] as { finalisedAt?: number } | undefined
    const finalisedAt = (await runs())?.finalisedAt
    expect(finalisedAt).toBeGreaterThan(0)
    expect(await dayStats('2026-03-08')).toMatchObject({ dayIndex: 7, checkedIn: 1 })
    await at(h, '2026-03-09 11:00')
    expect((await runs())?.finalisedAt).toBe(finalisedAt)
  })

  it('should answer PERIOD_NOT_FOUND for an unknown period', async () => {
    expect((await analytics(h, 'periodDashboard', { periodId: 'nope' })).code).toBe('ANALYTICS.PERIOD_NOT_FOUND')
    expect((await analytics(h, 'refresh', { periodId: 'nope' })).code).toBe('ANALYTICS.PERIOD_NOT_FOUND')
  })
})
