/**
 * Random redeems, retries, cancels and reveals against the REAL mall and points functions in the emulator, checked
 * against an oracle written here from the product rules alone (it imports nothing from the implementation):
 *   - stock: the item's shards hold exactly `STOCK - live orders`;
 *   - codes: every live order holds a code from the imported pool, no two live orders share one, and pool + live
 *     orders are exactly the imported codes (a cancel puts its code back, nothing is lost or duplicated);
 *   - limits: a member never has more than LIMIT live orders, and the rejection codes follow the documented order
 *     (sold out → limit → insufficient points);
 *   - points: the balance is the start balance less the cost of the member's live orders, and equals the plain sum
 *     of the member's ledger entries read from the database; 累计获得 stays the funding and 累计消耗 is the cost of
 *     the live orders (a refund undoes a spend, it is not an earning).
 * A mutant that hands every buyer the same code, books a refund twice or as earned, or forgets to restock on cancel
 * fails here.
 */
import fc from 'fast-check'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, fund, giveItem, redeem } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

const STOCK = 4
const LIMIT = 2
const COST = 150
const START = 400 // two orders fit, a third does not: POINTS.INSUFFICIENT is reachable once the limit allows it
const MEMBERS = 3

type Op = { t: 'redeem'; member: number; req: number } | { t: 'cancel' | 'reveal'; pick: number; by: 'owner' | 'stranger' }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('redeem' as const), member: fc.nat(MEMBERS - 1), req: fc.nat(4) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constantFrom('cancel' as const, 'reveal' as const),
      pick: fc.nat(),
      by: fc.constantFrom('owner' as const, 'stranger' as const),
    }),
  },
)

interface ModelOrder {
  id: string
  member: string
  status: 'pending' | 'fulfilled' | 'cancelled'
}

type Row = Record<string, unknown>
const find = (collection: string, filter: Row) => h.emu.db.find(collection, filter) as Promise<Row[]>

let run = 0

async function checkOracle(itemId: string, pool: readonly string[], members: readonly string[], orders: readonly ModelOrder[]) {
  // Orders are stored on their redeem entries (`order`; the entry's `_id` is `redeem:{orderId}`).
  const stored = (await find('points_entries', { reason: 'redeem', 'order.itemId': itemId })).map((e): Row => ({
    ...(e.order as Row),
    _id: (e._id as string).replace(/^redeem:/, ''),
  }))
  const live = stored.filter((o) => o.status !== 'cancelled')
  expect(live.map((o) => o._id).sort()).toEqual(
    orders
      .filter((o) => o.status !== 'cancelled')
      .map((o) => o.id)
      .sort(),
  )

  const shards = await find('mall_stock', { itemId })
  expect(shards.reduce((s, x) => s + (x.stock as number), 0)).toBe(STOCK - live.length)
  const liveCodes = live.map((o) => o.code as string)
  const pooled = shards.flatMap((s) => (s.codes as string[] | undefined) ?? [])
  expect(new Set(liveCodes).size).toBe(liveCodes.length)
  liveCodes.forEach((c) => expect(pool).toContain(c))
  expect([...pooled, ...liveCodes].sort()).toEqual([...pool].sort())

  for (const m of members) {
    const mine = orders.filter((o) => o.member === m && o.status !== 'cancelled').length
    expect(mine).toBeLessThanOrEqual(LIMIT)
    const view = await h.ok<{ balance: number; earned: number; spent: number }>('points', { action: 'balance' }, m)
    const { balance } = view
    // 累计获得 is only what was earned (the funding adjustment); a cancel's refund gives back what was spent, so
    // 累计消耗 counts live orders only: a refund booked as earned would inflate both.
    expect(view).toMatchObject({ balance: START - COST * mine, earned: START, spent: COST * mine })
    const entries = await find('points_entries', { memberId: m })
    expect(entries.reduce((s, e) => s + (e.amount as number), 0)).toBe(balance)
  }
}

async function runOps(ops: Op[]): Promise<void> {
  const tag = `p${run++}`
  const pool = Array.from({ length: STOCK }, (_, i) => `${tag.toUpperCase()}-CODE-${i}`)
  const item = await giveItem(h, { kind: 'code', codePoolId: `pool-${tag}`, cost: COST, stock: 0, perMemberLimit: LIMIT })
  await h.ok('mall', { action: 'addCodes', poolId: `pool-${tag}`, codes: pool }, ADMIN)
  const members = Array.from({ length: MEMBERS }, (_, i) => `${tag}-m${i}`)
  for (const m of members) {
    await h.member(m)
    await fund(h, m, START)
  }
  const orders: ModelOrder[] = []
  const byRequest = new Map<string, string>()

  for (const op of ops) {
    if (op.t === 'redeem') {
      const member = members[op.member]
      const rid = `${tag}-req-${op.member}-${op.req}`
      const answer = await redeem(h, member, item.id, rid)
      const live = orders.filter((o) => o.status !== 'cancelled')
      const first = byRequest.get(rid)
      if (first) expect(answer).toMatchObject({ code: 0, data: { id: first } })
      else if (live.length >= STOCK) expect(answer.code).toBe('MALL.SOLD_OUT')
      else if (live.filter((o) => o.member === member).length >= LIMIT) expect(answer.code).toBe('MALL.LIMIT_REACHED')
      else if (START - COST * live.filter((o) => o.member === member).length < COST) expect(answer.code).toBe('POINTS.INSUFFICIENT')
      else {
        expect(answer.code).toBe(0)
        if (answer.code !== 0) return
        byRequest.set(rid, answer.data.id)
        orders.push({ id: answer.data.id, member, status: 'pending' })
      }
    } else {
      const order = orders[op.pick % Math.max(orders.length, 1)]
      if (!order) continue
      const actor = op.by === 'owner' ? order.member : members.find((m) => m !== order.member)!
      const answer = await h.call('mall', { action: op.t === 'cancel' ? 'cancelOrder' : 'revealCode', orderId: order.id }, actor)
      const target = op.t === 'cancel' ? 'cancelled' : 'fulfilled'
      if (op.by === 'stranger') expect(answer.code).not.toBe(0)
      else if (order.status === 'pending' || order.status === target) {
        expect(answer.code).toBe(0)
        order.status = target
      } else expect(answer.code).toBe('MALL.ORDER_STATE')
    }
    await checkOracle(item.id, pool, members, orders)
  }
}

describe('mall properties through the functions', () => {
  it('should keep stock, codes, limits and points right through random redeems, retries, cancels and reveals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 24 }), (ops) => runOps(ops)),
      { numRuns: 20 },
    )
  }, 240_000)
})
