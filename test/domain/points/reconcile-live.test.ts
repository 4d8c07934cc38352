import { emptyBalance, planEntry, reconcileLive, type BalanceDoc, type LedgerEntry } from '@cloud/domain/points'

/** What creditInTx's `_.inc` update leaves on the balance doc. */
const creditedBalance = (prior: BalanceDoc | undefined, memberId: string, amount: number, now: number): BalanceDoc => {
  const b = prior ?? emptyBalance(memberId, now)
  return { ...b, balance: b.balance + amount, earned: b.earned + amount, version: b.version + 1, updatedAt: now }
}

const M = 'oMember2'

/** A correct ledger: the entries and the balance doc as of each version (0 = no doc yet). */
function ledger(amounts: number[]): { entries: LedgerEntry[]; balanceAt: (BalanceDoc | undefined)[] } {
  const entries: LedgerEntry[] = []
  const balanceAt: (BalanceDoc | undefined)[] = [undefined]
  amounts.forEach((amount, i) => {
    if (amount > 0) {
      // An award: applied with _.inc, no balance read, no balanceAfter.
      const entry: LedgerEntry = { _id: `checkin:p:2026-11-0${i + 1}:${M}`, memberId: M, amount, reason: 'checkin', at: i }
      entries.push(entry)
      balanceAt.push(creditedBalance(balanceAt[i], M, amount, i))
      return
    }
    const plan = planEntry(balanceAt[i], { _id: `adjust:r${i}`, memberId: M, amount, reason: 'adjust', note: 'n' }, i)
    if (!plan.ok || plan.replayed) throw new Error('setup')
    entries.push(plan.entry)
    balanceAt.push(plan.balance)
  })
  return { entries, balanceAt }
}

describe('reconcileLive (balance read, entries read, balance read again)', () => {
  it('should compare exactly when the version did not move between the two balance reads', () => {
    const { entries, balanceAt } = ledger([30, -10, 5, -5])
    expect(reconcileLive(M, balanceAt[4], entries, balanceAt[4])).toMatchObject({ settled: true, report: { ok: true } })
  })

  it('should not settle (and so never report) a reading during which an award or a spend committed', () => {
    const { entries, balanceAt } = ledger([30, -10, 5, -5])
    // The entries read saw the third and fourth entries; the first balance read did not count them.
    expect(reconcileLive(M, balanceAt[2], entries, balanceAt[4])).toEqual({ settled: false })
    expect(reconcileLive(M, undefined, entries.slice(0, 1), balanceAt[1])).toEqual({ settled: false })
  })

  it('should report an entry written without its balance update: the version stays, the count does not', () => {
    const { entries, balanceAt } = ledger([30, -10])
    const forged: LedgerEntry = { ...entries[1], _id: 'adjust:forged', amount: 20, balanceAfter: 40 }
    const reading = reconcileLive(M, balanceAt[2], [...entries, forged], balanceAt[2])
    expect(reading).toMatchObject({ settled: true, report: { ok: false } })
    expect(reading.settled && reading.report.mismatches.map((m) => m.field)).toEqual(['balance', 'earned', 'version'])
  })

  it('should report entries of a member with no balance doc in either read', () => {
    const { entries } = ledger([9])
    expect(reconcileLive(M, undefined, entries, undefined)).toMatchObject({ settled: true, report: { ok: false } })
  })

  it('should report a balance changed behind the ledger (its version untouched)', () => {
    const { entries, balanceAt } = ledger([30, -10, 5])
    const tampered = { ...(balanceAt[3] as BalanceDoc), balance: 999 }
    const reading = reconcileLive(M, tampered, entries, tampered)
    expect(reading).toMatchObject({ settled: true, report: { ok: false, mismatches: [{ field: 'balance' }] } })
  })
})
