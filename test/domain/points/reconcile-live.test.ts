import { hasNewerEntries, planEntry, reconcileLive, type BalanceDoc, type LedgerEntry } from '@cloud/domain/points'

const M = 'oMember2'

/** A correct ledger: the entries and the balance doc as of each version (0 = no doc yet). */
function ledger(amounts: number[]): { entries: LedgerEntry[]; balanceAt: (BalanceDoc | undefined)[] } {
  const entries: LedgerEntry[] = []
  const balanceAt: (BalanceDoc | undefined)[] = [undefined]
  amounts.forEach((amount, i) => {
    const plan = planEntry(balanceAt[i], { _id: `adjust:r${i}`, memberId: M, amount, reason: 'adjust', note: 'n' }, i)
    if (!plan.ok || plan.replayed) throw new Error('setup')
    entries.push(plan.entry)
    balanceAt.push(plan.balance)
  })
  return { entries, balanceAt }
}

describe('reconcileLive', () => {
  it('should pass entries committed after the first balance read when the second read counts them', () => {
    const { entries, balanceAt } = ledger([30, -10, 5, -5])
    expect(hasNewerEntries(entries, balanceAt[2])).toBe(true)
    expect(reconcileLive(M, balanceAt[2], entries, balanceAt[4])).toMatchObject({ ok: true, uncounted: [] })
  })

  it('should pass a member whose first entry committed after reconcile found no balance doc', () => {
    const { entries, balanceAt } = ledger([12])
    expect(reconcileLive(M, undefined, entries, balanceAt[1])).toMatchObject({ ok: true })
  })

  it('should report an entry that the balance read after the entries does not count', () => {
    const { entries, balanceAt } = ledger([30, -10])
    const forged = { ...entries[1], _id: 'adjust:forged', seq: 3, balanceAfter: 40, amount: 20 }
    expect(reconcileLive(M, balanceAt[2], [...entries, forged], balanceAt[2])).toMatchObject({ ok: false, uncounted: ['adjust:forged'] })
  })

  it('should report entries of a member with no balance doc in either read', () => {
    const { entries } = ledger([9])
    expect(reconcileLive(M, undefined, entries, undefined)).toMatchObject({ ok: false, uncounted: ['adjust:r0'] })
  })

  it('should report a balance that differs from the entries it counts, whatever came after', () => {
    const { entries, balanceAt } = ledger([30, -10, 5])
    const tampered = { ...(balanceAt[2] as BalanceDoc), balance: 999 }
    expect(reconcileLive(M, tampered, entries, balanceAt[3])).toMatchObject({ ok: false, mismatches: [{ field: 'balance' }] })
  })

  it('should need no second read when no entry is newer than the first', () => {
    const { entries, balanceAt } = ledger([30, -10])
    expect(hasNewerEntries(entries, balanceAt[2])).toBe(false)
    expect(reconcileLive(M, balanceAt[2], entries, undefined)).toMatchObject({ ok: true })
  })
})
