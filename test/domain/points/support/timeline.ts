/** Builds one member's ledger on a timeline through the store, for the expiry tests. */
import { planExpiry, type EntryRequest, type ExpiryPolicy, type LedgerEntry } from '@cloud/domain/points'
import { LedgerStore } from './ledger-store'

export const MEMBER = 'oTimeline'
export const at = (iso: string) => Date.parse(iso)

export class Timeline {
  readonly store = new LedgerStore()
  private n = 0

  credit(amount: number, when: number, reason: EntryRequest['reason'] = 'featured'): LedgerEntry {
    return this.put({ _id: `${reason === 'refund' ? 'refund' : 'featured'}:t${this.n++}`, memberId: MEMBER, amount, reason }, when)
  }

  debit(amount: number, when: number): LedgerEntry {
    return this.put({ _id: `redeem:t${this.n++}`, memberId: MEMBER, amount: -amount, reason: 'redeem' }, when)
  }

  /** What the expiry timer does: plan, then apply each request in its own transaction. */
  runExpiry(policy: ExpiryPolicy, now: number): LedgerEntry[] {
    const requests = planExpiry(this.entries(), this.balance(), policy, now)
    return requests.map((r) => this.put(r, now))
  }

  entries(): LedgerEntry[] {
    return this.store.entriesOf(MEMBER)
  }

  balance() {
    return this.store.balances.get(MEMBER)
  }

  private put(request: EntryRequest, when: number): LedgerEntry {
    const plan = this.store.apply(request, when)
    if (!plan.ok || plan.replayed) throw new Error(`not applied: ${JSON.stringify(plan)}`)
    return plan.entry
  }
}
