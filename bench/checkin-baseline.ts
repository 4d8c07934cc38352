/**
 * Our check-in beside a baseline, measured side by side in one run (issue #12 item 9). The baseline is a plain
 * once-a-day check-in the way typical open-source check-in functions write it: count today's check-in, add one if
 * there is none, `_.inc` the member's points — three requests, no transaction. Both run in this process through the
 * same real wx-server-sdk against the same emulator process, under the same load. Beside speed, each row says how many
 * check-ins and awards 20 parallel taps of one member leave: the baseline's count-then-add lets several through.
 */
import { addDays, businessDay } from '../cloudfunctions/src/domain/business-day'
import { db } from '../cloudfunctions/src/shared/db'
import { benchPeriod, seedPeriod } from './camp'
import { createOps } from './camp-ops'
import { startBenchEmulator } from './emulator-host'
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

const ms = (n: number) => Math.round(n * 100) / 100

/** Fires TAPS calls of one member at once (a double-tapping thumb, a retrying network); what they left behind. */
async function afterTaps(tap: () => Promise<unknown>, collection: string, where: object, memberId: string) {
  await Promise.all(Array.from({ length: TAPS }, () => tap().catch(() => undefined)))
  return `${await countOf(collection, where)} / ${await balanceOf(memberId)}`
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
    const baseMembers = Array.from({ length: samples * 2 + 3 }, (_, i) => `base-${i}`)
    await emu.db.insert(
      'points_balances',
      baseMembers.map((_id) => ({ _id, balance: 0, earned: 0, spent: 0, version: 0, updatedAt: now() })),
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
    const rows: Row[] = []
    for (const [mode, think] of [
      [`${CONCURRENT} members, think 0–${THINK_MS} ms`, THINK_MS],
      [`${CONCURRENT} in flight (saturation)`, 0],
    ] as const) {
      // Interleaved: the two load runs alternate per mode, so both see the same machine.
      const offset = think ? 3 : 3 + samples
      const base = await runLoad(CONCURRENT, ROUNDS, think, (s, r) => timeCall(() => baseCall(`base-${offset + r * CONCURRENT + s}`)))
      const our = await runLoad(CONCURRENT, ROUNDS, think, (s, r) => timeCall(() => oursCall(`o-${offset + r * CONCURRENT + s}`)))
      const b50 = percentile(base.times, 50)
      const b95 = percentile(base.times, 95)
      const o50 = percentile(our.times, 50)
      const o95 = percentile(our.times, 95)
      rows.push(
        {
          operation: 'baseline: count + add + _.inc',
          load: mode,
          'db requests/call': requests.baseline,
          p50Ms: ms(b50),
          p95Ms: ms(b95),
          'p50 ×': 1,
          'p95 ×': 1,
          [`${TAPS} taps → check-ins / points`]: baseTaps,
        },
        {
          operation: 'ours: check-in + points + event, one transaction',
          load: mode,
          'db requests/call': requests.ours,
          p50Ms: ms(o50),
          p95Ms: ms(o95),
          'p50 ×': ms(o50 / b50),
          'p95 ×': ms(o95 / b95),
          [`${TAPS} taps → check-ins / points`]: ourTaps,
        },
      )
    }
    return rows
  } finally {
    await emu.close()
  }
}

async function countOf(collection: string, where: object): Promise<number> {
  return ((await db().collection(collection).where(where).count()) as unknown as { total: number }).total
}

async function balanceOf(memberId: string): Promise<number> {
  const res = (await db().collection('points_balances').doc(memberId).get()) as unknown as { data: { balance: number } }
  return res.data.balance
}
