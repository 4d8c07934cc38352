import fc from 'fast-check'
import type { ModerationState, ReviewStatus } from '@cloud/domain/camp'
import {
  applyCounterPatch,
  buildQueueQuery,
  counterPatches,
  counterShardId,
  hourKey,
  planAssignedQueue,
  QUEUE_COUNTER_SHARDS,
  readQueueCounts,
  shardOf,
  type CountedCheckin,
  type QueueCounterShard,
  type QueueQuery,
} from '@cloud/domain/review'
import { period, sh, TEACHER } from './fixtures'

const T0 = sh('2026-12-29 06:00')
const HOUR = 3_600_000
const TEACHERS = ['t1', 't2', 't3']
const DAYS = ['2026-12-29', '2026-12-30']

type Op =
  | {
      kind: 'checkin'
      period: string
      member: number
      day: number
      at: number
      teacher: number
      moderation: ModerationState
      makeup: boolean
    }
  | { kind: 'moderate'; pick: number; verdict: ModerationState }
  | { kind: 'review'; pick: number; returned: boolean }
  | { kind: 'redo'; pick: number; at: number }
  | { kind: 'assign'; pick: number; teacher: number }

const at = fc.integer({ min: 0, max: 72 * HOUR })
const pick = fc.nat()
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('checkin' as const),
    period: fc.constantFrom('pA', 'pB'),
    member: fc.integer({ min: 0, max: 6 }),
    day: fc.integer({ min: 0, max: 1 }),
    at,
    teacher: fc.integer({ min: -1, max: 2 }),
    moderation: fc.constantFrom<ModerationState>('pending', 'pass', 'review', 'risky'),
    makeup: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('moderate' as const), pick, verdict: fc.constantFrom<ModerationState>('pass', 'review', 'risky') }),
  fc.record({ kind: fc.constant('review' as const), pick, returned: fc.boolean() }),
  fc.record({ kind: fc.constant('redo' as const), pick, at }),
  fc.record({ kind: fc.constant('assign' as const), pick, teacher: fc.integer({ min: -1, max: 2 }) }),
)

/** The check-in after an operation (or null when it does not apply), written like the services would. */
function step(docs: Map<string, CountedCheckin>, o: Op): [CountedCheckin | null, CountedCheckin] | null {
  if (o.kind === 'checkin') {
    const id = `checkin:${o.period}:${DAYS[o.day]}:m${o.member}`
    if (docs.has(id)) return null
    const status: ReviewStatus = o.makeup ? 'none' : 'pending'
    const assigneeId = o.teacher < 0 ? null : TEACHERS[o.teacher]
    return [
      null,
      { _id: id, periodId: o.period, day: DAYS[o.day], reviewStatus: status, moderation: o.moderation, assigneeId, queuedAt: T0 + o.at },
    ]
  }
  const all = [...docs.values()]
  const c = all[o.pick % Math.max(1, all.length)]
  if (!c) return null
  if (o.kind === 'moderate') return [c, { ...c, moderation: o.verdict }]
  if (o.kind === 'assign') return [c, { ...c, assigneeId: o.teacher < 0 ? null : TEACHERS[o.teacher] }]
  if (o.kind === 'review') return c.reviewStatus === 'pending' ? [c, { ...c, reviewStatus: o.returned ? 'returned' : 'reviewed' }] : null
  return c.reviewStatus === 'returned' ? [c, { ...c, reviewStatus: 'pending', queuedAt: T0 + o.at }] : null
}

function run(ops: readonly Op[]) {
  const docs = new Map<string, CountedCheckin>()
  const shards = new Map<string, QueueCounterShard>()
  for (const o of ops) {
    const s = step(docs, o)
    if (!s) continue
    for (const p of counterPatches(s[0], s[1])) {
      const shard = shards.get(p.docId)
      shards.set(p.docId, shard ? applyCounterPatch(shard, p.inc) : p.seed)
    }
    docs.set(s[1]._id, s[1])
  }
  return { docs: [...docs.values()], shards: [...shards.values()] }
}

/** The oracle: what waits, straight from the documents. */
const waits = (c: CountedCheckin) => c.reviewStatus === 'pending' && c.moderation !== 'risky'

describe('sharded queue counters', () => {
  it('should sum to the backlog computed from the check-ins after any check-ins, moderation, reviews, redos and reassignments', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const { docs, shards } = run(ops)
        const waiting = docs.filter(waits)
        const total = readQueueCounts(shards)
        expect(total.pending).toBe(waiting.length)
        const cells = new Map<string, number>()
        for (const c of waiting) cells.set(`${c.periodId}|${c.day}`, (cells.get(`${c.periodId}|${c.day}`) ?? 0) + 1)
        expect(new Map(total.summary.byPeriodDay.map((g) => [`${g.periodId}|${g.day}`, g.count]))).toEqual(cells)
        const hours = new Map<string, number>()
        for (const c of waiting) hours.set(`h${Math.floor(c.queuedAt / HOUR)}`, (hours.get(`h${Math.floor(c.queuedAt / HOUR)}`) ?? 0) + 1)
        expect(new Map(Object.entries(total.hours))).toEqual(hours)
        for (const owner of [...TEACHERS, '-'])
          expect(readQueueCounts(shards, owner).pending).toBe(waiting.filter((c) => (c.assigneeId ?? '-') === owner).length)
        for (const s of shards) {
          expect(s.pending).toBeGreaterThanOrEqual(0)
          expect(s._id).toBe(counterShardId(s.periodId, s.owner, s.k))
        }
      }),
    )
  })

  it('should patch nothing when nothing counted changes, and move a reassignment between owners only', () => {
    const c: CountedCheckin = {
      _id: 'checkin:pA:2026-12-29:m1',
      periodId: 'pA',
      day: '2026-12-29',
      reviewStatus: 'pending',
      moderation: 'pass',
      assigneeId: 't1',
      queuedAt: T0,
    }
    expect(counterPatches(c, { ...c, moderation: 'review' })).toEqual([])
    expect(counterPatches(c, { ...c, reviewStatus: 'none' })).toHaveLength(2)
    const moved = counterPatches(c, { ...c, assigneeId: 't2' })
    const k = shardOf(c._id)
    expect(moved.map((p) => [p.docId, p.inc.pending])).toEqual([
      [counterShardId('pA', 't1', k), -1],
      [counterShardId('pA', 't2', k), 1],
    ])
    expect(() => counterPatches(c, { ...c, _id: 'checkin:pA:2026-12-29:m2' })).toThrow()
  })

  it('should spread a rush of check-ins over every shard, so no document takes every write', () => {
    const hits = new Map<number, number>()
    for (let m = 0; m < 2000; m++)
      hits.set(shardOf(`checkin:pA:2026-12-29:member${m}`), (hits.get(shardOf(`checkin:pA:2026-12-29:member${m}`)) ?? 0) + 1)
    expect(hits.size).toBe(QUEUE_COUNTER_SHARDS)
    for (const n of hits.values()) expect(n).toBeLessThan((2000 / QUEUE_COUNTER_SHARDS) * 1.3)
  })

  it('should key queue-entry hours independently of the time zone', () => {
    expect(hourKey(0)).toBe('h0')
    expect(hourKey(HOUR - 1)).toBe('h0')
    expect(hourKey(HOUR)).toBe('h1')
  })
})

describe('assigned queue pages', () => {
  const base = buildQueueQuery(TEACHER, [period], { kind: 'pending', day: 'all' }, sh('2026-12-29 12:00'), 20) as QueueQuery

  it('should read the teacher’s own shards with the first page and none with deeper pages', () => {
    const first = planAssignedQueue(base, TEACHER._id)
    expect(first.counterIds).toHaveLength(QUEUE_COUNTER_SHARDS)
    expect(first.counterIds?.every((id) => id.startsWith(`qc:${period._id}:${TEACHER._id}:`))).toBe(true)
    expect(first.query).toMatchObject({ assigneeId: TEACHER._id, after: null, limit: 21 })
    const deep = planAssignedQueue(base, TEACHER._id, { submittedAt: sh('2026-12-29 09:00'), id: 'checkin:x' })
    expect(deep.counterIds).toBeNull()
    expect(deep.query.after).toEqual({ submittedAt: sh('2026-12-29 09:00'), id: 'checkin:x' })
    expect(deep.query.limit).toBe(first.query.limit)
  })

  it('should read the period totals for an operator’s whole-period view', () => {
    const all = planAssignedQueue(base, null)
    expect(all.owner).toBe('*')
    expect(all.query.assigneeId).toBeNull()
    expect(all.counterIds?.[0]).toBe(counterShardId(period._id, '*', 0))
  })
})
