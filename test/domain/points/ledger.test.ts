import {
  emptyBalance,
  isBlindCredit,
  MAX_ENTRY_AMOUNT,
  planCredit,
  planEntry,
  type BalanceDoc,
  type EntryRequest,
  type LedgerEntry,
} from '@cloud/domain/points'

const NOW = Date.parse('2026-11-24T02:00:00Z')
const M = 'oMember1'
const award = (amount: number, _id = 'checkin:p1:2026-11-24:oMember1'): EntryRequest => ({ _id, memberId: M, amount, reason: 'checkin' })
const balanceOf = (balance: number, version = 3): BalanceDoc => ({
  _id: M,
  balance,
  earned: balance + 10,
  spent: 10,
  version,
  updatedAt: 0,
})

describe('planEntry', () => {
  it('should create the balance doc at version 1 for a member without one', () => {
    const plan = planEntry(undefined, award(10), NOW)
    expect(plan).toEqual({
      ok: true,
      replayed: false,
      entry: { _id: 'checkin:p1:2026-11-24:oMember1', memberId: M, amount: 10, reason: 'checkin', at: NOW, balanceAfter: 10 },
      balance: { _id: M, balance: 10, earned: 10, spent: 0, version: 1, updatedAt: NOW },
    })
  })

  it('should increment the version by one and carry the running balance onto the entry', () => {
    const plan = planEntry(balanceOf(50), { _id: 'redeem:o1', memberId: M, amount: -20, reason: 'redeem', ref: 'o1' }, NOW)
    expect(plan.ok && !plan.replayed && [plan.entry.balanceAfter, plan.balance.version, plan.balance.spent]).toEqual([30, 4, 30])
  })

  it('should reject a spend larger than the balance with POINTS.INSUFFICIENT', () => {
    const plan = planEntry(balanceOf(19), { _id: 'redeem:o1', memberId: M, amount: -20, reason: 'redeem' }, NOW)
    expect(plan).toMatchObject({ ok: false, code: 'POINTS.INSUFFICIENT', message: '积分不足', details: { balance: 19, required: 20 } })
  })

  it('should allow a spend of exactly the whole balance', () => {
    const plan = planEntry(balanceOf(20), { _id: 'redeem:o1', memberId: M, amount: -20, reason: 'redeem' }, NOW)
    expect(plan.ok && !plan.replayed && plan.balance.balance).toBe(0)
  })

  it.each([0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_ENTRY_AMOUNT + 1, -(MAX_ENTRY_AMOUNT + 1)])(
    'should reject amount %p with POINTS.INVALID_AMOUNT',
    (amount) => {
      expect(planEntry(balanceOf(100), { ...award(1), reason: 'adjust', amount }, NOW)).toMatchObject({
        ok: false,
        code: 'POINTS.INVALID_AMOUNT',
      })
    },
  )

  it('should reject a credit reason with a negative amount with POINTS.REASON_SIGN', () => {
    expect(planEntry(balanceOf(100), award(-5), NOW)).toMatchObject({ ok: false, code: 'POINTS.REASON_SIGN' })
  })

  it('should reject a debit reason with a positive amount with POINTS.REASON_SIGN', () => {
    expect(planEntry(balanceOf(100), { _id: 'redeem:o1', memberId: M, amount: 5, reason: 'redeem' }, NOW)).toMatchObject({
      ok: false,
      code: 'POINTS.REASON_SIGN',
    })
  })

  it('should refuse a reversal planned as a plain entry with POINTS.INVALID_REASON', () => {
    const request = { _id: 'reversal:checkin:p1', memberId: M, amount: -5, reason: 'reversal' as const }
    expect(planEntry(balanceOf(100), request, NOW)).toMatchObject({ ok: false, code: 'POINTS.INVALID_REASON' })
  })

  it('should refuse an unknown reason with POINTS.INVALID_REASON', () => {
    const request = { ...award(5), reason: 'lottery' } as unknown as EntryRequest
    expect(planEntry(balanceOf(100), request, NOW)).toMatchObject({ ok: false, code: 'POINTS.INVALID_REASON' })
  })

  it('should refuse a refund that would make spent negative', () => {
    const fresh = emptyBalance(M, 0)
    expect(planEntry(fresh, { _id: 'refund:o1', memberId: M, amount: 5, reason: 'refund' }, NOW)).toMatchObject({
      ok: false,
      code: 'POINTS.INVALID_AMOUNT',
    })
  })

  it('should answer a retry of an applied key with the stored entry and nothing to write', () => {
    const first = planEntry(undefined, award(10), NOW)
    if (!first.ok || first.replayed) throw new Error('setup')
    const retry = planEntry(first.balance, award(10), NOW + 5000, first.entry)
    expect(retry).toEqual({ ok: true, replayed: true, entry: first.entry })
  })

  it('should answer a retry with the stored entry even when the balance no longer covers it', () => {
    const spent: LedgerEntry = { _id: 'redeem:o1', memberId: M, amount: -20, reason: 'redeem', ref: 'o1', at: 0, balanceAfter: 0 }
    const retry = planEntry(balanceOf(0), { _id: 'redeem:o1', memberId: M, amount: -20, reason: 'redeem', ref: 'o1' }, NOW, spent)
    expect(retry).toMatchObject({ ok: true, replayed: true })
  })

  it('should reject the same key with a different amount with POINTS.KEY_CONFLICT', () => {
    const first = planEntry(undefined, award(10), NOW)
    if (!first.ok || first.replayed) throw new Error('setup')
    expect(planEntry(first.balance, award(11), NOW, first.entry)).toMatchObject({ ok: false, code: 'POINTS.KEY_CONFLICT' })
  })

  it('should throw on caller bugs: a balance doc of another member or a malformed key', () => {
    expect(() => planEntry({ ...balanceOf(1), _id: 'other' }, award(1), NOW)).toThrow()
    expect(() => planEntry(undefined, award(1, 'no key here'), NOW)).toThrow(RangeError)
  })

  it('should keep earned − spent equal to the balance after a negative adjustment', () => {
    const plan = planEntry(balanceOf(50), { _id: 'adjust:req-1', memberId: M, amount: -30, reason: 'adjust', note: '重复发放' }, NOW)
    expect(plan.ok && !plan.replayed && plan.balance).toMatchObject({ balance: 20, earned: 30, spent: 10 })
  })
})

describe('planCredit (an award applied with _.inc, no balance read)', () => {
  it('should plan the entry without balanceAfter and the totals it adds', () => {
    expect(planCredit(award(10), NOW)).toEqual({
      ok: true,
      entry: { _id: 'checkin:p1:2026-11-24:oMember1', memberId: M, amount: 10, reason: 'checkin', at: NOW },
      delta: { balance: 10, earned: 10, spent: 0 },
    })
  })

  it('should take only positive amounts on the earned account: everything else needs the balance', () => {
    expect(isBlindCredit({ amount: 10, reason: 'checkin' })).toBe(true)
    expect(isBlindCredit({ amount: 5, reason: 'adjust' })).toBe(true)
    expect(isBlindCredit({ amount: -5, reason: 'adjust' })).toBe(false)
    expect(isBlindCredit({ amount: 20, reason: 'refund' })).toBe(false)
    expect(isBlindCredit({ amount: 20, reason: 'reversal' })).toBe(false)
    expect(isBlindCredit({ amount: -20, reason: 'redeem' })).toBe(false)
    expect(planCredit({ _id: 'redeem:o1', memberId: M, amount: -20, reason: 'redeem' }, NOW)).toMatchObject({ ok: false })
    expect(planCredit({ _id: 'refund:o1', memberId: M, amount: 20, reason: 'refund' }, NOW)).toMatchObject({ ok: false })
  })

  it('should refuse an amount beyond MAX_ENTRY_AMOUNT', () => {
    expect(planCredit(award(MAX_ENTRY_AMOUNT + 1), NOW)).toMatchObject({ ok: false, code: 'POINTS.INVALID_AMOUNT' })
  })
})
