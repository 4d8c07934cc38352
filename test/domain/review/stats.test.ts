import fc from 'fast-check'
import {
  applyStatsIncrement,
  bucketIndex,
  bucketKey,
  emptyStatsDoc,
  histogramMedian,
  planReview,
  readStats,
  statsIncrement,
  WAIT_BUCKETS,
  type ReviewDoc,
  type TeacherDayStatsDoc,
  type WaitHistogram,
} from '@cloud/domain/review'
import { expectedTeacherStats, lowerMedian } from './support/stats-oracle'
import { input, makeCheckin, makePeriod, okOf, period, scope, sh, TEACHER } from './fixtures'

const histOf = (waits: readonly number[]): WaitHistogram => {
  const h: WaitHistogram = {}
  for (const w of waits) h[bucketKey(bucketIndex(w))] = (h[bucketKey(bucketIndex(w))] ?? 0) + 1
  return h
}

describe('histogram median', () => {
  it('should fall in the same bucket as the exact median, within bucket precision', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 300 }), (waits) => {
        const exact = lowerMedian(waits) as number
        const estimate = histogramMedian(histOf(waits)) as number
        expect(bucketIndex(estimate)).toBe(bucketIndex(exact))
        const i = bucketIndex(exact)
        const width = (WAIT_BUCKETS[i + 1] ?? Infinity) - WAIT_BUCKETS[i]
        expect(Math.abs(estimate - exact)).toBeLessThan(width)
      }),
    )
  })

  it('should be null with no reviews', () => expect(histogramMedian({})).toBeNull())

  it('should answer the lower bound of the open last bucket', () => expect(histogramMedian(histOf([5000, 9000]))).toBe(4320))

  it('should take the lower median of an even count', () => expect(histogramMedian(histOf([1, 1, 500, 500]))).toBeLessThan(5))
})

describe('per-teacher day counters', () => {
  const p2 = makePeriod({ _id: 'period2', teacherIds: [TEACHER._id] })
  const plans = [
    [period, '2026-12-29 08:00', '2026-12-29 08:10', null],
    [period, '2026-12-29 08:01', '2026-12-29 09:01', '重读'],
    [p2, '2026-12-29 07:00', '2026-12-29 10:00', null],
    [period, '2026-12-29 06:00', '2026-12-29 23:59:59.999', null],
  ] as const
  const reviews: ReviewDoc[] = plans.map(
    ([p, submitted, at, redo], i) =>
      okOf(planReview(makeCheckin(sh(submitted), {}, p, `m${i}`), scope(p), TEACHER, input({ redoReason: redo }), null, sh(at))).review,
  )
  const counted = reviews.reduce<TeacherDayStatsDoc>(
    (doc, r) => applyStatsIncrement(doc, statsIncrement(r).inc),
    emptyStatsDoc(TEACHER._id, '2026-12-29'),
  )

  it('should key the counter by teacher and Shanghai day', () =>
    expect(statsIncrement(reviews[3]).docId).toBe('stats:oTeacher_1:2026-12-29'))

  it('should agree with stats computed from the reviews themselves', () => {
    const exact = expectedTeacherStats(reviews, TEACHER._id, '2026-12-29')
    const read = readStats(counted, TEACHER._id, '2026-12-29')
    expect({ ...read, medianWaitMinutes: null, periods: read.periods.map((p) => ({ ...p, medianWaitMinutes: null })) }).toEqual({
      ...exact,
      medianWaitMinutes: null,
      periods: exact.periods.map((p) => ({ ...p, medianWaitMinutes: null })),
    })
    expect(read).toMatchObject({
      reviewed: 4,
      returned: 1,
      periods: [
        { periodId: 'period1', reviewed: 3 },
        { periodId: 'period2', reviewed: 1 },
      ],
    })
  })

  it('should seed a missing document with the increment already applied', () => {
    const inc = statsIncrement(reviews[0])
    expect(inc.seed).toEqual(applyStatsIncrement(emptyStatsDoc(TEACHER._id, '2026-12-29'), inc.inc))
    expect(inc.seed.periods.period1.waitHist).toEqual({ b2: 1 })
  })

  it("should not count yesterday's reviews today", () => {
    expect(expectedTeacherStats(reviews, TEACHER._id, '2026-12-30').reviewed).toBe(0)
  })

  it('should read an absent counter as zero', () =>
    expect(readStats(null, TEACHER._id, '2026-12-30')).toEqual({
      teacherId: TEACHER._id,
      day: '2026-12-30',
      reviewed: 0,
      returned: 0,
      drafted: 0,
      medianWaitMinutes: null,
      periods: [],
    }))
})
