/**
 * Points and mall benchmark: the real services (the same code the cloud functions
 * run) through the real wx-server-sdk against the emulator. For award, redeem and
 * balance read it reports database requests per call and p50/p95 with 50 members
 * calling concurrently, for members with 0 and with 10,000 prior ledger entries.
 */
import { startBenchEmulator, type BenchEmulator } from './emulator-host'
import { runLoad, timeCall } from './load'
import type { Row } from './table'
import { percentile } from './table'

const MEMBERS = 50
const ROUNDS = 20
const HISTORY = 10_000
const THINK_MS = 1000

async function seedHistory(emu: BenchEmulator, memberId: string, entries: number): Promise<void> {
  const now = emu.clock.now()
  const docs = Array.from({ length: entries }, (_, i) => ({
    _id: `adjust:seed-${memberId}-${i}`,
    memberId,
    amount: 10,
    reason: 'adjust',
    at: now - (entries - i) * 1000,
  }))
  for (let i = 0; i < docs.length; i += 2000) await emu.db.insert('points_entries', docs.slice(i, i + 2000))
  await emu.db.insert('points_balances', [
    { _id: memberId, balance: entries * 10, earned: entries * 10, spent: 0, version: entries, updatedAt: now },
  ])
}

export function benchItem(id: string) {
  return {
    _id: id,
    title: '基准商品',
    description: '',
    images: [],
    cost: 1,
    stock: 1_000_000,
    perMemberLimit: null,
    saleStart: null,
    saleEnd: null,
    onShelf: true,
    kind: 'unlock',
    unlockTarget: 'material',
    unlockTargetId: 'm1',
    shards: 8,
    createdAt: 0,
    updatedAt: 0,
  }
}

export async function benchPoints(): Promise<Row[]> {
  const emu = await startBenchEmulator()
  // Imported after the SDK points at the emulator (the services call cloud.init lazily).
  const { applyEntry } = await import('../cloudfunctions/src/services/points/ledger')
  const { balanceOf } = await import('../cloudfunctions/src/services/points/queries')
  const { redeem } = await import('../cloudfunctions/src/services/mall/redeem')
  const rows: Row[] = []
  try {
    for (const history of [0, HISTORY]) {
      const members = Array.from({ length: MEMBERS }, (_, i) => `bench-${history}-${i}`)
      if (history) for (const m of members) await seedHistory(emu, m, history)
      // A catalogue of 10 items: members spread over them as in a real mall (the hot single item is a separate row).
      const items = Array.from({ length: 10 }, (_, i) => `item-bench-${history}-${i}`)
      await emu.db.insert(
        'mall_items',
        items.map((id) => benchItem(id)),
      )
      await emu.db.insert(
        'mall_stock',
        items.flatMap((id) =>
          Array.from({ length: 8 }, (_, k) => ({ _id: `${id}~${k}`, itemId: id, k, stock: 100_000, item: benchItem(id) })),
        ),
      )
      const award = (m: string, r: number) =>
        applyEntry({ _id: `checkin:bench:${history}-${r}:${m}`, memberId: m, amount: 10, reason: 'checkin' }, Date.now())
      const spend = async (m: string, r: number) => {
        const out = await redeem({
          memberId: m,
          itemId: items[(r + Number(m.split('-').pop())) % items.length],
          requestId: `bench-req-${history}-${r}`,
          now: Date.now(),
        })
        if ('ok' in out) throw new Error(`redeem refused in the benchmark: ${out.code}`)
        return out
      }
      const read = (m: string) => balanceOf(m)
      const probe = `probe-${history}`
      if (history) await seedHistory(emu, probe, history)
      await read(probe) // warms the per-instance policy cache, as a warm cloud function has it
      const reqAward = await emu.countRequests(() => award(probe, 999))
      const reqRedeem = await emu.countRequests(() => spend(probe, 999))
      const reqRead = await emu.countRequests(() => read(probe))
      for (const [name, requests, op] of [
        ['award (check-in points)', reqAward, award],
        ['redeem (mall)', reqRedeem, spend],
        ['balance read', reqRead, read],
      ] as const) {
        for (const think of [THINK_MS, 0]) {
          // 50 members at once, ROUNDS calls each; saturation rounds use other keys than the think-time rounds.
          const { times, perSec } = await runLoad(members.length, ROUNDS, think, (m, r) =>
            timeCall(() => op(members[m], r + (think ? 0 : ROUNDS))),
          )
          rows.push({
            operation: name,
            'prior entries': history,
            'db requests/call': requests,
            load: think ? `50 members, think 0–${think} ms` : '50 in flight (saturation)',
            'calls/s': perSec,
            p50Ms: Math.round(percentile(times, 50) * 100) / 100,
            p95Ms: Math.round(percentile(times, 95) * 100) / 100,
          })
        }
      }
    }
  } finally {
    await emu.close()
  }
  return rows
}
