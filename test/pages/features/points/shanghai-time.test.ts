import { formatDateTime, formatShortDateTime, shanghaiDayEnd, shanghaiDayStart } from '@/shared/time'

describe('Beijing-time formatting', () => {
  it('should format in UTC+8 whatever the device zone', () => {
    expect(formatDateTime(Date.UTC(2026, 10, 23, 16, 5))).toBe('2026-11-24 00:05')
  })

  it('should drop the year within the current year', () => {
    expect(formatShortDateTime(Date.UTC(2026, 0, 2, 0, 0), Date.UTC(2026, 5, 1))).toBe('01-02 08:00')
  })

  it('should give 00:00 Beijing time of a day as epoch ms', () => {
    expect(shanghaiDayStart('2026-11-01')).toBe(Date.UTC(2026, 9, 31, 16, 0))
  })

  it('should end a day at the next day 00:00 Beijing time', () => {
    expect(shanghaiDayEnd('2026-11-30')).toBe(Date.UTC(2026, 10, 30, 16, 0))
  })

  it('should reject a date that does not exist', () => {
    expect(shanghaiDayStart('2026-02-30')).toBeNull()
  })
})
