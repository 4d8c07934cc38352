/**
 * The reconcile job: every balance doc against its entries. It runs beside live awards and spends and cannot use
 * a transaction (where() reads are refused inside one), so each member is read as `reconcileLive` needs: the
 * balance, then the entries, then the balance again. Every entry's transaction moves the balance doc's `version`, so
 * equal versions around the entries read mean nothing committed in between and the comparison is exact; a member
 * whose version moved is read again (a few times), and one still moving is left for the next run — never reported.
 */
import { reconcileLive, type BalanceDoc, type ReconcileReport } from '../../domain/points'
import { now } from '../../shared/clock'
import { BALANCES, repo } from './store'
import { allEntriesOf, balancePages } from './queries'
import { picksOf } from '../identity/directory'
import type { ReconcileSummary, ReconcileView } from '../../contracts/results'

export const RECONCILE_REPORT_DOC = 'points-reconcile-last'
/** Readings per member before it is left for the next run. */
export const RECONCILE_READINGS = 5

const balanceDoc = async (memberId: string) => (await repo.get(BALANCES, memberId)) ?? undefined

/** A settled report, or null when the member's ledger moved during every reading. `listed` is the page's balance doc. */
async function settledReading(memberId: string, listed?: BalanceDoc): Promise<ReconcileReport | null> {
  let before = listed ?? (await balanceDoc(memberId))
  for (let i = 0; i < RECONCILE_READINGS; i++) {
    const entries = await allEntriesOf(memberId)
    const after = await balanceDoc(memberId)
    const reading = reconcileLive(memberId, before, entries, after)
    if (reading.settled) return reading.report
    before = after
  }
  return null
}

/**
 * A member's report. A mismatch is reported only when a second, fresh reading finds one again: a correct commit
 * whose documents become visible one after the other cannot fail twice, a real corruption does.
 */
async function checkMember(memberId: string, listed?: BalanceDoc): Promise<ReconcileReport | null> {
  const first = await settledReading(memberId, listed)
  return !first || first.ok ? first : settledReading(memberId)
}

/** Recomputes balances from entries and reports any mismatch (never "fixes" them: corrections are reversals). */
export async function reconcileBalances(memberId?: string): Promise<ReconcileSummary> {
  const reports: ReconcileReport[] = []
  let checked = 0
  let busy = 0
  const check = async (id: string, listed?: BalanceDoc) => {
    checked++
    const report = await checkMember(id, listed)
    if (!report) busy++
    else if (!report.ok) reports.push(report)
  }
  if (memberId) await check(memberId)
  else for await (const page of balancePages()) for (const b of page) await check(b._id, b)
  const summary: ReconcileSummary = { checked, mismatched: reports.length, busy, reports: reports.slice(0, 50), at: now() }
  if (!memberId) {
    await repo
      .col('sys_meta')
      .doc(RECONCILE_REPORT_DOC)
      .set({ data: { ...summary } })
  }
  if (reports.length) console.error(`[points.reconcile] ${reports.length} mismatched balance(s)`, JSON.stringify(reports.slice(0, 5)))
  return summary
}

/** The admin action's answer: the same run, each report naming its member by handle and nickname (no openid). */
export async function reconcileView(memberId?: string): Promise<ReconcileView> {
  const summary = await reconcileBalances(memberId)
  const picks = await picksOf(summary.reports.map((r) => r.memberId))
  const reports = summary.reports.map(({ memberId: id, ...report }) => {
    const pick = picks.get(id)
    return { ...report, member: { handle: pick?.handle ?? '', nickname: pick?.nickname ?? '' } }
  })
  return { ...summary, reports }
}
