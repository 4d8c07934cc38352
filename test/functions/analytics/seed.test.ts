import type { LayersView, PeriodDashboardView, PeriodOption } from '../../../cloudfunctions/src/contracts/analytics'
import { seedDemoData } from '../../../local/seed'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { analyticsOk } from './support'

let h: FunctionsHarness
const ADMIN = 'dev-admin'

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await seedDemoData(h.emu)
}, 120_000)
afterAll(() => h.close())

describe('demo analytics seed', () => {
  it('should open the running camp’s dashboard with a computed funnel, heatmap and two paid conversions', async () => {
    const periods = await analyticsOk<PeriodOption[]>(h, 'periods', {}, ADMIN)
    const running = periods.find((p) => p.lengthDays === 21)
    if (!running) throw new Error('no 21-day period in the demo data')
    const view = await analyticsOk<PeriodDashboardView>(h, 'periodDashboard', { periodId: running.id }, ADMIN)
    expect(view.computedAt).not.toBeNull()
    expect(view.stages.joined).toBe(12)
    expect(view.stages.checkedIn).toBeGreaterThan(0)
    expect(view.stages.paid).toBe(2)
    expect(view.rounds.map((r) => r.paid)).toEqual([1, 1, 0])
    expect(view.heatmap.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    expect(view.days.length).toBeGreaterThan(5)
  })

  it('should have layered the demo members, with the two payers on L5', async () => {
    const view = await analyticsOk<LayersView>(h, 'layers', {}, ADMIN)
    const count = Object.fromEntries(view.counts.map((c) => [c.layer, c.count]))
    expect(count.L5).toBe(2)
    expect(view.counts.reduce((s, c) => s + c.count, 0)).toBeGreaterThan(10)
    expect(view.paths.length).toBeGreaterThan(0)
  })
})
