import { parseTimerSchedule, timerEventTime } from '../../../emulator/functions'

const at = (iso: string) => Date.parse(iso)
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())

describe('timer trigger schedules', () => {
  it('should evaluate the cron in UTC+8 so 08:00 fires at 00:00 UTC', () => {
    const s = parseTimerSchedule('0 0 8 * * * *')
    expect(iso(s.nextAfter(at('2026-03-01T12:00:00Z')))).toBe('2026-03-02T00:00:00.000Z')
  })

  it('should find the latest slot at or before an instant, inclusive', () => {
    const s = parseTimerSchedule('0 0 8 * * * *')
    expect(iso(s.latestAtOrBefore(at('2026-03-02T00:00:00Z')))).toBe('2026-03-02T00:00:00.000Z')
    expect(iso(s.latestAtOrBefore(at('2026-03-01T23:59:59Z')))).toBe('2026-03-01T00:00:00.000Z')
  })

  it('should read weekday 1 as Monday in Beijing time', () => {
    const s = parseTimerSchedule('0 30 9 * * 1 *')
    // 2026-03-02 is a Monday; 09:30 Beijing = 01:30 UTC.
    expect(iso(s.nextAfter(at('2026-02-28T00:00:00Z')))).toBe('2026-03-02T01:30:00.000Z')
  })

  it('should cross midnight UTC+8 into the next UTC day correctly', () => {
    const s = parseTimerSchedule('0 0 0 1 * * *')
    // Midnight of the 1st in Beijing is 16:00 UTC on the last day of the previous month.
    expect(iso(s.nextAfter(at('2026-03-15T00:00:00Z')))).toBe('2026-03-31T16:00:00.000Z')
  })

  it('should honour the year field', () => {
    const s = parseTimerSchedule('0 0 8 1 1 * 2028')
    expect(iso(s.nextAfter(at('2026-06-01T00:00:00Z')))).toBe('2028-01-01T00:00:00.000Z')
    expect(s.nextAfter(at('2028-06-01T00:00:00Z'))).toBeUndefined()
  })

  it('should accept year lists, ranges and steps', () => {
    const s = parseTimerSchedule('0 0 8 1 1 * 2027-2031/2')
    expect(iso(s.nextAfter(at('2027-06-01T00:00:00Z')))).toBe('2029-01-01T00:00:00.000Z')
  })

  it('should reject configs without exactly seven fields', () => {
    expect(() => parseTimerSchedule('0 0 8 * * *')).toThrow(/7 fields/)
  })

  it('should reject an invalid field', () => {
    expect(() => parseTimerSchedule('0 0 25 * * * *')).toThrow()
  })

  it('should format the event Time as SCF does', () => {
    expect(timerEventTime(at('2019-02-21T11:49:00.250Z'))).toBe('2019-02-21T11:49:00Z')
  })
})
