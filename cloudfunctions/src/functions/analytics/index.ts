import { AnalyticsRequest } from '../../contracts/analytics'
import type { AnalyticsResults } from '../../contracts/results'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { correctConversion, recordConversion, setRounds } from '../../services/analytics/conversions'
import { layersOverview, periodDashboard, periodOptions } from '../../services/analytics/dashboards'
import { exportPeriod } from '../../services/analytics/export'
import { periodMembers } from '../../services/analytics/members'
import { refreshPeriod, rollup } from '../../services/analytics/recompute'

/** Conversion tracking and operator dashboards: every action is for admins only; members never see analytics. */
const ADMIN = ['admin'] as const

export const main = defineFunction(
  actionsFrom<typeof AnalyticsRequest, AnalyticsResults>(AnalyticsRequest, {
    layers: { roles: ADMIN, run: async () => layersOverview(now()) },
    periods: { roles: ADMIN, run: async () => periodOptions(now()) },
    periodDashboard: { roles: ADMIN, run: async ({ periodId }) => periodDashboard(periodId, now()) },
    refresh: { roles: ADMIN, run: async ({ periodId }) => refreshPeriod(periodId, now()) },
    setRounds: { roles: ADMIN, run: async ({ periodId, rounds }) => setRounds(periodId, rounds, now()) },
    periodMembers: { roles: ADMIN, run: async ({ periodId, after, limit }) => periodMembers(periodId, after, limit) },
    recordConversion: { roles: ADMIN, run: async (input, { who }) => recordConversion(input, who.openid, now()) },
    correctConversion: { roles: ADMIN, run: async (input, { who }) => correctConversion(input, who.openid, now()) },
    exportPeriod: { roles: ADMIN, run: async ({ periodId, format }) => exportPeriod(periodId, format, now()) },
  }),
  { timer: timerJobs('analytics', { rollup: () => rollup(now()) }) },
)
