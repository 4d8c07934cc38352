import { PointsRequest } from '../../contracts/points'
import type { PointsResults } from '../../contracts/results'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { adjustFor, auditFor, reverseFor } from '../../services/points/admin'
import { expirePoints, reconcileBalances, reconcileView } from '../../services/points/jobs'
import { balanceOf, historyOf } from '../../services/points/queries'

const ADMIN = ['admin'] as const

export const main = defineFunction(
  actionsFrom<typeof PointsRequest, PointsResults>(PointsRequest, {
    balance: { run: async (_input, { who }) => balanceOf(who.openid) },
    history: { run: async ({ before, limit }, { who }) => historyOf(who.openid, before, limit) },
    adjust: { roles: ADMIN, run: async ({ action: _a, ...input }, { who }) => adjustFor(input, who.openid, now()) },
    reverse: { roles: ADMIN, run: async ({ member, entry, note }) => reverseFor({ member, entry, note }, now()) },
    audit: { roles: ADMIN, run: async ({ member, reason, before, limit }) => auditFor({ member, reason, before }, limit) },
    reconcile: { roles: ADMIN, run: async ({ memberId }) => reconcileView(memberId) },
  }),
  {
    timer: timerJobs('points', {
      reconcile: () => reconcileBalances(),
      expire: () => expirePoints(),
    }),
  },
)
