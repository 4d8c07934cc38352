/**
 * Our check-in and redemption beside baselines, measured side by side in one run (issue #12 item 9). The check-in
 * baseline is a plain once-a-day check-in the way typical open-source check-in functions write it: count today's
 * check-in, add one if there is none, `_.inc` the member's points — three requests, no transaction. The redemption
 * baseline reads the balance, refuses if it is short, `_.inc`s the balance down, adds the order and `_.inc`s the stock
 * down — four requests, no transaction. Both sides run in this process through the same real wx-server-sdk against the
 * same emulator process, under the same load. Beside speed, each row says what 20 parallel taps of one member leave.
 */
import { addDays, businessDay } from '../cloudfunctions/src/domain/business-day'
import { countWhere, db } from '../cloudfunctions/src/shared/db'
import { benchPeriod, seedPeriod } from './camp'
import { createOps } from './camp-ops'
import { startBenchEmulator } from './emulator-host'
import { benchItem } from './points'
import { runLoad, timeCall } from './load'
import { percentile, type Row } from './table'

const CONCURRENT = 50
const ROUNDS = 20
const THINK_MS = 1000
const TAPS = 20
const BASELINE_PERIOD = 'baseline'

/** The baseline: what a typical open-source check-in function does (no transaction, no idempotency key). */
async function baselineCheckin(memberId: string, now: number): Promise<void> {
  const day = businessDay(now)
  const checkins = db().collection('checkins')
  const done = (await checkins.where({ periodId: BASELINE_PERIOD, memberId, day }).count()) as unknown as { total: number }
  if (done.total > 0) return
  await checkins.add({ data: { periodId: BASELINE_PERIOD, memberId, day, text: '今天读了 20 分钟', at: now } })
  await db()
    .collection('points_balances')
    .doc(memberId)
    .update({ data: { balance: db().command.inc(10) } })
}

/** The redemption baseline: read, check, then write without a transaction (what double taps defeat). */
async function baselineRedeem(memberId: string, itemId: string, cost: number, now: number): Promise<void> {
  const _ = db().command
  const balance = (await db().collection('points_balances').doc(memberId).get()) as unknown as { data: { balance: number } }
  if (balance.data.balance < cost) return
  await db()
    .collection('points_balances')
    .doc(memberId)
    .update({ data: { balance: _.inc(-cost) } })
  await db()
    .collection('mall_orders')
    .add({ data: { memberId, itemId, cost, status: 'pending', createdAt: now } })
  await db()
    .collection('mall_stock')
    .doc(`${itemId}~0`)
    .update({ data: { stock: _.inc(-1) } })
}

const ms = (n: number) => Math.round(n * 100) / 100

interface Side {
  operation: string
  /** Members `{prefix}-3` onwards are this side's load members (0–2 warm, count and tap). */
  prefix: string
  call: (memberId: string) => Promise<unknown>
  requests: number
  taps: string
}

/**
 * The baseline and our row for each load mode, measured back to back on the same machine state; ours carries the
 * p50 / p95 ratio to the baseline. Each call is a different member (a member acts once a day / once per screen).
 */
async function sideBySide(baseline: Side, ours: Side, tapsColumn: string): Promise<Row[]> {
  const rows: Row[] = []
  for (const [mode, think] of [
    [`${CONCURRENT} members, think 0–${THINK_MS} ms`, THINK_MS],
    [`${CONCURRENT} in flight (saturation)`, 0],
  ] as const) {
    const offset = think ? 3 : 3 + CONCURRENT * ROUNDS
    const timed = (side: Side) =>
      runLoad(CONCURRENT, ROUNDS, think, (s, r) => timeCall(() => side.call(`${side.prefix}-${offset + r * CONCURRENT + s}`)))
    const base = await timed(baseline)
    const our = await timed(ours)
    const [b50, b95] = [percentile(base.times, 50), percentile(base.times, 95)]
    const [o50, o95] = [percentile(our.times, 50), percentile(our.times, 95)]
    const row = (side: Side, p50: number, p95: number): Row => ({
      operation: side.operation,
      load: mode,
      'db requests/call': side.requests,
      p50Ms: ms(p50),
      p95Ms: ms(p95),
      'p50 ×': ms(p50 / b50),
      'p95 ×': ms(p95 / b95),
      [tapsColumn]: side.taps,
    })
    rows.push(row(baseline, b50, b95), row(ours, o50, o95))
  }
  return rows
}

/** Fires TAPS calls of one member at once (a double-tapping thumb, a retrying network); what they left behind. */
async function afterTaps(tap: () => Promise<unknown>, collection: string, where: object, memberId: string) {
  await Promise.all(Array.from({ length: TAPS }, () => tap().catch(() => undefined)))
  return `${await countWhere(collection, where)} / ${await balanceOf(memberId)}`
}

export async function benchCheckinBaseline(): Promise<Row[]> {
  const emu = await startBenchEmulator()
  const now = () => emu.clock.now()
  const ours = createOps(now)
  const samples = CONCURRENT * ROUNDS
  try {
    const start = addDays(businessDay(now()), -3)
    const period = benchPeriod('bench-vs-baseline', start, samples * 2 + 10)
    await emu.db.insert('camps', [{ _id: 'bench-camp', title: '基准打卡营', subject: 'english', gradeTags: [], archived: false }])
    await emu.db.insert('periods', [period])
    await seedPeriod(emu, period, 'o', samples * 2 + 3, 0, now())
    // Both sides' members already hold a balance doc (the baseline's `_.inc` needs one; ours creates it with a
    // member's very first points, one request more, once per member — test/functions/camp/checkin-requests.test.ts).
    const members = (prefix: string) => Array.from({ length: samples * 2 + 3 }, (_, i) => `${prefix}-${i}`)
    await emu.db.insert(
      'points_balances',
      [...members('base'), ...members('o')].map((_id) => ({ _id, balance: 0, earned: 0, spent: 0, version: 0, updatedAt: now() })),
    )
    await emu.settle()
    const oursCall = (memberId: string) => ours.checkin({ periodId: period._id, memberId })
    const baseCall = (memberId: string) => baselineCheckin(memberId, now())
    // Warm both paths, then count one call each.
    await oursCall('o-0')
    await baseCall('base-0')
    const requests = {
      ours: await emu.countRequests(() => oursCall('o-1')),
      baseline: await emu.countRequests(() => baseCall('base-1')),
    }
    const ourTaps = await afterTaps(() => oursCall('o-2'), 'checkins', { periodId: period._id, memberId: 'o-2' }, 'o-2')
    const baseTaps = await afterTaps(() => baseCall('base-2'), 'checkins', { periodId: BASELINE_PERIOD, memberId: 'base-2' }, 'base-2')
    const rows = await sideBySide(
      { operation: 'baseline: count + add + _.inc', prefix: 'base', call: baseCall, requests: requests.baseline, taps: baseTaps },
      {
        operation: 'ours: check-in + points (+ derived event), one transaction',
        prefix: 'o',
        call: oursCall,
        requests: requests.ours,
        taps: ourTaps,
      },
      `${TAPS} taps → check-ins / points`,
    )
    rows.push(...(await redeemRows(emu, now)))
    return rows
  } finally {
    await emu.close()
  }
}

async function balanceOf(memberId: string): Promise<number> {
  const res = (await db().collection('points_balances').doc(memberId).get()) as unknown as { data: { balance: number } }
  return res.data.balance
}

const REDEEM_COST = 30

/** Redemption rows: ours (one transaction, the request id) beside the baseline, same load, same run. */
async function redeemRows(emu: Awaited<ReturnType<typeof startBenchEmulator>>, now: () => number): Promise<Row[]> {
  const { redeem } = await import('../cloudfunctions/src/services/mall/redeem')
  // A catalogue of 10 items, members spread over them (as in the points benchmark; one hot item is another question).
  const items = Array.from({ length: 10 }, (_, i) => ({ ...benchItem(`item-vs-baseline-${i}`), cost: REDEEM_COST }))
  await emu.db.insert('mall_items', items)
  await emu.db.insert(
    'mall_stock',
    items.flatMap((item) => Array.from({ length: 8 }, (_, k) => ({ _id: `${item._id}~${k}`, itemId: item._id, k, stock: 100_000, item }))),
  )
  const itemOf = (memberId: string) => items[Number(memberId.split('-').pop()) % items.length]._id
  const members = (side: string) => Array.from({ length: CONCURRENT * ROUNDS * 2 + 3 }, (_, i) => `${side}-${i}`)
  const funded = (id: string, balance: number) => ({ _id: id, balance, earned: balance, spent: 0, version: 0, updatedAt: now() })
  await emu.db.insert(
    'points_balances',
    [...members('or'), ...members('br')].map((id) => funded(id, id.endsWith('-2') ? 100 : 100_000)),
  )
  await emu.settle()
  const oursCall = (memberId: string, requestId = `rq-${memberId}`) => redeem({ memberId, itemId: itemOf(memberId), requestId, now: now() })
  const baseCall = (memberId: string) => baselineRedeem(memberId, itemOf(memberId), REDEEM_COST, now())
  await oursCall('or-0')
  await baseCall('br-0')
  const requests = { ours: await emu.countRequests(() => oursCall('or-1')), baseline: await emu.countRequests(() => baseCall('br-1')) }
  // One confirm screen tapped 20 times: the same request id on our side; the baseline has none to give.
  await Promise.all(Array.from({ length: TAPS }, () => oursCall('or-2', 'rq-double-tap').catch(() => undefined)))
  await Promise.all(Array.from({ length: TAPS }, () => baseCall('br-2').catch(() => undefined)))
  // Our orders are their redeem entries (`order` on points_entries); the baseline keeps its own order documents.
  const taps = async (memberId: string, collection: 'points_entries' | 'mall_orders', where: object) =>
    `${await countWhere(collection, { memberId, ...where })} / ${await balanceOf(memberId)}`
  const [ourTaps, baseTaps] = [await taps('or-2', 'points_entries', { reason: 'redeem' }), await taps('br-2', 'mall_orders', {})]
  return sideBySide(
    { operation: 'baseline redeem: read + check + 3 writes', prefix: 'br', call: baseCall, requests: requests.baseline, taps: baseTaps },
    { operation: 'ours: redeem, one transaction', prefix: 'or', call: oursCall, requests: requests.ours, taps: ourTaps },
    `${TAPS} taps → orders / balance (of 100)`,
  )
}
