import { applyEffect, ZERO_TOTALS, type Totals } from './accounting'
import { entryKeyOf } from './entry-key'
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
  /**
   * Entry keys (`{at}.{tag}`, entry-key.ts: ids hold openids) of entries that recorded a negative balance after them
   * (only entries planned against a read balance record one).
   */
  negativeAfter: string[]
  /** The balance doc itself is below zero. */
  negativeBalance: boolean
}

/**
 * Recomputes a member's balance from all of their entries and reports every difference; the reconcile job logs or
 * alerts on `ok: false` and never "fixes" by editing — a human corrects with an adjustment or reversal. `version`
 * must equal the number of entries: every entry's transaction moves it by one (`_.inc(1)` or read + 1).
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
  const negativeAfter = own.filter((e) => e.balanceAfter !== undefined && e.balanceAfter < 0).map(entryKeyOf)
  const negativeBalance = observed.balance < 0
  const ok = mismatches.length === 0 && negativeAfter.length === 0 && !negativeBalance && (own.length === 0 || !!balance)
  return { memberId, ok, expected, actual, mismatches, negativeAfter, negativeBalance }
}

/** The answer of a reading taken while awards and spends may commit: a report, or "the member moved meanwhile". */
export type LiveReading = { settled: true; report: ReconcileReport } | { settled: false }

/**
 * Reconciles reads taken without a transaction: `before` is the balance doc read before the entries, `after` the one
 * read after them. Every transaction that writes entries moves the balance doc's `version`, so when both reads show
 * the same version no entry committed in between and the entries read are exactly the ones the balance counts: the
 * comparison is exact. When the version moved, the reading proves nothing either way and is not settled (the caller
 * reads again); it is never reported as a mismatch. An entry written without its balance update (or a balance changed
 * without an entry) leaves the version where it was, so real corruption always settles and is reported.
 */
export function reconcileLive(
  memberId: string,
  before: BalanceDoc | undefined,
  entries: readonly LedgerEntry[],
  after: BalanceDoc | undefined,
): LiveReading {
  if ((before?.version ?? 0) !== (after?.version ?? 0) || !before !== !after) return { settled: false }
  return { settled: true, report: reconcile(memberId, after, entries) }
}
