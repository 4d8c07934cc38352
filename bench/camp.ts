/**
 * Check-in camp benchmark: the real camp services (the code the `camp` function runs) through the real wx-server-sdk
 * against the emulator. It reports database requests per call and p50/p95 with 50 members calling at once, for a
 * check-in and for a leaderboard page (first and deep), in an empty period and in a period of 10,000 members with
 * 20 days of history each (≈ 200,000 check-ins), side by side. The emulator and the function instances run as
 * processes of their own (./emulator-host.ts, ./instances.ts).
 */
import { publicIdOf } from '../cloudfunctions/src/domain/identity/public-id'
import type { BalanceDoc } from '../cloudfunctions/src/domain/points'
import * as path from 'path'
import { startBenchEmulator, type BenchEmulator } from './emulator-host'
import { addDays, businessDay } from '../cloudfunctions/src/domain/business-day'
import {
  checkinId,
  newEnrollment,
  newPeriod,
  emptyQueueCounter,
  newPeriodQueueBase,
  QUEUE_SHARDS,
  recount,
  type CheckinDoc,
  type EnrollmentDoc,
  type PeriodDoc,
} from '../cloudfunctions/src/domain/camp'
import { newSeatShards } from '../cloudfunctions/src/services/camp/seats'
import type { CampOps } from './camp-ops'
import { startInstances, type FunctionInstances } from './instances'
import { runLoad } from './load'
import { latencyCells, loadModes, type Row } from './table'

const CONCURRENT = 50
const THINK_MS = 1000
/**
 * Each session acts for BATCHES members in turn, so a row has CONCURRENT × BATCHES samples (1,500). On this 2-core VM
 * a 500-sample p95 moved by ±8 ms between runs (bursts of arrivals, the VM's neighbours); 1,500 samples hold it within
 * a few ms.
 */
const BATCHES = 30
const BIG = 10_000
const HISTORY_DAYS = 20

export function benchPeriod(id: string, startDay: string, capacity: number): PeriodDoc {
  const period = newPeriod(
    id,
    {
      campId: 'bench-camp',
      index: { 'bench-empty': 1, 'bench-big': 2 }[id] ?? 3,
      lengthDays: 21,
      startDay,
      tasks: [],
      contentTypes: ['text', 'image', 'voice'],
      window: null,
      cutoffMinutes: 0,
      capacity,
      entry: { kind: 'open' },
      joinUntilDay: null,
      points: {
        perCheckin: 10,
        streakMilestones: [{ days: 7, bonus: 30 }],
        completion: { minCheckins: 15, bonus: 100 },
        groupMultiplier: 2,
      },
      makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
      teacherIds: [],
      teacherTeams: {},
    },
    0,
  )
  return { ...period, status: 'open' }
}

/** Members `{prefix}-{i}` joined before day 1; with history, each checked in on most of the past days (some gaps). */
export async function seedPeriod(emu: BenchEmulator, period: PeriodDoc, prefix: string, members: number, historyDays: number, now: number) {
  const enrollments: EnrollmentDoc[] = []
  const checkins: CheckinDoc[] = []
  const balances: BalanceDoc[] = []
  const joinedAt = now - 25 * 86_400_000
  for (let i = 0; i < members; i++) {
    const memberId = `${prefix}-${i}`
    const base = newEnrollment(period, { memberId, publicId: publicIdOf(memberId) }, 'open', addDays(period.startDay, -1), joinedAt)
    const days = Array.from({ length: historyDays }, (_, d) => addDays(period.startDay, d)).filter((_, d) => (i + d) % 9 !== 0)
    const counters = recount(
      period,
      base,
      { checkedDays: days, madeUpDays: [], streakMilestones: [], earned: days.length * 10, spent: 0 },
      now,
    )
    // The streak bonuses their history reached were paid then, so today's check-in earns its base points only.
    const paid = period.points.streakMilestones.filter((m) => m.days <= counters.bestStreak).map((m) => m.days)
    enrollments.push({ ...base, ...counters, streakMilestones: paid })
    for (const day of days) checkins.push(historyCheckin(period, memberId, day, now))
    // Opened at zero by the member's first visit (identity `open`; the history's points are not in the seeded ledger):
    // a check-in's award is then the plain `_.inc` of every member past their first open.
    balances.push({ _id: memberId, balance: 0, earned: 0, spent: 0, version: 0, updatedAt: joinedAt })
  }
  await emu.db.insert('enrollments', enrollments)
  await emu.db.insert('points_balances', balances)
  await emu.db.insert('checkins', checkins)
  await emu.db.insert('period_seats', newSeatShards(period._id, period.capacity))
  // The backlog counters' base as createPeriod makes it (the history is all reviewed, so zero is exact), and every shard
  // already written once, as in a running period (a check-in writes none: its creation is counted from its document).
  await emu.db.insert('queue_counters', [
    newPeriodQueueBase(period._id),
    ...Array.from({ length: QUEUE_SHARDS }, (_, k) => emptyQueueCounter(period._id, k)),
  ])
}

function historyCheckin(period: PeriodDoc, memberId: string, day: string, now: number): CheckinDoc {
  return {
    _id: checkinId(period._id, day, memberId),
    periodId: period._id,
    campId: period.campId,
    memberId,
    day,
    dayIndex: 1,
    content: { text: '今天完成了朗读练习', images: [], voice: null },
    moderation: 'pass',
    textVerdict: 'pass',
    mediaChecks: [],
    fromGroup: false,
    makeup: false,
    teamId: null,
    submittedAt: now,
    submittedDay: day,
    editedAt: null,
    points: 10,
    reviewStatus: 'reviewed',
    redoCount: 0,
    featured: false,
    featuredAt: null,
  }
}

export async function benchCamp(): Promise<Row[]> {
  const emu = await startBenchEmulator()
  const { createOps } = await import('./camp-ops')
  const local = createOps(() => emu.clock.now())
  let instances: FunctionInstances<CampOps> | undefined
  const rows: Row[] = []
  try {
    const now = emu.clock.now()
    const today = businessDay(now)
    const startDay = addDays(today, -HISTORY_DAYS)
    const timedCount = CONCURRENT * BATCHES * 2
    // member 0 checks the setup, 1..timedCount are timed, timedCount + 1 is counted
    const sample = timedCount + 2
    await emu.db.insert('camps', [{ _id: 'bench-camp', title: '基准打卡营', subject: 'english', gradeTags: [], archived: false }])
    const cases = [
      { label: 'empty period', period: benchPeriod('bench-empty', startDay, sample), prefix: 'e', members: sample, history: 0 },
      {
        label: `${BIG} members × ${HISTORY_DAYS} days`,
        period: benchPeriod('bench-big', startDay, BIG),
        prefix: 'b',
        members: BIG,
        history: HISTORY_DAYS,
      },
    ]
    const warmMembers = Array.from({ length: CONCURRENT * BATCHES }, (_, i) => `w-${i}`)
    const warm = benchPeriod('bench-warm', startDay, warmMembers.length)
    await emu.db.insert('periods', [warm])
    await seedPeriod(emu, warm, 'w', warmMembers.length, 0, now)
    instances = await startInstances<CampOps>(emu, path.join(__dirname, 'camp-ops.ts'))
    const pool = instances
    // Each of the 50 sessions acts for BATCHES different members in turn (a member checks in once a day).
    const load = (members: string[], think: number, op: 'checkin' | 'board', periodId: string, deep = false) =>
      runLoad(CONCURRENT, BATCHES, think, (s, b) => pool.run(s, op, { periodId, memberId: members[b * CONCURRENT + s], deep }))
    // Warm the code paths (JIT, sockets, query cache) of every instance, as warm function instances have them.
    await load(warmMembers, 0, 'checkin', warm._id)
    // The empty case is measured before the big period exists, so the two rows compare an empty database with one
    // that holds the history.
    for (const c of cases) {
      await emu.db.insert('periods', [c.period])
      await seedPeriod(emu, c.period, c.prefix, c.members, c.history, now)
      await emu.settle()
      const members = Array.from({ length: timedCount }, (_, i) => `${c.prefix}-${i + 1}`)
      await local.checkin({ periodId: c.period._id, memberId: `${c.prefix}-0` })
      const reqCheckin = await emu.countRequests(() => local.checkin({ periodId: c.period._id, memberId: `${c.prefix}-${timedCount + 1}` }))
      const reqBoard = await emu.countRequests(() => local.board({ periodId: c.period._id, memberId: 'x', deep: false }))
      const entries: [string, number, 'checkin' | 'board', boolean][] = [
        ['check-in (+ points, event)', reqCheckin, 'checkin', false],
        ['leaderboard first page', reqBoard, 'board', false],
        ['leaderboard deep page', reqBoard, 'board', true],
      ]
      for (const [name, requests, op, deep] of entries) {
        for (const [mode, think] of loadModes(CONCURRENT, 'members', THINK_MS)) {
          const who = think ? members.slice(0, timedCount / 2) : members.slice(timedCount / 2)
          const { times } = await load(who, think, op, c.period._id, deep)
          rows.push({
            operation: name,
            period: c.label,
            'db requests/call': requests,
            load: mode,
            ...latencyCells(times),
          })
        }
      }
    }
  } finally {
    await instances?.close()
    await emu.close()
  }
  return rows
}
