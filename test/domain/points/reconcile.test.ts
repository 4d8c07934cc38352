import { entryKeyOf, planEntry, reconcile, sumEntries, type BalanceDoc, type LedgerEntry } from '@cloud/domain/points'

const M = 'oMember1'

function history(): { entries: LedgerEntry[]; balance: BalanceDoc } {
  const entries: LedgerEntry[] = []
  let balance: BalanceDoc | undefined
  const requests = [
    { _id: 'featured:s1', amount: 50, reason: 'featured' as const },
    { _id: 'redeem:o1', amount: -20, reason: 'redeem' as const },
    { _id: 'refund:o1', amount: 20, reason: 'refund' as const },
    { _id: 'expire:oMember1:2026-12', amount: -5, reason: 'expire' as const },
  ]
  requests.forEach((r, i) => {
    const plan = planEntry(balance, { ...r, memberId: M }, 1000 * i)
    if (!plan.ok || plan.replayed) throw new Error('setup')
    entries.push(plan.entry)
    balance = plan.balance
  })
  return { entries, balance: balance as BalanceDoc }
}

describe('sumEntries and reconcile', () => {
  it('should sum net earned and spent so that earned − spent = balance', () => {
    expect(sumEntries(history().entries)).toEqual({ balance: 45, earned: 50, spent: 5, count: 4 })
  })

  it('should report ok when the balance doc matches its entries', () => {
    const { entries, balance } = history()
    expect(reconcile(M, balance, entries)).toMatchObject({ ok: true, mismatches: [], negativeAfter: [], negativeBalance: false })
  })

  it('should report each field that differs from the entries', () => {
    const { entries, balance } = history()
    const report = reconcile(M, { ...balance, balance: 46, earned: 51 }, entries)
    expect(report.ok).toBe(false)
    expect(report.mismatches).toEqual([
      { field: 'balance', expected: 45, actual: 46 },
      { field: 'earned', expected: 50, actual: 51 },
    ])
  })

  it('should report a missing entry as a version mismatch', () => {
    const { entries, balance } = history()
    const report = reconcile(M, balance, [entries[0], entries[2], entries[3]])
    expect(report.mismatches.map((m) => m.field)).toEqual(['balance', 'spent', 'version'])
  })

  it('should reconcile blind credits (no balanceAfter) like any other entry', () => {
    const { entries, balance } = history()
    const credit: LedgerEntry = { _id: 'checkin:p:2026-11-02:oMember1', memberId: M, amount: 10, reason: 'checkin', at: 9000 }
    const after: BalanceDoc = { ...balance, balance: 55, earned: 60, version: 5 }
    expect(reconcile(M, after, [...entries, credit])).toMatchObject({ ok: true, mismatches: [] })
    expect(reconcile(M, balance, [...entries, credit]).mismatches.map((m) => m.field)).toEqual(['balance', 'earned', 'version'])
  })

  it('should flag a balance doc below zero', () => {
    const { entries, balance } = history()
    expect(reconcile(M, { ...balance, balance: -1 }, entries)).toMatchObject({ ok: false, negativeBalance: true })
  })

  it('should report entries without a balance doc', () => {
    const { entries } = history()
    expect(reconcile(M, undefined, entries)).toMatchObject({ ok: false, actual: undefined })
  })

  it('should flag an entry after which the running balance was negative', () => {
    const bad: LedgerEntry = {
      _id: 'makeup:p:2026-11-01:oMember1',
      memberId: M,
      amount: -5,
      reason: 'makeup',
      at: 0,
      balanceAfter: -5,
    }
    expect(reconcile(M, undefined, [bad]).negativeAfter).toEqual([entryKeyOf(bad)])
  })

  it('should ignore other members’ entries', () => {
    const { entries, balance } = history()
    const stranger: LedgerEntry = { ...entries[0], _id: 'featured:x', memberId: 'someone-else' }
    expect(reconcile(M, balance, [...entries, stranger]).ok).toBe(true)
  })
})
