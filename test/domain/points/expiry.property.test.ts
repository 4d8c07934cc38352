import fc from 'fast-check'
import { expiringBuckets, expiryMonthOf, monthEndExclusive, planExpiry, reconcile, type ExpiryPolicy } from '@cloud/domain/points'
import { at, MEMBER, Timeline } from './support/timeline'

type Step = { t: 'credit'; amount: number } | { t: 'debit'; amount: number } | { t: 'wait'; hours: number } | { t: 'job' }

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('credit' as const), amount: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('debit' as const), amount: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 50 * 24 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('job' as const) }) },
)
const policyArb = fc.record({ enabled: fc.constant(true), months: fc.integer({ min: 1, max: 3 }) })
/** Start anywhere in 2026, at any minute, so month and year ends are crossed at all hours. */
const startArb = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T23:59:00Z') })

function checkAfterJob(t: Timeline, policy: ExpiryPolicy, now: number): void {
  const balance = t.balance()
  expect(planExpiry(t.entries(), balance, policy, now)).toEqual([])
  const buckets = expiringBuckets(t.entries(), policy, now)
  expect(buckets.some((b) => b.overdue)).toBe(false)
  expect(buckets.reduce((s, b) => s + b.amount, 0)).toBe(balance?.balance ?? 0)
}

function checkTotals(t: Timeline, policy: ExpiryPolicy): void {
  const entries = t.entries()
  expect(reconcile(MEMBER, t.balance(), entries).ok).toBe(true)
  const earnedByMonth = new Map<string, number>()
  let credits = 0
  let expired = 0
  let spent = 0
  for (const e of entries) {
    if (e.amount > 0) {
      credits += e.amount
      const month = expiryMonthOf(e.at, policy)
      earnedByMonth.set(month, (earnedByMonth.get(month) ?? 0) + e.amount)
    } else if (e.reason === 'expire') {
      expired -= e.amount
      expect(-e.amount).toBeLessThanOrEqual(earnedByMonth.get(e.ref as string) ?? 0)
      expect(e.at).toBeGreaterThanOrEqual(monthEndExclusive(e.ref as string))
    } else spent -= e.amount
  }
  expect(expired + spent).toBeLessThanOrEqual(credits)
}

describe('expiry properties', () => {
  it('should never expire more than a bucket holds, keep expired + spent ≤ earned, and be idempotent when re-run', () => {
    fc.assert(
      fc.property(policyArb, startArb, fc.array(stepArb, { minLength: 1, maxLength: 60 }), (policy, start, steps) => {
        const t = new Timeline()
        let now = start
        for (const step of steps) {
          const balance = t.balance()?.balance ?? 0
          if (step.t === 'credit') t.credit(step.amount, now)
          else if (step.t === 'debit' && step.amount <= balance) t.debit(step.amount, now)
          else if (step.t === 'wait') now += step.hours * 3600_000
          else if (step.t === 'job') {
            t.runExpiry(policy, now)
            checkAfterJob(t, policy, now)
          }
          checkTotals(t, policy)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('should expire the same total whether the timer runs every day or once at the end', () => {
    fc.assert(
      fc.property(policyArb, startArb, fc.array(stepArb, { maxLength: 40 }), (policy, start, steps) => {
        const daily = new Timeline()
        const once = new Timeline()
        let now = start
        for (const step of steps) {
          if (step.t === 'credit') [daily, once].forEach((t) => t.credit(step.amount, now))
          if (step.t === 'wait') now += step.hours * 3600_000
          if (step.t === 'job') daily.runExpiry(policy, now)
        }
        daily.runExpiry(policy, now)
        once.runExpiry(policy, now)
        expect(daily.balance()?.balance).toBe(once.balance()?.balance)
      }),
      { numRuns: 200 },
    )
  })
})

describe('entries of one millisecond', () => {
  // Found by the property above (seed -482588654): at the very instant a month's points fall due, a redeem, the expiry
  // job and a blind credit commit in the same ms. `_id` order replays the credit first, so the redeem took the new
  // credit and the buckets lost the point the balance holds. Replay follows balanceAfter within the millisecond.
  const policy = { enabled: true, months: 1 }

  it('should replay a redeem, the expiry and a credit of one ms in the order their balances prove', () => {
    const t = new Timeline()
    let now = 1768766400000 // 2026-01-19 04:00 Shanghai
    t.credit(2, now)
    now += 980 * 3600_000 // 2026-03-01 00:00 Shanghai: January's points are due this very ms
    t.debit(1, now)
    t.runExpiry(policy, now)
    t.credit(1, now)
    t.runExpiry(policy, now)
    checkAfterJob(t, policy, now)
    expect(expiringBuckets(t.entries(), policy, now).map((b) => [b.month, b.amount])).toEqual([['2026-04', 1]])
  })

  it('should replay a credit before the spend it paid for within one ms', () => {
    const t = new Timeline()
    const now = at('2026-05-10T02:00:00Z')
    t.credit(5, now)
    t.debit(5, now)
    t.credit(3, now)
    checkAfterJob(t, policy, now)
    expect(expiringBuckets(t.entries(), policy, now).map((b) => [b.month, b.amount])).toEqual([['2026-06', 3]])
  })
})
