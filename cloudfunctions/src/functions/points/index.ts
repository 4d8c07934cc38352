import { PointsRequest, toHistoryItem } from '../../contracts/points'
import { adjustKey } from '../../domain/points'
import { reject } from '../../domain/kernel'
import { now } from '../../shared/clock'
import { getOrNull } from '../../shared/db'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { expirePoints, reconcileBalances } from '../../services/points/jobs'
import { applyEntry } from '../../services/points/ledger'
import { auditTrail, balanceOf, historyOf } from '../../services/points/queries'
import { reverseEntry } from '../../services/points/reverse'

const ADMIN = ['admin'] as const

export const main = defineFunction(
  actionsFrom(PointsRequest, {
    balance: { run: async (_input, { who }) => balanceOf(who.openid) },
    history: { run: async ({ before, limit }, { who }) => historyOf(who.openid, before, limit) },
    adjust: {
      roles: ADMIN,
      run: async ({ memberId, amount, note, requestId }, { who }) => {
        if (!(await getOrNull('members', memberId))) return reject('POINTS.MEMBER_NOT_FOUND', '学员不存在')
        const out = await applyEntry(
          { _id: adjustKey(requestId), memberId, amount, reason: 'adjust', note, ref: `admin:${who.openid}` },
          now(),
        )
        return out.ok ? { entry: toHistoryItem(out.entry), replayed: out.replayed } : out
      },
    },
    reverse: {
      roles: ADMIN,
      run: async ({ entryId, note }) => {
        const out = await reverseEntry(entryId, note, now())
        return out.ok ? { entry: toHistoryItem(out.entry), replayed: out.replayed } : out
      },
    },
    audit: { roles: ADMIN, run: async ({ memberId, reason, before, limit }) => auditTrail({ memberId, reason, before }, limit) },
    reconcile: { roles: ADMIN, run: async ({ memberId }) => reconcileBalances(memberId) },
  }),
  {
    timer: timerJobs('points', {
      reconcile: () => reconcileBalances(),
      expire: () => expirePoints(),
    }),
  },
)
