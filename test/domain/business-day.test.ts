import { addDays, businessDay, businessDayStart, daysBetween } from '@cloud/domain/business-day'

const at = (iso: string) => Date.parse(iso)

describe('businessDay', () => {
  it('should roll over at midnight Shanghai time, not UTC', () => {
    expect(businessDay(at('2026-11-23T15:59:59.999Z'))).toBe('2026-11-23')
    expect(businessDay(at('2026-11-23T16:00:00.000Z'))).toBe('2026-11-24')
  })

  it('should keep a late-night check-in on the previous day when the cut-off is later than midnight', () => {
    expect(businessDay(at('2026-11-23T17:30:00Z'), 120)).toBe('2026-11-23')
    expect(businessDay(at('2026-11-23T18:00:00Z'), 120)).toBe('2026-11-24')
  })

  it('should cross month and year ends', () => {
    expect(businessDay(at('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
    expect(businessDay(at('2027-02-28T16:00:00Z'))).toBe('2027-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })

  it('should reject invalid cut-offs and dates', () => {
    expect(() => businessDay(0, 1440)).toThrow(RangeError)
    expect(() => businessDay(Number.NaN)).toThrow(RangeError)
    expect(() => businessDayStart('2026-02-30')).toThrow(RangeError)
  })

  it('should count days between business days', () => {
    expect(daysBetween('2026-11-23', '2026-12-14')).toBe(21)
    expect(businessDayStart('2026-11-24')).toBe(at('2026-11-23T16:00:00Z'))
  })
})
