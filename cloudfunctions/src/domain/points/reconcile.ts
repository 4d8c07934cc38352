import { applyEffect, ZERO_TOTALS, type Totals } from './accounting'
import type { BalanceDoc, LedgerEntry } from './ledger'

export interface EntrySums extends Totals {
  count: number
}

/** The totals a balance doc must hold after exactly these entries (order does not matter for the sums). */
export function sumEntries(entries: readonly LedgerEntry[]): EntrySums {
  const totals = entries.reduce<Totals>((acc, e) => applyEffect(acc, e), ZERO_TOTALS)
  return { ...totals, count: entries.length }
}

export type ReconcileField = 'balance' | 'earned' | 'spent' | 'version'

export interface FieldMismatch {
  field: ReconcileField
  expected: number
  actual: number
}

export interface ReconcileReport {
  memberId: string
  ok: boolean
  expected: EntrySums
  /** Undefined when the member has entries but no balance doc (or neither). */
  actual?: Pick<BalanceDoc, ReconcileField>
  mismatches: FieldMismatch[]
  /** Entries whose `balanceAfter` is not the running sum in `seq` order, or whose `seq` is not 1, 2, 3… */
  brokenChain: string[]
  /** Entries after which the running balance was below zero. */
  negativeAfter: string[]
  /** Entries newer than the balance doc read after them: written without the balance update of their seq. */
  uncounted: string[]
}

/**
 * Recomputes a member's balance from all of their entries and reports every difference; the reconcile job logs or
 * alerts on `ok: false` and never "fixes" by editing — a human corrects with an adjustment or reversal.
 */
export function reconcile(memberId: string, balance: BalanceDoc | undefined, entries: readonly LedgerEntry[]): ReconcileReport {
  const own = entries.filter((e) => e.memberId === memberId)
  const expected = sumEntries(own)
  const actual = balance && { balance: balance.balance, earned: balance.earned, spent: balance.spent, version: balance.version }
  const observed = actual ?? { balance: 0, earned: 0, spent: 0, version: 0 }
  const wanted: Record<ReconcileField, number> = { ...expected, version: expected.count }
  const mismatches = (['balance', 'earned', 'spent', 'version'] as const)
    .filter((field) => wanted[field] !== observed[field])
    .map((field) => ({ field, expected: wanted[field], actual: observed[field] }))
  const { brokenChain, negativeAfter } = walkChain(own)
  const ok = mismatches.length === 0 && brokenChain.length === 0 && negativeAfter.length === 0 && (own.length === 0 || !!balance)
  return { memberId, ok, expected, actual, mismatches, brokenChain, negativeAfter, uncounted: [] }
}

const isCountedBy = (balance: BalanceDoc | undefined) => (entry: LedgerEntry) => entry.seq <= (balance?.version ?? 0)

/** Whether some entry is newer than the balance doc (`reconcileLive` then needs the balance read after the entries). */
export const hasNewerEntries = (entries: readonly LedgerEntry[], balance: BalanceDoc | undefined): boolean =>
  !entries.every(isCountedBy(balance))

/**
 * Reconciles reads taken without a transaction while awards and spends keep committing: `before` is the balance doc
 * read before the entries, `after` the one read after them. The entry with seq k commits in the transaction that
 * sets the balance's version to k, so the entries up to `before.version` are exactly what `before` must hold (all
 * committed by the time it was read), and every newer entry must be counted by `after`. An entry that `after` does
 * not count was written without its balance update; one counted by `after` only is checked by the next run.
 */
export function reconcileLive(
  memberId: string,
  before: BalanceDoc | undefined,
  entries: readonly LedgerEntry[],
  after: BalanceDoc | undefined,
): ReconcileReport {
  const own = entries.filter((e) => e.memberId === memberId)
  const report = reconcile(memberId, before, own.filter(isCountedBy(before)))
  const newer = own.filter((e) => !isCountedBy(before)(e))
  const uncounted = newer.filter((e) => !isCountedBy(after)(e)).map((e) => e._id)
  return { ...report, ok: report.ok && uncounted.length === 0, uncounted }
}

function walkChain(entries: readonly LedgerEntry[]): { brokenChain: string[]; negativeAfter: string[] } {
  const ordered = [...entries].sort((a, b) => a.seq - b.seq || a.at - b.at)
  const brokenChain: string[] = []
  const negativeAfter: string[] = []
  let running = 0
  ordered.forEach((entry, index) => {
    running += entry.amount
    if (entry.seq !== index + 1 || entry.balanceAfter !== running) brokenChain.push(entry._id)
    if (running < 0) negativeAfter.push(entry._id)
  })
  return { brokenChain, negativeAfter }
}
