import { effectiveStatus, inWindow, periodDay, shanghaiMinuteOfDay, streakToday, todayOf } from '@cloud/domain/camp'
import { makePeriod, sh } from './fixtures'

describe('periodDay around midnight', () => {
  const period = makePeriod()

  it('should put 23:59:59.999 Shanghai on the same day and 00:00 on the next', () => {
    expect(periodDay(period, sh('2026-12-29 23:59:59.999'))).toEqual({ kind: 'day', today: '2026-12-29', index: 1 })
    expect(periodDay(period, sh('2026-12-30 00:00:00.000'))).toEqual({ kind: 'day', today: '2026-12-30', index: 2 })
  })

  it('should keep 01:59:59.999 on the previous day with a 120-minute cut-off and turn at 02:00', () => {
    const late = makePeriod({ cutoffMinutes: 120 })
    expect(periodDay(late, sh('2026-12-30 01:59:59.999'))).toMatchObject({ kind: 'day', index: 1 })
    expect(periodDay(late, sh('2026-12-30 02:00:00.000'))).toMatchObject({ kind: 'day', index: 2 })
  })

  it('should cross the year end by Shanghai time, not UTC', () => {
    // 2026-12-31T16:30Z is already 2027-01-01 00:30 in Shanghai.
    expect(periodDay(period, Date.parse('2026-12-31T16:30:00Z'))).toEqual({ kind: 'day', today: '2027-01-01', index: 4 })
    expect(periodDay(period, Date.parse('2026-12-31T15:59:59.999Z'))).toEqual({ kind: 'day', today: '2026-12-31', index: 3 })
  })

  it('should cross a month end including a leap day', () => {
    const feb = makePeriod({ startDay: '2028-02-27', lengthDays: 7 })
    expect(periodDay(feb, sh('2028-02-29 12:00'))).toMatchObject({ index: 3 })
    expect(periodDay(feb, sh('2028-03-01 00:00'))).toMatchObject({ index: 4, today: '2028-03-01' })
  })

  it('should report days before the start and after the end', () => {
    expect(periodDay(period, sh('2026-12-28 23:59:59.999'))).toEqual({ kind: 'before', today: '2026-12-28', startsInDays: 1 })
    expect(periodDay(period, sh('2027-01-04 23:59:59.999'))).toMatchObject({ kind: 'day', index: 7 })
    expect(periodDay(period, sh('2027-01-05 00:00'))).toEqual({ kind: 'after', today: '2027-01-05', endedDaysAgo: 1 })
  })

  it('should keep the last day open until the cut-off after midnight', () => {
    const late = makePeriod({ cutoffMinutes: 120 })
    expect(periodDay(late, sh('2027-01-05 01:30'))).toMatchObject({ kind: 'day', index: 7 })
    expect(effectiveStatus(late, sh('2027-01-05 02:00'))).toBe('ended')
  })
})

describe('effectiveStatus', () => {
  it('should follow the calendar for a published period whatever the stored status says', () => {
    const period = makePeriod({ status: 'open' })
    expect(effectiveStatus(period, sh('2026-12-28 12:00'))).toBe('open')
    expect(effectiveStatus(period, sh('2026-12-29 00:00'))).toBe('running')
    expect(effectiveStatus(makePeriod({ status: 'running' }), sh('2027-01-05 00:00'))).toBe('ended')
  })

  it('should keep draft and closed as decided', () => {
    expect(effectiveStatus(makePeriod({ status: 'draft' }), sh('2026-12-30 12:00'))).toBe('draft')
    expect(effectiveStatus(makePeriod({ status: 'closed' }), sh('2026-12-30 12:00'))).toBe('closed')
  })
})

describe('check-in window', () => {
  it('should include the start and exclude the end', () => {
    const window = { start: '06:00', end: '23:00' }
    expect(inWindow(window, sh('2026-12-30 05:59:59.999'))).toBe(false)
    expect(inWindow(window, sh('2026-12-30 06:00'))).toBe(true)
    expect(inWindow(window, sh('2026-12-30 22:59:59.999'))).toBe(true)
    expect(inWindow(window, sh('2026-12-30 23:00'))).toBe(false)
  })

  it('should wrap past midnight when the end is earlier than the start', () => {
    const window = { start: '20:00', end: '01:00' }
    expect(inWindow(window, sh('2026-12-30 23:59:59.999'))).toBe(true)
    expect(inWindow(window, sh('2026-12-31 00:30'))).toBe(true)
    expect(inWindow(window, sh('2026-12-31 01:00'))).toBe(false)
    expect(inWindow(window, sh('2026-12-31 19:59'))).toBe(false)
  })

  it('should accept any time without a window', () => {
    expect(inWindow(null, sh('2026-12-31 03:00'))).toBe(true)
  })
})

describe('Shanghai wall clock', () => {
  it('should read minutes of the day in Shanghai from a UTC instant', () => {
    expect(shanghaiMinuteOfDay(Date.parse('2026-12-31T16:00:00Z'))).toBe(0)
    expect(shanghaiMinuteOfDay(Date.parse('2026-12-31T15:59:00Z'))).toBe(23 * 60 + 59)
    expect(shanghaiMinuteOfDay(Date.parse('1969-12-31T16:01:00Z'))).toBe(1)
  })

  it('should freeze the streak day after the period ends', () => {
    const period = makePeriod()
    expect(streakToday(period, sh('2027-01-20 12:00'))).toBe('2027-01-05')
    expect(streakToday(period, sh('2026-12-31 12:00'))).toBe('2026-12-31')
    expect(todayOf(makePeriod({ cutoffMinutes: 120 }), sh('2027-01-01 01:00'))).toBe('2026-12-31')
  })
})
