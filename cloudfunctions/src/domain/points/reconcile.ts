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
  return { memberId, ok, expected, actual, mismatches, brokenChain, negativeAfter }
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
