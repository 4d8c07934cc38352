/** Timer and on-demand jobs: reconcile balances against entries, write expiry entries. */
import { planExpiry, reconcile, type BalanceDoc, type ReconcileReport } from '../../domain/points'
import { now } from '../../shared/clock'
import { db, getOrNull } from '../../shared/db'
import { applyEntry, BALANCES } from './ledger'
import { expiryPolicy } from './policy'
import { allEntriesOf, balancePages } from './queries'

export interface ReconcileSummary {
  checked: number
  mismatched: number
  reports: ReconcileReport[]
  at: number
}

export const RECONCILE_REPORT_DOC = 'points-reconcile-last'

/** Recomputes balances from entries and reports any mismatch (never "fixes" them: corrections are reversals). */
export async function reconcileBalances(memberId?: string): Promise<ReconcileSummary> {
  const reports: ReconcileReport[] = []
  let checked = 0
  const check = async (id: string, balance: BalanceDoc | undefined) => {
    checked++
    const report = reconcile(id, balance, await allEntriesOf(id))
    if (!report.ok) reports.push(report)
  }
  if (memberId) await check(memberId, (await getOrNull<BalanceDoc>(BALANCES, memberId)) ?? undefined)
  else for await (const page of balancePages()) for (const b of page) await check(b._id, b)
  const summary: ReconcileSummary = { checked, mismatched: reports.length, reports: reports.slice(0, 50), at: now() }
  if (!memberId) {
    await db()
      .collection('sys_meta')
      .doc(RECONCILE_REPORT_DOC)
      .set({ data: { ...summary } })
  }
  if (reports.length) console.error(`[points.reconcile] ${reports.length} mismatched balance(s)`, JSON.stringify(reports.slice(0, 5)))
  return summary
}

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
