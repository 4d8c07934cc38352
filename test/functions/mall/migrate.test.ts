/**
 * A deployment from before orders moved onto their redeem entries: its orders sit in `mall_orders` and their entries
 * carry no `order`. Those documents are seeded straight into the emulator as the old code left them (order, entry
 * and balance of one transaction), then the admin action `migrateLegacyOrders` copies them page by page: the orders
 * show up in myOrders, getOrder and the fulfilment queue, can be cancelled (refund once) and fulfilled, the entries'
 * own fields stay as booked, reconcile finds nothing wrong, and a second run changes nothing.
 */
import type { OrderView } from '../../../cloudfunctions/src/contracts/mall'
import type { HistoryPage } from '../../../cloudfunctions/src/contracts/points'
import type { OrderMigrationPage, OrderPage, ReconcileView } from '../../../cloudfunctions/src/contracts/results'
import { addMigrationPage, NO_MIGRATION } from '../../../cloudfunctions/src/services/mall/migrate'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADDRESS, ADMIN, balanceOf, fund, giveItem, redeem, requestId } from './support'

let h: FunctionsHarness
let itemId: string

const COST = 30
const T0 = Date.UTC(2026, 10, 2, 2, 0, 0)

type Status = 'pending' | 'fulfilled' | 'cancelled'

/** One legacy redemption as the old code committed it: the order in mall_orders and its entry without `order`. */
function legacyRedemption(memberId: string, n: number, at: number, status: Status, balanceAfter: number) {
  const _id = `${memberId}.legacy-req-${n}`
  const order = {
    _id,
    memberId,
    itemId,
    title: '旧版商品',
    cost: COST,
    fulfilment: { kind: 'physical' },
    countsTowardLimit: false,
    status,
    redeemEntryId: `redeem:${_id}`,
    address: ADDRESS,
    stockShard: 0,
    createdAt: at,
    updatedAt: at,
    ...(status === 'fulfilled' ? { fulfilledAt: at + 1000, fulfilledBy: 'staff:old-admin', trackingNo: 'SF-OLD-1' } : {}),
  }
  const entry = { _id: `redeem:${_id}`, memberId, amount: -COST, reason: 'redeem', ref: _id, at, balanceAfter }
  return { order, entry }
}

/**
 * A member funded with 100 and `statuses.length` legacy redemptions a minute apart (from `T0 + offset`), the balance
 * doc consistent with them.
 */
async function legacyMember(memberId: string, statuses: Status[], offset = 0): Promise<string[]> {
  await h.member(memberId)
  const fundEntry = {
    _id: `adjust:fund-${memberId}`,
    memberId,
    amount: 100,
    reason: 'adjust',
    ref: 'admin:old-admin',
    note: '充值',
    at: T0,
  }
  const made = statuses.map((s, i) => legacyRedemption(memberId, i, T0 + offset + (i + 1) * 60_000, s, 100 - COST * (i + 1)))
  await h.emu.db.insert('points_entries', [fundEntry, ...made.map((m) => m.entry)])
  await h.emu.db.insert(
    'mall_orders',
    made.map((m) => m.order),
  )
  const spent = COST * statuses.length
  await h.emu.db.insert('points_balances', [
    { _id: memberId, balance: 100 - spent, earned: 100, spent, version: 1 + statuses.length, updatedAt: T0 + 600_000 },
  ])
  return made.map((m) => m.order._id)
}

const migrate = (after?: string, limit?: number) =>
  h.ok<OrderMigrationPage>(
    'mall',
    { action: 'migrateLegacyOrders', ...(after === undefined ? {} : { after }), ...(limit === undefined ? {} : { limit }) },
    ADMIN,
  )

/** Every page until `next` is null, summed (as the timer sums its pages). */
async function migrateAll(limit: number) {
  let total = NO_MIGRATION
  do total = addMigrationPage(total, await migrate(total.next ?? undefined, limit))
  while (total.next !== null)
  const { pages, next: _last, ...sums } = total
  return { calls: pages, ...sums }
}

const entriesOf = async (memberId: string) =>
  ((await h.emu.db.find('points_entries', { memberId, reason: 'redeem' }, { sort: { _id: 1 } })) as Record<string, unknown>[]).map(
    ({ order, ...own }) => ({ own, order }),
  )

let alice: string[]
let bob: string[]

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  itemId = (await giveItem(h, { kind: 'physical', stock: 10, cost: COST })).id
  alice = await legacyMember('legacy-alice', ['pending', 'fulfilled', 'cancelled'])
  bob = await legacyMember('legacy-bob', ['pending'], 30_000)
  // A legacy order whose entry is missing (never expected: they committed together) is reported, not invented.
  await h.emu.db.insert('mall_orders', [{ ...legacyRedemption('legacy-bob', 9, T0, 'pending', 0).order }])
})
afterAll(() => h.close())

describe('migrating legacy mall orders onto their redeem entries', () => {
  it('should keep staff actions from members', async () => {
    expect((await h.call('mall', { action: 'migrateLegacyOrders' }, 'legacy-alice')).code).toBe('AUTH.FORBIDDEN')
  })

  it('should not show legacy orders before the migration has run', async () => {
    expect((await h.ok<OrderPage>('mall', { action: 'myOrders' }, 'legacy-alice')).items).toEqual([])
    expect((await h.call('mall', { action: 'getOrder', orderId: alice[0] }, 'legacy-alice')).code).toBe('MALL.ORDER_NOT_FOUND')
  })

  it('should move every legacy order onto its entry, page by page, touching nothing else of the entry', async () => {
    const before = [...(await entriesOf('legacy-alice')), ...(await entriesOf('legacy-bob'))]
    expect(before.every((e) => e.order === undefined)).toBe(true)
    const legacy = (await h.emu.db.find('mall_orders', {}, { sort: { _id: 1 } })) as { _id: string }[]
    const run = await migrateAll(2)
    expect(run).toEqual({ calls: 3, scanned: 5, copied: 4, alreadyCopied: 0, removed: 4, skipped: ['legacy-bob.legacy-req-9'] })
    // Moved: only the order without an entry is left in mall_orders.
    expect(((await h.emu.db.find('mall_orders', {})) as { _id: string }[]).map((o) => o._id)).toEqual(['legacy-bob.legacy-req-9'])
    const after = [...(await entriesOf('legacy-alice')), ...(await entriesOf('legacy-bob'))]
    expect(after.map((e) => e.own)).toEqual(before.map((e) => e.own))
    for (const e of after) {
      const { _id, ...record } = legacy.find((o) => `redeem:${o._id}` === e.own._id) as { _id: string }
      expect(e.order).toEqual(record)
      expect(_id).toBe(e.own.ref)
    }
  })

  it('should show migrated orders in myOrders, getOrder and the fulfilment queue', async () => {
    const mine = await h.ok<OrderPage>('mall', { action: 'myOrders' }, 'legacy-alice')
    expect(mine.items.map((o) => o.id)).toEqual([...alice].reverse())
    expect(mine.items.map((o) => o.status)).toEqual(['cancelled', 'fulfilled', 'pending'])
    expect(mine.items[1]).toMatchObject({ trackingNo: 'SF-OLD-1', createdAt: T0 + 2 * 60_000, address: ADDRESS })
    const paged = await h.ok<OrderPage>('mall', { action: 'myOrders', limit: 2 }, 'legacy-alice')
    expect(paged.nextBefore).toBe(T0 + 2 * 60_000)
    const rest = await h.ok<OrderPage>('mall', { action: 'myOrders', limit: 2, before: paged.nextBefore }, 'legacy-alice')
    expect(rest).toMatchObject({ items: [{ id: alice[0] }], nextBefore: null })
    const pending = await h.ok<OrderPage>('mall', { action: 'myOrders', status: 'pending' }, 'legacy-alice')
    expect(pending.items.map((o) => o.id)).toEqual([alice[0]])
    expect(await h.ok<OrderView>('mall', { action: 'getOrder', orderId: bob[0] }, 'legacy-bob')).toMatchObject({
      id: bob[0],
      status: 'pending',
      cost: COST,
      address: ADDRESS,
    })
    expect((await h.call('mall', { action: 'getOrder', orderId: bob[0] }, 'legacy-alice')).code).toBe('MALL.ORDER_FORBIDDEN')
    const queue = await h.ok<OrderPage>('mall', { action: 'fulfilmentQueue', limit: 50 }, ADMIN)
    expect(queue.items.map((o) => o.id)).toEqual([alice[0], bob[0]])
  })

  it('should change nothing when run again: only the order it could not place is read', async () => {
    const before = JSON.stringify(h.emu.db.dump())
    expect(await migrateAll(100)).toEqual({
      calls: 1,
      scanned: 1,
      copied: 0,
      alreadyCopied: 0,
      removed: 0,
      skipped: ['legacy-bob.legacy-req-9'],
    })
    expect(JSON.stringify(h.emu.db.dump())).toBe(before)
  })

  it('should cancel a migrated order with one refund, and fulfil one', async () => {
    const [a, b] = await Promise.all([
      h.call<OrderView>('mall', { action: 'cancelOrder', orderId: alice[0] }, 'legacy-alice'),
      h.call<OrderView>('mall', { action: 'cancelOrder', orderId: alice[0] }, 'legacy-alice'),
    ])
    expect(a).toMatchObject({ code: 0, data: { status: 'cancelled' } })
    expect(b).toMatchObject({ code: 0, data: { status: 'cancelled' } })
    expect(await balanceOf(h, 'legacy-alice')).toBe(100 - 3 * COST + COST)
    expect(await h.emu.db.count('points_entries', { memberId: 'legacy-alice', reason: 'refund' })).toBe(1)
    expect(await h.ok('mall', { action: 'fulfilOrder', orderId: bob[0], trackingNo: 'SF-NEW-1' }, ADMIN)).toMatchObject({
      status: 'fulfilled',
      trackingNo: 'SF-NEW-1',
    })
    expect((await h.ok<OrderPage>('mall', { action: 'fulfilmentQueue' }, ADMIN)).items).toEqual([])
  })

  it('should list old and new orders together, and reconcile the members without a mismatch', async () => {
    await fund(h, 'legacy-alice', 100)
    const fresh = await redeem(h, 'legacy-alice', itemId, requestId(), ADDRESS)
    expect(fresh.code).toBe(0)
    const mine = await h.ok<OrderPage>('mall', { action: 'myOrders' }, 'legacy-alice')
    expect(mine.items.map((o) => o.id)).toEqual([(fresh as { data: OrderView }).data.id, ...[...alice].reverse()])
    for (const member of ['legacy-alice', 'legacy-bob']) {
      expect(await h.ok<ReconcileView>('points', { action: 'reconcile', memberId: member }, ADMIN)).toMatchObject({
        checked: 1,
        mismatched: 0,
        busy: 0,
      })
    }
  })

  it('should never send an order’s address in points views', async () => {
    const history = await h.ok<HistoryPage>('points', { action: 'history', limit: 50 }, 'legacy-alice')
    expect(history.items.filter((i) => i.reason === 'redeem')).toHaveLength(4)
    const audit = await h.ok('points', { action: 'audit', limit: 50 }, ADMIN)
    for (const view of [history, audit]) {
      const text = JSON.stringify(view)
      expect(text).not.toContain(ADDRESS.detail)
      expect(text).not.toContain(ADDRESS.phone)
      expect(text).not.toContain('"order"')
    }
  })
  it('should move them on the mall timer too, with no admin call, and keep an order its entry holds differently', async () => {
    const carol = await legacyMember('legacy-carol', ['pending'], 90_000)
    // A second one whose entry already holds a different order (an old instance changed the legacy copy after it was copied).
    const late = legacyRedemption('legacy-carol', 1, T0 + 200_000, 'pending', 100 - 2 * COST)
    const { _id: lateId, ...asCopied } = { ...late.order, status: 'fulfilled', trackingNo: 'SF-OTHER' }
    await h.emu.db.insert('points_entries', [{ ...late.entry, order: asCopied }])
    await h.emu.db.insert('mall_orders', [late.order])
    carol.push(lateId)
    const out = await h.emu.runtime.runTrigger('mall', 'jobs', { Job: 'orders' })
    expect(out).toMatchObject({ result: { code: 0, data: { copied: 1, alreadyCopied: 1, removed: 1 } } })
    const left = ((await h.emu.db.find('mall_orders', {}, { sort: { _id: 1 } })) as { _id: string }[]).map((o) => o._id)
    expect(left).toEqual(['legacy-bob.legacy-req-9', carol[1]].sort())
    const mine = await h.ok<OrderPage>('mall', { action: 'myOrders' }, 'legacy-carol')
    expect(mine.items.map((o) => o.id)).toEqual([carol[1], carol[0]])
  })
})
