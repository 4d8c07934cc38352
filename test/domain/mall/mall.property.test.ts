import fc from 'fast-check'
import { orderIdFor, type OrderActor } from '@cloud/domain/mall'
import { reconcile } from '@cloud/domain/points'
import { codeItem, NOW } from './fixtures'
import { MallStore } from './support/mall-store'

const MEMBERS = ['oM1', 'oM2', 'oM3', 'oM4']
const STOCK = 4
const codes = Array.from({ length: STOCK }, (_, i) => `CODE-${i}`)

type Op = { t: 'redeem'; member: number; req: number } | { t: 'cancel' | 'fulfil'; pick: number; by: 'owner' | 'staff' | 'stranger' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('redeem' as const),
      member: fc.integer({ min: 0, max: MEMBERS.length - 1 }),
      req: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constantFrom('cancel' as const, 'fulfil' as const),
      pick: fc.nat(),
      by: fc.constantFrom('owner' as const, 'staff' as const, 'stranger' as const),
    }),
  },
)

function checkInvariants(store: MallStore): void {
  const orders = [...store.orders.values()].map((o) => o.doc)
  const live = orders.filter((o) => o.status !== 'cancelled')
  expect((store.items.get('item-vip')?.doc.stock ?? 0) + live.length).toBe(STOCK)
  expect(store.pool.length + live.length).toBe(STOCK)
  expect(new Set(live.map((o) => o.code)).size).toBe(live.length)
  for (const memberId of MEMBERS) {
    const mine = live.filter((o) => o.memberId === memberId)
    expect(store.counters.get(`limit:item-vip:${memberId}`) ?? 0).toBe(mine.length)
    expect(mine.length).toBeLessThanOrEqual(2)
    expect(reconcile(memberId, store.ledger.balances.get(memberId), store.ledger.entriesOf(memberId)).ok).toBe(true)
    expect(store.ledger.balances.get(memberId)?.balance).toBe(1000 - mine.reduce((s, o) => s + o.cost, 0))
  }
  for (const o of orders) expect(store.ledger.entries.has(`refund:${o._id}`)).toBe(o.status === 'cancelled')
}

describe('mall properties', () => {
  it('should keep stock, limits, codes, refunds and balances consistent through random redeems, retries, cancels and fulfils', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 50 }), (ops) => {
        const store = new MallStore(codeItem({ stock: STOCK, perMemberLimit: 2, cost: 150 }), codes)
        MEMBERS.forEach((m, i) => store.award(m, 1000, `featured:seed-${i}`, NOW))
        for (const op of ops) {
          if (op.t === 'redeem') store.redeem('item-vip', MEMBERS[op.member], orderIdFor(MEMBERS[op.member], `req-000${op.req}`), NOW)
          else {
            const orders = [...store.orders.values()].map((o) => o.doc)
            const order = orders[op.pick % Math.max(orders.length, 1)]
            if (!order) continue
            const actor: OrderActor =
              op.by === 'staff'
                ? { role: 'staff', staffId: 'ops' }
                : { role: 'member', memberId: op.by === 'owner' ? order.memberId : 'oNobody' }
            store.act(order._id, op.t, actor, NOW + 1)
          }
          checkInvariants(store)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('should give exactly 5 orders and 45 sold-out answers when 50 members redeem a stock of 5 at once', () => {
    const store = new MallStore(codeItem({ stock: 5, perMemberLimit: 1, cost: 100 }), codes.concat(['C4', 'C5']))
    const members = Array.from({ length: 50 }, (_, i) => `oRush${i}`)
    members.forEach((m, i) => store.award(m, 100, `featured:rush-${i}`, NOW))
    const planned = members.map((m) => store.planRedeem('item-vip', m, orderIdFor(m, 'req-rush-1'), NOW))
    const firstRound = planned.map((p) => store.commitRedeem(p))
    const outcomes = firstRound.map((o, i) =>
      o === 'conflict' ? store.redeem('item-vip', members[i], orderIdFor(members[i], 'req-rush-1'), NOW) : o,
    )
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5)
    expect(outcomes.filter((o) => !o.ok && o.code === 'MALL.SOLD_OUT')).toHaveLength(45)
    expect(store.items.get('item-vip')?.doc.stock).toBe(0)
  })

  it('should give a member with a limit of 1 who double-taps one order, and answer the second tap with it', () => {
    const store = new MallStore(codeItem({ stock: 5, perMemberLimit: 1, cost: 100 }), codes)
    store.award('oTap', 500, 'featured:tap', NOW)
    const orderId = orderIdFor('oTap', 'req-tap-01')
    const [a, b] = [store.planRedeem('item-vip', 'oTap', orderId, NOW), store.planRedeem('item-vip', 'oTap', orderId, NOW)]
    const first = store.commitRedeem(a)
    expect(store.commitRedeem(b)).toBe('conflict')
    expect(store.redeem('item-vip', 'oTap', orderId, NOW)).toEqual({
      ok: true,
      order: first !== 'conflict' && first.ok && first.order,
      replayed: true,
    })
    expect(store.ledger.balances.get('oTap')?.balance).toBe(400)
  })
})
