import fc from 'fast-check'
import { reconcile, refundKey, type EntryPlan, type EntryRequest, type LedgerEntry } from '@cloud/domain/points'
import { LedgerStore } from './support/ledger-store'
import { MEMBERS, opArb, requestOf, type Op } from './support/ops'

const START = Date.parse('2026-11-01T02:00:00Z')

interface Run {
  store: LedgerStore
  sent: EntryRequest[]
  now: number
}

/** Checks one applied request against the state before it; returns nothing, throws on a broken rule. */
function checkOutcome(run: Run, request: EntryRequest, before: LedgerStore['balances'], sizeBefore: number, plan: EntryPlan): void {
  const prior = before.get(request.memberId)?.balance ?? 0
  if (!plan.ok || plan.replayed) {
    expect(run.store.entries.size).toBe(sizeBefore)
    expect(run.store.balances.get(request.memberId)).toEqual(before.get(request.memberId))
    if (plan.ok) {
      // a replay answers only for the same request: same key with other content must be a conflict
      expect(run.store.entries.get(request._id)).toEqual(plan.entry)
      expect([plan.entry.memberId, plan.entry.amount, plan.entry.reason]).toEqual([request.memberId, request.amount, request.reason])
    }
    if (!plan.ok && plan.code === 'POINTS.INSUFFICIENT') expect(prior).toBeLessThan(-request.amount)
    return
  }
  expect(run.store.entries.size).toBe(sizeBefore + 1)
  expect(run.store.balances.get(request.memberId)?.balance).toBe(prior + request.amount)
}

function send(run: Run, request: EntryRequest): void {
  const before = new Map(run.store.balances)
  const size = run.store.entries.size
  const plan = run.store.apply(request, run.now)
  checkOutcome(run, request, before, size, plan)
  run.sent.push(request)
}

/** Two transactions plan the same request against the same prior state; only one may commit. */
function concurrentDuplicate(run: Run, request: EntryRequest): void {
  const snapshot = run.store.read(request.memberId, request._id)
  const first = run.store.plan(request, run.now, snapshot)
  const second = run.store.plan(request, run.now, snapshot)
  if (!first.ok || first.replayed || !second.ok || second.replayed) return send(run, request)
  expect(run.store.commit(first)).toBe('committed')
  expect(run.store.commit(second)).not.toBe('committed')
  const retried = run.store.apply(request, run.now)
  expect(retried).toEqual({ ok: true, replayed: true, entry: first.entry })
  run.sent.push(request)
}

function step(run: Run, op: Op): void {
  const pickFrom = <T>(list: readonly T[], pick: number): T | undefined => (list.length ? list[pick % list.length] : undefined)
  switch (op.t) {
    case 'tick':
      run.now += op.ms
      return
    case 'retry': {
      const request = pickFrom(run.sent, op.pick)
      if (request) send(run, request)
      return
    }
    case 'dup': {
      const request = pickFrom(run.sent, op.pick)
      if (request) concurrentDuplicate(run, request)
      return
    }
    case 'refund': {
      const redeem = pickFrom(
        [...run.store.entries.values()].filter((e) => e.reason === 'redeem'),
        op.pick,
      )
      if (redeem)
        send(run, {
          _id: refundKey(redeem.ref as string),
          memberId: redeem.memberId,
          amount: -redeem.amount,
          reason: 'refund',
          ref: redeem.ref,
        })
      return
    }
    case 'reverse': {
      const target = pickFrom([...run.store.entries.keys()].sort(), op.pick)
      if (!target) return
      const size = run.store.entries.size
      const plan = run.store.planReversalOf(target, run.now, '纠正')
      if (plan?.ok && !plan.replayed) expect(run.store.commit(plan)).toBe('committed')
      else expect(run.store.entries.size).toBe(size)
      return
    }
    default: {
      const request = requestOf(op)
      if (request) send(run, request)
    }
  }
}

function checkInvariants(store: LedgerStore): void {
  for (const memberId of MEMBERS) {
    const balance = store.balances.get(memberId)
    const entries = store.entriesOf(memberId)
    expect(reconcile(memberId, balance, entries)).toMatchObject({ ok: true, mismatches: [], negativeAfter: [], negativeBalance: false })
    if (!balance) continue
    expect(balance.balance).toBeGreaterThanOrEqual(0)
    expect(balance.earned - balance.spent).toBe(balance.balance)
    expect(balance.version).toBe(entries.length)
  }
  const byRef = new Map<string, LedgerEntry[]>()
  for (const e of store.entries.values())
    if (e.ref && (e.reason === 'reversal' || e.reason === 'refund'))
      byRef.set(`${e.reason}:${e.ref}`, [...(byRef.get(`${e.reason}:${e.ref}`) ?? []), e])
  for (const list of byRef.values()) expect(list).toHaveLength(1)
}

describe('ledger properties', () => {
  it('should keep every invariant through random awards, spends, refunds, reversals, retries and concurrent duplicates', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 80 }), (ops) => {
        const run: Run = { store: new LedgerStore(), sent: [], now: START }
        for (const op of ops) {
          step(run, op)
          checkInvariants(run.store)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('should apply a key sent twenty times exactly once and answer every retry with the first entry', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.integer({ min: 1, max: 500 }), (ops, amount) => {
        const run: Run = { store: new LedgerStore(), sent: [], now: START }
        ops.forEach((op) => step(run, op))
        const request: EntryRequest = { _id: 'featured:sub-final', memberId: MEMBERS[0], amount, reason: 'featured' }
        const before = run.store.balances.get(MEMBERS[0])?.balance ?? 0
        const results = Array.from({ length: 20 }, () => run.store.apply(request, run.now))
        expect(run.store.balances.get(MEMBERS[0])?.balance).toBe(before + amount)
        expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1)
        for (const r of results) expect(r.ok && r.entry).toEqual(run.store.entries.get(request._id))
      }),
      { numRuns: 100 },
    )
  })

  it('should let only one of twenty duplicates planned against the same state commit', () => {
    const store = new LedgerStore()
    store.apply({ _id: 'featured:seed', memberId: MEMBERS[1], amount: 100, reason: 'featured' }, START)
    const request: EntryRequest = { _id: 'redeem:o-1', memberId: MEMBERS[1], amount: -60, reason: 'redeem', ref: 'o-1' }
    const snapshot = store.read(request.memberId, request._id)
    const plans = Array.from({ length: 20 }, () => store.plan(request, START, snapshot))
    const outcomes = plans.map((p) => store.commit(p))
    expect(outcomes.filter((o) => o === 'committed')).toHaveLength(1)
    expect(store.balances.get(MEMBERS[1])?.balance).toBe(40)
  })
})
