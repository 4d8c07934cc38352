/**
 * The period picker shows the status the calendar says: a period is stored `open` when published and stays so until a
 * job moves it, so reading the stored value showed 招募中 for every period. It also says how many days have begun.
 */
import type { PeriodDashboardView, PeriodOption } from '../../../cloudfunctions/src/contracts/analytics'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, openPeriod } from '../camp/support'
import { ANALYST, analyticsOk } from './support'

let h: FunctionsHarness
let period: AdminPeriodView

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member(ANALYST, ['admin'])
  await at(h, '2026-08-01 09:00')
  period = await openPeriod(h, { lengthDays: 7 }, 2)
})
afterAll(() => h.close())

const option = async () => (await analyticsOk<PeriodOption[]>(h, 'periods')).find((p) => p.id === period._id)

describe('period options', () => {
  it('should say 招募中 before the start, then running with the days reached, then ended', async () => {
    expect(await option()).toMatchObject({ status: 'open', reachedDays: 0 })
    await at(h, '2026-08-05 10:00')
    expect(await option()).toMatchObject({ status: 'running', reachedDays: 3 })
    const view = await analyticsOk<PeriodDashboardView>(h, 'periodDashboard', { periodId: period._id })
    expect(view.period).toMatchObject({ status: 'running', reachedDays: 3 })
    await at(h, '2026-08-12 10:00')
    expect(await option()).toMatchObject({ status: 'ended', reachedDays: 7 })
  })
})
