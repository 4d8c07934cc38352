/**
 * An in-memory stand-in for the I/O layer the lead builds: entries keyed by `_id` (a second add with the same
 * `_id` fails, like CloudBase's -502001) and one balance doc per member. A "transaction" reads the balance doc
 * and the entry by `_id`, plans with the pure functions, and commits only if nothing it read has changed.
 */
import {
  emptyBalance,
  isBlindCredit,
  planCredit,
  planEntry,
  planReversal,
  replayOf,
  type BalanceDoc,
  type EntryPlan,
  type EntryRequest,
  type LedgerEntry,
} from '@cloud/domain/points'

export type CommitOutcome = 'committed' | 'duplicate' | 'conflict'

export interface Snapshot {
  balance: BalanceDoc | undefined
  existing: LedgerEntry | undefined
}

export class LedgerStore {
  readonly entries = new Map<string, LedgerEntry>()
  readonly balances = new Map<string, BalanceDoc>()

  read(memberId: string, entryId: string): Snapshot {
    return { balance: this.balances.get(memberId), existing: this.entries.get(entryId) }
  }

  plan(request: EntryRequest, now: number, snapshot = this.read(request.memberId, request._id)): EntryPlan {
    return planEntry(snapshot.balance, request, now, snapshot.existing)
  }

  planReversalOf(entryId: string, now: number, note?: string): EntryPlan | undefined {
    const original = this.entries.get(entryId)
    if (!original) return undefined
    const existing = this.entries.get(`reversal:${entryId}`)
    return planReversal(original, this.balances.get(original.memberId), now, { note, existing })
  }

  /** Atomic: the entry's `_id` must be new and the balance doc must still have the version the plan read. */
  commit(plan: EntryPlan): CommitOutcome {
    if (!plan.ok || plan.replayed) throw new Error('only planned entries are committed')
    if (this.entries.has(plan.entry._id)) return 'duplicate'
    const current = this.balances.get(plan.entry.memberId)?.version ?? 0
    if (current !== plan.balance.version - 1) return 'conflict'
    this.entries.set(plan.entry._id, plan.entry)
    this.balances.set(plan.balance._id, plan.balance)
    return 'committed'
  }

  /**
   * A full transaction with the retry CloudBase's runTransaction does on a conflict. A blind credit is applied the way
   * creditInTx does it: no balance read, the entry added under its key and the totals moved with `_.inc`.
   */
  apply(request: EntryRequest, now: number): EntryPlan {
    if (isBlindCredit(request)) {
      const existing = this.entries.get(request._id)
      if (existing) return replayOf(existing, request)
      const credit = planCredit(request, now)
      if (!credit.ok) return credit
      const prior = this.balances.get(request.memberId) ?? emptyBalance(request.memberId, now)
      const balance: BalanceDoc = {
        ...prior,
        balance: prior.balance + credit.delta.balance,
        earned: prior.earned + credit.delta.earned,
        spent: prior.spent + credit.delta.spent,
        version: prior.version + 1,
        updatedAt: now,
      }
      this.entries.set(credit.entry._id, credit.entry)
      this.balances.set(balance._id, balance)
      return { ok: true, replayed: false, entry: credit.entry, balance }
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const plan = this.plan(request, now)
      if (!plan.ok || plan.replayed || this.commit(plan) === 'committed') return plan
    }
    throw new Error('transaction kept conflicting')
  }

  entriesOf(memberId: string): LedgerEntry[] {
    return [...this.entries.values()].filter((e) => e.memberId === memberId)
  }
}
