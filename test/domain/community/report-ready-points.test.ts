import { addDays } from '@cloud/domain/business-day'
import type { PeriodDoc } from '@cloud/domain/camp'
import { learningReport, periodAwardKeys, periodPoints, reportReady } from '@cloud/domain/community'
import { checkinKey, makeupKey, reversalKey } from '@cloud/domain/points'
import { featuredAwardKey } from '@cloud/domain/review'

const sh = (local: string): number => Date.parse(`${local.replace(' ', 'T')}+08:00`)

type ReportPeriod = Pick<PeriodDoc, '_id' | 'status' | 'startDay' | 'lengthDays' | 'cutoffMinutes' | 'points'>
const period = (patch: Partial<ReportPeriod> = {}): ReportPeriod => ({
  _id: 'p1',
  status: 'running',
  startDay: '2027-03-01',
  lengthDays: 7,
  cutoffMinutes: 0,
  points: { perCheckin: 10, streakMilestones: [{ days: 3, bonus: 30 }], completion: { minCheckins: 3, bonus: 100 }, groupMultiplier: 2 },
  ...patch,
})

describe('reportReady', () => {
  it('should wait until the last business day is over in Shanghai, to the second', () => {
    // 第 7 天 is 2027-03-07; the report opens at 00:00 on 03-08 Shanghai (16:00 UTC on 03-07).
    expect(reportReady(period(), sh('2027-03-07 23:59:59'))).toBe(false)
    expect(reportReady(period(), sh('2027-03-08 00:00:00'))).toBe(true)
    expect(reportReady(period(), Date.UTC(2027, 2, 7, 15, 59, 59))).toBe(false)
    expect(reportReady(period(), Date.UTC(2027, 2, 7, 16, 0, 0))).toBe(true)
  })

  it("should follow the period's cut-off: with 02:00 the last day lasts until 02:00 the next morning", () => {
    const late = period({ cutoffMinutes: 120 })
    expect(reportReady(late, sh('2027-03-08 01:59:59'))).toBe(false)
    expect(reportReady(late, sh('2027-03-08 02:00:00'))).toBe(true)
  })

  it('should be ready for a closed period and never for a draft, whatever the clock says', () => {
    expect(reportReady(period({ status: 'closed' }), sh('2027-03-03 12:00'))).toBe(true)
    expect(reportReady(period({ status: 'draft' }), sh('2027-04-01 12:00'))).toBe(false)
    expect(reportReady(period(), sh('2027-02-28 12:00'))).toBe(false)
  })
})

describe('periodAwardKeys', () => {
  it("should name every day's awards, milestones, completion and badges, and each one's reversal", () => {
    const keys = periodAwardKeys(period(), 'm1')
    expect(new Set(keys).size).toBe(keys.length)
    for (let d = 0; d < 7; d++) {
      const day = addDays('2027-03-01', d)
      expect(keys).toContain(checkinKey('p1', day, 'm1'))
      expect(keys).toContain(makeupKey('p1', day, 'm1'))
      expect(keys).toContain(featuredAwardKey({ periodId: 'p1', day, memberId: 'm1' }))
      expect(keys).toContain(reversalKey(checkinKey('p1', day, 'm1')))
    }
    expect(keys).toContain('streak:p1:3:m1')
    expect(keys).toContain('completion:p1:m1')
    expect(keys).toContain('badge:p1:streak_7:m1')
    expect(keys).not.toContain('badge:p1:streak_14:m1')
    expect(keys.every((k) => k.endsWith(':m1') || k.includes('.m1'))).toBe(true)
  })

  it('should stay one read (< 1000 ids) for the longest period', () => {
    const keys = periodAwardKeys(
      period({ lengthDays: 21, points: { ...period().points, streakMilestones: [3, 7, 14, 21].map((days) => ({ days, bonus: 5 })) } }),
      'm1',
    )
    expect(keys.length).toBeLessThan(1000)
    expect(keys.length).toBe(2 * (21 * 5 + 4 + 1 + 5))
  })
})

describe('periodPoints', () => {
  it('should count credits as earned and make-up charges as spent, each less what was reversed', () => {
    expect(
      periodPoints([
        { amount: 10, reason: 'checkin' },
        { amount: 10, reason: 'group_bonus' },
        { amount: 30, reason: 'streak_bonus' },
        { amount: -20, reason: 'makeup' },
        { amount: -10, reason: 'reversal' },
        { amount: 20, reason: 'reversal' },
        { amount: -20, reason: 'makeup' },
      ]),
    ).toEqual({ earned: 40, spent: 20 })
    expect(periodPoints([])).toEqual({ earned: 0, spent: 0 })
  })

  it('should carry the earned points into the report as given', () => {
    const report = learningReport({
      lengthDays: 7,
      checkedDays: [],
      madeUpDays: [],
      keepsStreak: true,
      pointsEarned: 40,
      completed: false,
      badges: [],
      featuredCount: 0,
      reviews: [
        { comment: '好', featured: false, at: 1 },
        { comment: '', featured: false, at: 2 },
      ],
    })
    expect(report.pointsEarned).toBe(40)
    expect(report.commentsReceived).toBe(2)
  })
})
