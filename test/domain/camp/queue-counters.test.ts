import fc from 'fast-check'
import {
  applyQueueInc,
  backlogDays,
  countsOfGroups,
  BASE_K,
  emptyQueueCounter,
  fieldKey,
  foldHorizon,
  foldInc,
  FOLD_EVERY_MS,
  markQueued,
  sameCreations,
  TAIL_MARGIN_MS,
  type QueueCreationGroup,
  fromFieldKey,
  isBacklog,
  QUEUE_SHARDS,
  queueCounterId,
  queueCounterIds,
  queueCounterStep,
  newPeriodQueueBase,
  recountedBase,
  shardOf,
  sumQueueCounters,
  type ModerationState,
  ownerLoads,
  type QueueCounted,
  type QueueCounterDoc,
  type QueueRecountGroup,
  type ReviewStatus,
} from '@cloud/domain/camp'

const PERIOD = 'p1'
const DAYS = ['2026-12-29', '2026-12-30', '2026-12-31']
const TEAMS = [null, 'p1:0', 'p1:1', 'team.with$dots']
const STATUSES: ReviewStatus[] = ['none', 'pending', 'reviewed', 'returned']
const MODERATIONS: ModerationState[] = ['pending', 'pass', 'review', 'risky']
/** Fair distribution (issue #17 item 2): the pool (null, or the field absent on older check-ins) or a teacher. */
const ASSIGNEES = [null, undefined, 't-li', 't-wang', 't.dotted$id']

type Op = {
  pick: number
  reviewStatus: ReviewStatus
  moderation: ModerationState
  teamId: string | null
  assigneeId?: string | null
  remove: boolean
}

const op: fc.Arbitrary<Op> = fc.record({
  pick: fc.integer({ min: 0, max: 29 }),
  reviewStatus: fc.constantFrom(...STATUSES),
  moderation: fc.constantFrom(...MODERATIONS),
  teamId: fc.constantFrom(...TEAMS),
  assigneeId: fc.constantFrom(...ASSIGNEES),
  remove: fc.boolean(),
})

const checkinOf = (pick: number, o: Omit<Op, 'pick' | 'remove'>): QueueCounted => ({
  _id: `checkin:${PERIOD}:${DAYS[pick % DAYS.length]}:m${pick}`,
  periodId: PERIOD,
  day: DAYS[pick % DAYS.length],
  teamId: o.teamId,
  reviewStatus: o.reviewStatus,
  moderation: o.moderation,
  ...(o.assigneeId === undefined ? {} : { assigneeId: o.assigneeId }),
})

/** The model of the database: the shards as `_.inc` (or the seed `set`) leaves them. */
function apply(shards: Map<string, QueueCounterDoc>, before: QueueCounted | null, after: QueueCounted | null): void {
  const step = queueCounterStep(before, after)
  if (!step) return
  const doc = shards.get(step.docId)
  shards.set(step.docId, doc ? applyQueueInc(doc, step.inc) : step.seed)
}

function truth(checkins: Iterable<QueueCounted>): QueueRecountGroup[] {
  const m = new Map<string, QueueRecountGroup>()
  for (const c of checkins) {
    if (!isBacklog(c)) continue
    const key = `${c.day}|${c.teamId}|${c.assigneeId ?? null}`
    m.set(key, { day: c.day, teamId: c.teamId, assigneeId: c.assigneeId ?? null, count: (m.get(key)?.count ?? 0) + 1 })
  }
  return [...m.values()]
}

describe('queue counters (domain)', () => {
  it('should equal a recount after any sequence of check-in writes, from a new period’s base or from a recount', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.array(op, { maxLength: 20 }), (history, later) => {
        const checkins = new Map<number, QueueCounted>()
        const run = (ops: Op[], ...shards: Map<string, QueueCounterDoc>[]) => {
          for (const o of ops) {
            const before = checkins.get(o.pick) ?? null
            const after = o.remove ? null : checkinOf(o.pick, o)
            for (const m of shards) apply(m, before, after)
            if (after) checkins.set(o.pick, after)
            else checkins.delete(o.pick)
          }
        }
        const base = newPeriodQueueBase(PERIOD)
        const fresh = new Map([[base._id, base]])
        // The same history without a base: data from before the counters, its shards as the write sites left them.
        const legacy = new Map<string, QueueCounterDoc>()
        run(history, fresh, legacy)
        expect(sumQueueCounters(PERIOD, fresh)).toEqual(countsOfGroups(PERIOD, truth(checkins.values())))
        expect(sumQueueCounters(PERIOD, legacy)).toBeNull()
        // Recounted (base = count − the shards), then more writes: still exact.
        const recounted = recountedBase(PERIOD, truth(checkins.values()), legacy.values())
        legacy.set(recounted._id, recounted)
        expect(sumQueueCounters(PERIOD, legacy)).toEqual(countsOfGroups(PERIOD, truth(checkins.values())))
        run(later, legacy, fresh)
        const expected = countsOfGroups(PERIOD, truth(checkins.values()))
        expect(sumQueueCounters(PERIOD, legacy)).toEqual(expected)
        expect(sumQueueCounters(PERIOD, fresh)).toEqual(expected)
        // From a zero base, every cell stays ≥ 0: a check-in's +1 and −1 land in the same shard.
        for (const s of fresh.values()) {
          expect(s.pending).toBeGreaterThanOrEqual(0)
          for (const n of Object.values(s.days)) expect(n).toBeGreaterThanOrEqual(0)
          for (const byDay of Object.values(s.owners ?? {})) for (const n of Object.values(byDay)) expect(n).toBeGreaterThanOrEqual(0)
        }
        // Per-teacher backlogs and the pool as the distribution reads them: exactly the waiting items of each.
        const loads = ownerLoads(expected)
        const waiting = [...checkins.values()].filter(isBacklog)
        for (const t of ['t-li', 't-wang', 't.dotted$id'])
          expect(loads.owners[t] ?? 0).toBe(waiting.filter((c) => c.assigneeId === t).length)
        expect(loads.pool).toBe(waiting.filter((c) => !c.assigneeId).length)
      }),
    )
  })

  it('should equal a recount when creations are counted from the documents and folded into the base at any horizon', () => {
    type Doc = QueueCounted & { queuedAt?: number }
    const step = fc.record({
      op,
      // Whole minutes, so creations land exactly on a fold horizon too.
      wait: fc.integer({ min: 0, max: 20 }).map((m) => m * 60_000),
      fold: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const docs = new Map<number, Doc>()
        const base0 = newPeriodQueueBase(PERIOD)
        const counters = new Map([[base0._id, base0]])
        let now = Date.UTC(2026, 11, 29, 2)
        const creations = (from: number, until = Infinity): QueueCreationGroup[] => {
          const m = new Map<string, QueueCreationGroup>()
          for (const c of docs.values())
            if (c.queuedAt !== undefined && c.queuedAt >= from && c.queuedAt < until) {
              const key = `${c.day}|${c.teamId}`
              m.set(key, { day: c.day, teamId: c.teamId, count: (m.get(key)?.count ?? 0) + 1 })
            }
          return [...m.values()]
        }
        const read = () => {
          const base = counters.get(base0._id) as QueueCounterDoc
          return sumQueueCounters(PERIOD, counters, creations(base.foldedUntil ?? 0))
        }
        for (const { op: o, wait, fold } of steps) {
          now += wait
          const before = docs.get(o.pick) ?? null
          if (!before) {
            // The insert: in the pool, pending, never risky (refused before), stamped and writing no counter.
            const inserted = markQueued({
              ...checkinOf(o.pick, { ...o, reviewStatus: 'pending', moderation: o.moderation === 'risky' ? 'pass' : o.moderation }),
              assigneeId: null,
              submittedAt: now,
            })
            expect(inserted.queuedAt).toBe(now)
            docs.set(o.pick, inserted)
          } else {
            // Any later write keeps its day, team and stamp and moves the counters by one step.
            const after: Doc = { ...checkinOf(o.pick, { ...o, teamId: before.teamId }), queuedAt: before.queuedAt }
            apply(counters, before, after)
            docs.set(o.pick, after)
          }
          if (fold) {
            const base = counters.get(base0._id) as QueueCounterDoc
            const until = foldHorizon(base, now)
            if (until !== null) {
              const folded = applyQueueInc(base, foldInc(creations(base.foldedUntil ?? 0, until)))
              counters.set(base0._id, { ...folded, foldedUntil: until })
            }
          }
          expect(read()).toEqual(countsOfGroups(PERIOD, truth(docs.values())))
        }
      }),
    )
  })

  it('should fold only past the margin and at most every FOLD_EVERY_MS, and stamp only what enters the backlog', () => {
    const now = Date.UTC(2026, 11, 31, 16)
    expect(foldHorizon({}, now)).toBe(now - TAIL_MARGIN_MS)
    expect(foldHorizon({ foldedUntil: now - TAIL_MARGIN_MS - FOLD_EVERY_MS }, now)).toBe(now - TAIL_MARGIN_MS)
    expect(foldHorizon({ foldedUntil: now - TAIL_MARGIN_MS - FOLD_EVERY_MS + 1 }, now)).toBeNull()
    const c = { reviewStatus: 'pending' as const, moderation: 'pass' as const, submittedAt: now, assigneeId: null }
    expect(markQueued(c)).toEqual({ ...c, queuedAt: now })
    expect(markQueued({ ...c, reviewStatus: 'none' })).toEqual({ ...c, reviewStatus: 'none' })
    expect(markQueued({ ...c, moderation: 'risky' })).toEqual({ ...c, moderation: 'risky' })
    expect(() => markQueued({ ...c, assigneeId: 't-li' })).toThrow()
    const g = (day: string, teamId: string | null, count: number): QueueCreationGroup => ({ day, teamId, count })
    expect(sameCreations([g(DAYS[0], null, 2), g(DAYS[1], 'p1:0', 1)], [g(DAYS[1], 'p1:0', 1), g(DAYS[0], null, 2)])).toBe(true)
    expect(sameCreations([g(DAYS[0], null, 2)], [g(DAYS[0], null, 3)])).toBe(false)
    expect(foldInc([g(DAYS[0], 'team.with$dots', 2), g(DAYS[0], null, 1)])).toEqual({
      pending: 3,
      [`days.${DAYS[0]}`]: 3,
      [`teams.${fieldKey('team.with$dots')}.${DAYS[0]}`]: 2,
    })
  })

  it('should make each step one document, written only when the backlog moves', () => {
    const waiting = checkinOf(3, { reviewStatus: 'pending', moderation: 'pass', teamId: 'p1:0' })
    const step = queueCounterStep(null, waiting)
    expect(step).toEqual({
      docId: queueCounterId(PERIOD, shardOf(waiting._id)),
      inc: { writes: 1, pending: 1, [`days.${waiting.day}`]: 1, [`teams.p1:0.${waiting.day}`]: 1 },
      seed: expect.objectContaining({ k: shardOf(waiting._id), writes: 1, pending: 1 }),
    })
    // 精选 or a same-day edit of a waiting check-in; a make-up ('none'); a held text cleared to pass.
    expect(queueCounterStep(waiting, { ...waiting })).toBeNull()
    expect(queueCounterStep(null, { ...waiting, reviewStatus: 'none' })).toBeNull()
    expect(queueCounterStep({ ...waiting, moderation: 'review' }, waiting)).toBeNull()
    expect(queueCounterStep(waiting, { ...waiting, moderation: 'risky' })?.inc).toEqual({
      writes: 1,
      pending: -1,
      [`days.${waiting.day}`]: -1,
      [`teams.p1:0.${waiting.day}`]: -1,
    })
    expect(() => queueCounterStep(waiting, { ...waiting, _id: 'other' })).toThrow()
  })

  it('should count a period only once it has its base, its missing shards as zero', () => {
    const base = newPeriodQueueBase(PERIOD)
    expect(base).toMatchObject({ _id: `qc:${PERIOD}:base`, k: BASE_K })
    expect(sumQueueCounters(PERIOD, new Map([[base._id, base]]))).toEqual({ periodId: PERIOD, days: {}, teams: {}, owners: {} })
    const shard = emptyQueueCounter(PERIOD, 5)
    expect(sumQueueCounters(PERIOD, new Map([[shard._id, shard]]))).toBeNull()
    expect(queueCounterIds(PERIOD)).toHaveLength(QUEUE_SHARDS + 1)
    expect(new Set(queueCounterIds(PERIOD)).size).toBe(QUEUE_SHARDS + 1)
    expect(queueCounterId(PERIOD, 0)).toBe(`qc:${PERIOD}:0`)
  })

  it('should keep ids with dots and dollars intact as field names', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const key = fieldKey(id)
        expect(key).not.toMatch(/[.$]/)
        expect(fromFieldKey(key)).toBe(id)
      }),
    )
  })

  it('should give a team-narrowed reader the sum of their teams and a whole-period reader the period', () => {
    const counts = countsOfGroups(PERIOD, [
      { day: DAYS[0], teamId: 'a', count: 2 },
      { day: DAYS[0], teamId: 'b', count: 1 },
      { day: DAYS[1], teamId: null, count: 4 },
    ])
    expect(backlogDays(counts, null)).toEqual([
      { day: DAYS[0], count: 3 },
      { day: DAYS[1], count: 4 },
    ])
    expect(backlogDays(counts, ['a', 'c'])).toEqual([{ day: DAYS[0], count: 2 }])
  })
})
