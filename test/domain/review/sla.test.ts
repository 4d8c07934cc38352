import fc from 'fast-check'
import {
  AGE_BOUNDS_MS,
  ageBucket,
  applyStatsIncrement,
  backlogByAge,
  exactPercentile,
  exactSla,
  finishBacklogByAge,
  hourKey,
  LATENCY_CAP_MINUTES,
  LATENCY_EDGES,
  latencyIndex,
  latencyKey,
  latencyPercentile,
  planReview,
  oldestWaiting,
  planBacklogByAge,
  shanghaiHour,
  MAX_SLA_DAYS,
  MAX_SLA_IDS,
  MAX_SLA_TEACHERS,
  slaDays,
  slaRange,
  slaReport,
  slaTeachers,
  slaTeachersPerPage,
  slaTotals,
  statsIncrement,
  withSla,
  type LatencyHistogram,
  type ReviewDoc,
  type TeacherDayStatsDoc,
} from '@cloud/domain/review'
import { ADMIN, input, makeCheckin, MEMBER_ACTOR, okOf, scope, sh, TEACHER } from './fixtures'

const HOUR = 3_600_000
const histOf = (waits: readonly number[]): LatencyHistogram => {
  const h: LatencyHistogram = {}
  for (const w of waits) h[latencyKey(latencyIndex(w))] = (h[latencyKey(latencyIndex(w))] ?? 0) + 1
  return h
}

describe('nearest-rank percentiles', () => {
  it.each([
    ['empty', [], 50, null],
    ['one item, p50', [7], 50, 7],
    ['one item, p90', [7], 90, 7],
    ['ties', [5, 5, 5, 5, 9], 50, 5],
    ['ties at p90', [1, 5, 5, 5, 5], 90, 5],
    ['1..10 p50', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 50, 5],
    ['1..10 p90', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    ['even count p50 = lower median', [1, 2, 3, 4], 50, 2],
    ['p90 of four rounds the rank up', [1, 2, 3, 4], 90, 4],
    ['p100 = the maximum', [3, 1, 2], 100, 3],
  ])('should answer %s', (_what, values, p, expected) => expect(exactPercentile(values, p)).toBe(expected))

  it('should refuse a percentile outside (0, 100]', () => {
    expect(() => exactPercentile([1], 0)).toThrow(RangeError)
    expect(() => exactPercentile([1], 101)).toThrow(RangeError)
  })
})

describe('log-scale latency histogram', () => {
  it('should put each edge in its own bucket and the minute before in the previous one', () => {
    LATENCY_EDGES.forEach((e, i) => {
      expect(latencyIndex(e)).toBe(i)
      if (i > 0) expect(latencyIndex(e - 1)).toBe(i - 1)
    })
    expect(latencyIndex(10 ** 7)).toBe(LATENCY_EDGES.length - 1)
    expect(() => latencyIndex(-1)).toThrow(RangeError)
  })

  it('should estimate p50/p90 never above the exact value and at most 20 % (or under 1 minute) below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 12_000 })), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(50, 90),
        (waits, p) => {
          const exact = exactPercentile(waits, p) as number
          const estimate = latencyPercentile(histOf(waits), p) as number
          if (exact >= LATENCY_CAP_MINUTES) return expect(estimate).toBe(LATENCY_CAP_MINUTES)
          expect(estimate).toBeLessThanOrEqual(exact)
          expect(exact - estimate).toBeLessThan(Math.max(1, 0.2 * estimate))
          if (exact < 10) expect(estimate).toBe(exact)
        },
      ),
    )
  })

  it('should be null when empty', () => expect(latencyPercentile({}, 90)).toBeNull())
})

describe('SLA per teacher and Shanghai day', () => {
  const review = (reviewerId: string, reviewedAt: number, waitMinutes: number) =>
    ({ reviewerId, reviewedAt, waitMinutes, periodId: 'period1', outcome: 'reviewed' }) as ReviewDoc
  const reviews = [
    review(TEACHER._id, sh('2026-12-29 23:59:59.999'), 3),
    review(TEACHER._id, sh('2026-12-29 23:30'), 40),
    review(TEACHER._id, sh('2026-12-29 09:10'), 125),
    review(TEACHER._id, sh('2026-12-30 00:00'), 7),
    review('oTeacher_2', sh('2026-12-30 00:10'), 1500),
  ]
  const docs = new Map<string, TeacherDayStatsDoc>()
  for (const r of reviews) {
    const step = withSla(statsIncrement(r), r)
    const doc = docs.get(step.docId)
    docs.set(step.docId, doc ? applyStatsIncrement(doc, step.inc) : step.seed)
  }
  const report = slaReport([...docs.values()])

  it('should ride in the review plan’s day-counter update (no extra request)', () => {
    const plan = okOf(planReview(makeCheckin(sh('2026-12-29 08:00')), scope(), TEACHER, input(), null, sh('2026-12-29 08:45')))
    expect(plan.stats?.inc).toMatchObject({ [`sla.lat.${latencyKey(latencyIndex(45))}`]: 1, 'sla.hour.h08': 1, reviewed: 1 })
    expect(slaReport([plan.stats?.seed as TeacherDayStatsDoc]).rows[0]).toMatchObject({ reviewed: 1, p50Minutes: 44, p90Minutes: 44 })
  })

  it('should split the day at Shanghai midnight, not UTC', () => {
    expect(report.rows.map((r) => [r.teacherId, r.day, r.reviewed])).toEqual([
      [TEACHER._id, '2026-12-29', 3],
      [TEACHER._id, '2026-12-30', 1],
      ['oTeacher_2', '2026-12-30', 1],
    ])
    expect(shanghaiHour(sh('2026-12-29 23:59:59.999'))).toBe(23)
    expect(shanghaiHour(sh('2026-12-30 00:00'))).toBe(0)
  })

  it('should read p50/p90 and reviews per hour from the counters', () => {
    const day1 = report.rows[0]
    expect(exactSla(reviews.slice(0, 3))).toEqual({ p50Minutes: 40, p90Minutes: 125 })
    expect(day1.p50Minutes).toBe(LATENCY_EDGES[latencyIndex(40)])
    expect(day1.p90Minutes).toBe(LATENCY_EDGES[latencyIndex(125)])
    expect(day1.hourly[23]).toBe(2)
    expect(day1.hourly[9]).toBe(1)
    expect(day1.perActiveHour).toBe(1.5)
  })

  it('should merge days per teacher and teachers per day', () => {
    expect(report.byTeacher.map((r) => [r.teacherId, r.reviewed, r.p50Minutes])).toEqual([
      [TEACHER._id, 4, 7],
      ['oTeacher_2', 1, LATENCY_EDGES[latencyIndex(1500)]],
    ])
    expect(report.byDay.map((r) => [r.day, r.reviewed])).toEqual([
      ['2026-12-29', 3],
      ['2026-12-30', 2],
    ])
  })

  it('should treat a day document written before SLA counters as no data', () => {
    const old = { ...(docs.values().next().value as TeacherDayStatsDoc), sla: undefined }
    expect(slaReport([old]).rows[0]).toMatchObject({ reviewed: 0, p50Minutes: null, perActiveHour: null })
  })

  it('should list the days of a range, at most 31', () => {
    expect(slaDays('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'])
    expect(() => slaDays('2026-12-30', '2026-12-29')).toThrow(RangeError)
    expect(() => slaDays('2026-12-01', '2027-01-01')).toThrow(RangeError)
  })

  it('should let teachers read their own and operators anyone', () => {
    expect(slaTeachers(TEACHER, undefined, ['a', 'b'])).toEqual([TEACHER._id])
    expect(slaTeachers(TEACHER, 'oTeacher_2', [])).toMatchObject({ ok: false, code: 'REVIEW.NOT_TEACHER' })
    expect(slaTeachers(ADMIN, undefined, ['a', 'b'])).toEqual(['a', 'b'])
    expect(slaTeachers(ADMIN, 'a', ['a', 'b'])).toEqual(['a'])
    expect(slaTeachers(MEMBER_ACTOR, undefined, [])).toMatchObject({ ok: false, code: 'REVIEW.NOT_TEACHER' })
  })
})

describe('backlog by age', () => {
  it.each([
    [-1, 'lt2h'],
    [0, 'lt2h'],
    [2 * HOUR - 1, 'lt2h'],
    [2 * HOUR, 'h2to6'],
    [6 * HOUR - 1, 'h2to6'],
    [6 * HOUR, 'h6to24'],
    [24 * HOUR - 1, 'h6to24'],
    [24 * HOUR, 'gt24h'],
  ])('should put an age of %d ms in %s', (age, bucket) => expect(ageBucket(age)).toBe(bucket))

  it('should equal the exact counts once the (at most 3) boundary hours are counted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 * HOUR }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 60 * HOUR }),
        (offsets, t) => {
          const base = sh('2026-12-28 00:00')
          const queued = offsets.map((o) => base + o)
          const now = base + 30 * HOUR + t
          const hours: Record<string, number> = {}
          for (const q of queued) hours[hourKey(q)] = (hours[hourKey(q)] ?? 0) + 1
          const plan = planBacklogByAge(hours, now)
          expect(plan.splits.length).toBeLessThanOrEqual(AGE_BOUNDS_MS.length)
          const counts = plan.splits.map((s) => queued.filter((q) => q >= s.from && q <= s.olderUpTo).length)
          expect(finishBacklogByAge(plan, counts)).toEqual(backlogByAge(queued, now))
        },
      ),
    )
  })

  it('should settle whole hours from the counters and count only the hour a boundary cuts', () => {
    const now = sh('2026-12-29 12:00')
    // [now − 3 h, now − 2 h): ages in (2 h, 3 h], all 2–6 h. [now − 2 h, now − 1 h): only its first millisecond is 2 h old.
    const hours = { [hourKey(now - 3 * HOUR)]: 2, [hourKey(now - 2 * HOUR)]: 3 }
    const plan = planBacklogByAge(hours, now)
    expect(plan.known).toEqual({ lt2h: 0, h2to6: 2, h6to24: 0, gt24h: 0 })
    expect(plan.splits).toEqual([{ from: now - 2 * HOUR, olderUpTo: now - 2 * HOUR, total: 3, older: 'h2to6', newer: 'lt2h' }])
    expect(finishBacklogByAge(plan, [1])).toEqual({ lt2h: 2, h2to6: 3, h6to24: 0, gt24h: 0 })
  })

  it('should name the longest-waiting item, ties by id', () => {
    const now = sh('2026-12-29 12:00')
    expect(oldestWaiting([], now)).toBeNull()
    const firsts = [
      { _id: 'b', periodId: 'p2', queuedAt: now - HOUR },
      { _id: 'a', periodId: 'p1', queuedAt: now - HOUR },
      { _id: 'c', periodId: 'p3', queuedAt: now - 60_000 },
    ]
    expect(oldestWaiting(firsts, now)).toEqual({ checkinId: 'a', periodId: 'p1', queuedAt: now - HOUR, waitedMinutes: 60 })
  })
})

describe('slaRange', () => {
  it('should default to the last 7 Shanghai days up to today and keep a chosen range', () => {
    expect(slaRange(undefined, undefined, '2026-03-02')).toEqual([
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ])
    expect(slaRange(undefined, '2026-01-03', '2026-03-02')).toEqual([
      '2025-12-28',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
    ])
    expect(slaRange('2026-03-02', undefined, '2026-03-02')).toEqual(['2026-03-02'])
    expect(slaRange('2026-01-31', '2026-03-02', '2026-03-02')).toHaveLength(MAX_SLA_DAYS)
  })

  it('should refuse a reversed range and one longer than MAX_SLA_DAYS', () => {
    expect(slaRange('2026-03-02', '2026-03-01', '2026-03-02')).toMatchObject({ ok: false, code: 'REVIEW.SLA_RANGE' })
    expect(slaRange('2026-01-30', '2026-03-02', '2026-03-02')).toMatchObject({ ok: false, code: 'REVIEW.SLA_RANGE' })
    expect(slaRange('2026-01-01', undefined, '2026-03-02')).toMatchObject({ ok: false, code: 'REVIEW.SLA_RANGE' })
  })

  it('should keep teachers × days within one byIds', () => {
    for (const days of [1, 7, 10, 31]) {
      expect(slaTeachersPerPage(days) * days).toBeLessThanOrEqual(MAX_SLA_IDS)
      expect(slaTeachersPerPage(days)).toBeGreaterThan(0)
    }
    expect(slaTeachersPerPage(7)).toBe(MAX_SLA_TEACHERS)
    expect(slaTeachersPerPage(31)).toBe(32)
  })
})

describe('slaTotals', () => {
  it('should merge every document into one row: percentiles over all waits, per-hour counts summed', () => {
    const doc = (teacherId: string, day: string, waits: number[], hour: Record<string, number>): TeacherDayStatsDoc => ({
      _id: `stats:${teacherId}:${day}`,
      teacherId,
      day,
      reviewed: waits.length,
      returned: 0,
      waitSumMinutes: 0,
      periods: {},
      sla: { lat: histOf(waits), hour },
    })
    const totals = slaTotals([doc('a', '2026-03-01', [5, 8], { h08: 2 }), doc('b', '2026-03-02', [62, 105], { h08: 1, h09: 1 })])
    expect(totals).toMatchObject({ reviewed: 4, p50Minutes: 8, p90Minutes: 105, perActiveHour: 2 })
    expect(totals.hourly[8]).toBe(3)
    expect(totals.hourly[9]).toBe(1)
    expect(slaTotals([])).toMatchObject({ reviewed: 0, p50Minutes: null, p90Minutes: null, perActiveHour: null })
  })
})
