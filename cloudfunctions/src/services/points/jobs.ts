/** Timer and on-demand jobs: reconcile balances against entries (reconcile.ts), write expiry entries. */
import { planExpiry } from '../../domain/points'
import { now } from '../../shared/clock'
import { applyEntry } from './ledger'
import { expiryPolicy } from './policy'
import { allEntriesOf, balancePages } from './queries'

export { reconcileBalances, reconcileView, RECONCILE_REPORT_DOC } from './reconcile'
export type { ReconcileSummary } from '../../contracts/results'

/** Writes the expiry entries that are due; idempotent per member and month, so re-runs and overlaps are harmless. */
export async function expirePoints(): Promise<{ members: number; entries: number; points: number }> {
  const policy = await expiryPolicy()
  const stats = { members: 0, entries: 0, points: 0 }
  if (!policy.enabled) return stats
  for await (const page of balancePages()) {
    for (const balance of page) {
      const requests = planExpiry(await allEntriesOf(balance._id), balance, policy, now())
      if (requests.length) stats.members++
      for (const request of requests) {
        const out = await applyEntry(request, now())
        if (out.ok && !out.replayed) {
          stats.entries++
          stats.points -= request.amount
        }
      }
    }
  }
  return stats
}
