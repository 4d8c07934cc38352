import { planEntry, planReversal, reversalIdOf, type BalanceDoc, type LedgerEntry } from '@cloud/domain/points'

const NOW = Date.parse('2026-11-24T02:00:00Z')
const M = 'oMember1'

function applied(balance: BalanceDoc | undefined, _id: string, amount: number, reason: LedgerEntry['reason']) {
  const plan = planEntry(balance, { _id, memberId: M, amount, reason }, NOW)
  if (!plan.ok || plan.replayed) throw new Error(`setup: ${JSON.stringify(plan)}`)
  return plan
}

describe('planReversal', () => {
  it('should append an entry negating the original, keyed by it, mirroring its account', () => {
    const award = applied(undefined, 'featured:s1', 30, 'featured')
    const plan = planReversal(award.entry, award.balance, NOW + 1, { note: '误操作' })
    expect(plan).toMatchObject({
      ok: true,
      replayed: false,
      entry: {
        _id: 'reversal:featured:s1',
        amount: -30,
        reason: 'reversal',
        ref: 'featured:s1',
        reversedReason: 'featured',
        note: '误操作',
      },
      balance: { balance: 0, earned: 0, spent: 0, version: 2 },
    })
  })

  it('should lower spent when reversing a spend', () => {
    const award = applied(undefined, 'featured:s1', 30, 'featured')
    const spend = applied(award.balance, 'makeup:p1:2026-11-20:oMember1', -10, 'makeup')
    const plan = planReversal(spend.entry, spend.balance, NOW)
    expect(plan.ok && !plan.replayed && plan.balance).toMatchObject({ balance: 30, earned: 30, spent: 0 })
  })

  it('should answer a repeated reversal with the first one', () => {
    const award = applied(undefined, 'featured:s1', 30, 'featured')
    const first = planReversal(award.entry, award.balance, NOW)
    if (!first.ok || first.replayed) throw new Error('setup')
    expect(planReversal(award.entry, first.balance, NOW, { existing: first.entry })).toEqual({
      ok: true,
      replayed: true,
      entry: first.entry,
    })
  })

  it('should refuse to reverse a reversal with POINTS.NOT_REVERSIBLE', () => {
    const award = applied(undefined, 'featured:s1', 30, 'featured')
    const first = planReversal(award.entry, award.balance, NOW)
    if (!first.ok || first.replayed) throw new Error('setup')
    expect(planReversal(first.entry, first.balance, NOW)).toMatchObject({ ok: false, code: 'POINTS.NOT_REVERSIBLE' })
  })

  it('should refuse to reverse a redeem, which is undone by cancelling its order', () => {
    const award = applied(undefined, 'featured:s1', 30, 'featured')
    const redeem = applied(award.balance, 'redeem:o1', -10, 'redeem')
    expect(planReversal(redeem.entry, redeem.balance, NOW)).toMatchObject({
      ok: false,
      code: 'POINTS.NOT_REVERSIBLE',
      message: '兑换请通过取消订单退还积分',
    })
  })

  it('should refuse a reversal that would make the balance negative with POINTS.INSUFFICIENT', () => {
    const award = applied(undefined, 'featured:s1', 30, 'featured')
    const spend = applied(award.balance, 'makeup:p1:2026-11-20:oMember1', -25, 'makeup')
    expect(planReversal(award.entry, spend.balance, NOW)).toMatchObject({ ok: false, code: 'POINTS.INSUFFICIENT' })
  })

  it('should name the reversal key for a read by _id', () => {
    expect(reversalIdOf({ _id: 'featured:s1' })).toBe('reversal:featured:s1')
  })
})
