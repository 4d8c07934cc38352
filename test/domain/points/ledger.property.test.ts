import fc from 'fast-check'
/**
 * Random awards, spends, refunds, reversals, retries and concurrent duplicates against the ledger's plans and an
 * in-memory store, each answer and every member's totals checked against an oracle written from the rules alone
 * (support/ledger-oracle.ts), not against the implementation's own effect table.
 */
import { reconcile, refundKey, type EntryPlan, type EntryRequest, type LedgerEntry } from '@cloud/domain/points'
import { LedgerOracle, type Expected } from './support/ledger-oracle'
import { LedgerStore } from './support/ledger-store'
import { MEMBERS, opArb, requestOf, type Op } from './support/ops'

const START = Date.parse('2026-11-01T02:00:00Z')

interface Run {
  store: LedgerStore
  oracle: LedgerOracle
  sent: EntryRequest[]
  now: number
}

/** The store's answer must be the one the oracle expects. */
function expectOutcome(plan: EntryPlan, expected: Expected): void {
  if (expected.outcome === 'applied') expect(plan).toMatchObject({ ok: true, replayed: false })
  else if (expected.outcome === 'replayed') expect(plan).toMatchObject({ ok: true, replayed: true, entry: { _id: expected.key } })
  else expect(plan).toMatchObject({ ok: false, code: expected.code })
}

function send(run: Run, request: EntryRequest): void {
  expectOutcome(run.store.apply(request, run.now), run.oracle.send(request))
  run.sent.push(request)
}

/** Two transactions plan the same request against the same prior state; only one may commit. */
function concurrentDuplicate(run: Run, request: EntryRequest): void {
  const snapshot = run.store.read(request.memberId, request._id)
  const first = run.store.plan(request, run.now, snapshot)
  const second = run.store.plan(request, run.now, snapshot)
  if (!first.ok || first.replayed || !second.ok || second.replayed) return send(run, request)
  expect(run.oracle.send(request)).toEqual({ outcome: 'applied' })
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
      const plan = run.store.planReversalOf(target, run.now, '纠正') as EntryPlan
      expectOutcome(plan, run.oracle.reverse(target) as Expected)
      if (plan.ok && !plan.replayed) expect(run.store.commit(plan)).toBe('committed')
      return
    }
    default: {
      const request = requestOf(op)
      if (request) send(run, request)
    }
  }
}

function checkInvariants({ store, oracle }: Run): void {
  expect(store.entries.size).toBe(oracle.size)
  for (const memberId of MEMBERS) {
    const balance = store.balances.get(memberId)
    const entries = store.entriesOf(memberId)
    const sums = oracle.sums(memberId)
    expect({ balance: balance?.balance ?? 0, earned: balance?.earned ?? 0, spent: balance?.spent ?? 0 }).toEqual({
      balance: sums.balance,
      earned: sums.earned,
      spent: sums.spent,
    })
    expect(entries.map((e) => [e._id, e.amount, e.reason]).sort()).toEqual(
      entries
        .map((e) => oracle.entry(e._id))
        .map((o) => o && [o.key, o.amount, o.reason])
        .sort(),
    )
    expect(entries).toHaveLength(sums.count)
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
        const run: Run = { store: new LedgerStore(), oracle: new LedgerOracle(), sent: [], now: START }
        for (const op of ops) {
          step(run, op)
          checkInvariants(run)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('should apply a key sent twenty times exactly once and answer every retry with the first entry', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.integer({ min: 1, max: 500 }), (ops, amount) => {
        const run: Run = { store: new LedgerStore(), oracle: new LedgerOracle(), sent: [], now: START }
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
