import { EXPIRY_OFF, expiringBuckets, expiringSoon, planExpiry, planReversal, type ExpiryPolicy } from '@cloud/domain/points'
import { at, MEMBER, Timeline } from './support/timeline'

const oneMonth: ExpiryPolicy = { enabled: true, months: 1 }
const twoMonths: ExpiryPolicy = { enabled: true, months: 2 }

describe('points expiry', () => {
  it('should expire nothing while the policy is off', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-15T04:00:00Z'))
    expect(expiringBuckets(t.entries(), EXPIRY_OFF, at('2030-01-01T00:00:00Z'))).toEqual([])
    expect(planExpiry(t.entries(), t.balance(), EXPIRY_OFF, at('2030-01-01T00:00:00Z'))).toEqual([])
  })

  it('should schedule points earned in January to expire at the end of February with N = 1', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-15T04:00:00Z'))
    expect(expiringBuckets(t.entries(), oneMonth, at('2026-02-10T00:00:00Z'))).toEqual([
      { month: '2026-02', expiresAt: at('2026-02-28T16:00:00Z'), lastDay: '2026-02-28', amount: 100, overdue: false },
    ])
  })

  it('should let spends consume the oldest credits first', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-10T04:00:00Z'))
    t.credit(100, at('2026-02-10T04:00:00Z'))
    t.debit(150, at('2026-03-15T04:00:00Z'))
    expect(planExpiry(t.entries(), t.balance(), twoMonths, at('2026-04-01T00:00:00Z'))).toEqual([])
    expect(planExpiry(t.entries(), t.balance(), twoMonths, at('2026-05-01T00:00:00Z'))).toEqual([
      { _id: `expire:${MEMBER}:2026-04`, memberId: MEMBER, amount: -50, reason: 'expire', ref: '2026-04' },
    ])
  })

  it('should write nothing more when the timer runs again', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-10T04:00:00Z'))
    expect(t.runExpiry(oneMonth, at('2026-03-02T00:00:00Z')).map((e) => e.amount)).toEqual([-100])
    expect(planExpiry(t.entries(), t.balance(), oneMonth, at('2026-03-02T00:00:00Z'))).toEqual([])
    expect(planExpiry(t.entries(), t.balance(), oneMonth, at('2026-09-01T00:00:00Z'))).toEqual([])
  })

  it('should not expire on the last day of the month and expire at 00:00 Shanghai of the next', () => {
    const t = new Timeline()
    t.credit(10, at('2027-01-31T15:00:00Z'))
    expect(planExpiry(t.entries(), t.balance(), oneMonth, at('2027-02-28T15:59:59.999Z'))).toEqual([])
    expect(planExpiry(t.entries(), t.balance(), oneMonth, at('2027-02-28T16:00:00Z'))).toMatchObject([{ ref: '2027-02' }])
  })

  it('should count 23:59 Shanghai on Dec 31 as December and 00:00 on Jan 1 as January across the year end', () => {
    const t = new Timeline()
    t.credit(10, at('2026-12-31T15:59:59Z'))
    t.credit(20, at('2026-12-31T16:00:00Z'))
    expect(expiringBuckets(t.entries(), oneMonth, at('2027-01-05T00:00:00Z')).map((b) => [b.month, b.amount])).toEqual([
      ['2027-01', 10],
      ['2027-02', 20],
    ])
  })

  it('should report past-due points as overdue until the timer writes them', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-10T04:00:00Z'))
    expect(expiringBuckets(t.entries(), oneMonth, at('2026-03-05T00:00:00Z'))).toMatchObject([
      { month: '2026-02', overdue: true, amount: 100 },
    ])
    t.runExpiry(oneMonth, at('2026-03-05T00:00:00Z'))
    expect(expiringBuckets(t.entries(), oneMonth, at('2026-03-05T00:00:00Z'))).toEqual([])
  })

  it('should take a spend made while the timer is late from unexpired points first, then from the overdue ones', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-10T04:00:00Z'))
    t.credit(50, at('2026-02-28T16:01:00Z'))
    t.debit(120, at('2026-02-28T16:05:00Z'))
    expect(t.runExpiry(oneMonth, at('2026-02-28T16:10:00Z')).map((e) => e.amount)).toEqual([-30])
    expect(t.balance()?.balance).toBe(0)
  })

  it('should give refunded points a fresh expiry from the day of the refund', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-10T04:00:00Z'))
    t.debit(100, at('2026-01-20T04:00:00Z'))
    t.credit(100, at('2026-03-05T04:00:00Z'), 'refund')
    expect(expiringBuckets(t.entries(), oneMonth, at('2026-03-06T00:00:00Z')).map((b) => b.month)).toEqual(['2026-04'])
  })

  it('should treat a reversed expiry as a fresh credit', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-10T04:00:00Z'))
    const [expired] = t.runExpiry(oneMonth, at('2026-03-01T00:00:00Z'))
    const plan = planReversal(expired, t.balance(), at('2026-03-02T00:00:00Z'), { note: '客服恢复' })
    if (!plan.ok || plan.replayed) throw new Error('setup')
    expect(t.store.commit(plan)).toBe('committed')
    expect(expiringBuckets(t.entries(), oneMonth, at('2026-03-03T00:00:00Z'))).toMatchObject([{ month: '2026-04', amount: 100 }])
  })

  it('should list only what expires within the given days, with the total', () => {
    const t = new Timeline()
    t.credit(10, at('2026-01-10T04:00:00Z'))
    t.credit(20, at('2026-02-10T04:00:00Z'))
    const soon = expiringSoon(t.entries(), oneMonth, at('2026-02-20T00:00:00Z'), 30)
    expect(soon).toMatchObject({ amount: 10, buckets: [{ month: '2026-02', lastDay: '2026-02-28' }] })
  })

  it('should not write a second expiry for a month that already has one, even a partial one', () => {
    const t = new Timeline()
    t.credit(100, at('2026-01-10T04:00:00Z'))
    const partial = { _id: `expire:${MEMBER}:2026-02`, memberId: MEMBER, amount: -40, reason: 'expire' as const, ref: '2026-02' }
    expect(t.store.apply(partial, at('2026-03-01T00:00:00Z')).ok).toBe(true)
    expect(planExpiry(t.entries(), t.balance(), oneMonth, at('2026-03-02T00:00:00Z'))).toEqual([])
  })

  it('should replay entries of one millisecond in the order every balanceAfter proves, not the first one that fits', () => {
    // fast-check's counterexample (CI, 2026-12-03): at 00:00 Shanghai on March 1 a spend of 101, credits of 7 and 94
    // and the timer's expiry of the 1 point left of January all carry the same `at`. From 102, the expiry's own
    // balanceAfter (101) fits first, and after it nothing fits: the spend then took the new credits, and the buckets
    // held 0 of a balance of 101.
    const t = new Timeline()
    t.credit(102, at('2026-01-09T22:00:00Z'))
    const midnight = at('2026-02-28T16:00:00Z')
    t.debit(101, midnight)
    t.credit(7, midnight)
    t.credit(94, midnight)
    expect(t.runExpiry(oneMonth, midnight).map((e) => e.amount)).toEqual([-1])
    expect(t.balance()?.balance).toBe(101)
    expect(expiringBuckets(t.entries(), oneMonth, midnight)).toMatchObject([{ month: '2026-04', amount: 101, overdue: false }])
    expect(planExpiry(t.entries(), t.balance(), oneMonth, midnight)).toEqual([])
  })

  it('should reject a policy with months out of range', () => {
    expect(() => expiringBuckets([], { enabled: true, months: 0 }, 0)).toThrow(RangeError)
  })
})
