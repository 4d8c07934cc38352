/**
 * The reconcile job: every balance doc against its entries. It runs beside live awards and spends and cannot use
 * a transaction (where() reads are refused inside one), so each member is read as `reconcileLive` needs: the
 * balance, then the entries, then (only when some entry is newer) the balance again.
 */
import { hasNewerEntries, reconcileLive, type BalanceDoc, type ReconcileReport } from '../../domain/points'
import { now } from '../../shared/clock'
import { db, getOrNull } from '../../shared/db'
import { BALANCES } from './ledger'
import { allEntriesOf, balancePages } from './queries'

export interface ReconcileSummary {
  checked: number
  mismatched: number
  reports: ReconcileReport[]
  at: number
}

export const RECONCILE_REPORT_DOC = 'points-reconcile-last'

const balanceDoc = async (memberId: string) => (await getOrNull<BalanceDoc>(BALANCES, memberId)) ?? undefined

/** One consistent reading of a member's ledger; `listed` is the balance doc already read (a page of the full run). */
async function readMember(memberId: string, listed?: BalanceDoc): Promise<ReconcileReport> {
  const before = listed ?? (await balanceDoc(memberId))
  const entries = await allEntriesOf(memberId)
  const after = hasNewerEntries(entries, before) ? await balanceDoc(memberId) : undefined
  return reconcileLive(memberId, before, entries, after)
}

/**
 * A member's report. A mismatch is reported only when a second, fresh reading finds one again: a correct commit
 * whose documents become visible one after the other cannot fail twice, a real corruption does.
 */
async function checkMember(memberId: string, listed?: BalanceDoc): Promise<ReconcileReport> {
  const first = await readMember(memberId, listed)
  return first.ok ? first : readMember(memberId)
}

/** Recomputes balances from entries and reports any mismatch (never "fixes" them: corrections are reversals). */
export async function reconcileBalances(memberId?: string): Promise<ReconcileSummary> {
  const reports: ReconcileReport[] = []
  let checked = 0
  const check = async (id: string, listed?: BalanceDoc) => {
    checked++
    const report = await checkMember(id, listed)
    if (!report.ok) reports.push(report)
  }
  if (memberId) await check(memberId)
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
