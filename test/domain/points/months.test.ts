import { addMonths, lastDayOf, monthEndExclusive, monthStart, shanghaiMonth } from '@cloud/domain/points'

const at = (iso: string) => Date.parse(iso)

describe('Shanghai months', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    process.env.TZ = originalTz
  })

  it('should put 23:59 Shanghai on Dec 31 in December and 00:00 on Jan 1 in January', () => {
    expect(shanghaiMonth(at('2026-12-31T15:59:59.999Z'))).toBe('2026-12')
    expect(shanghaiMonth(at('2026-12-31T16:00:00.000Z'))).toBe('2027-01')
  })

  it('should give the same answers whatever the process time zone is', () => {
    const probe = () => [shanghaiMonth(at('2027-02-28T16:30:00Z')), monthStart('2027-03'), lastDayOf('2028-02')]
    process.env.TZ = 'America/Los_Angeles'
    const west = probe()
    process.env.TZ = 'Pacific/Kiritimati'
    expect(probe()).toEqual(west)
    expect(west).toEqual(['2027-03', at('2027-02-28T16:00:00Z'), '2028-02-29'])
  })

  it('should add months across year ends, forwards and backwards', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01')
    expect(addMonths('2027-01', -1)).toBe('2026-12')
    expect(addMonths('2026-12', 24)).toBe('2028-12')
  })

  it('should end a month at 00:00 Shanghai of the next month', () => {
    expect(monthEndExclusive('2026-12')).toBe(at('2026-12-31T16:00:00Z'))
    expect(lastDayOf('2027-02')).toBe('2027-02-28')
  })

  it('should reject malformed months', () => {
    expect(() => monthStart('2026-13')).toThrow(RangeError)
    expect(() => addMonths('2026-1', 1)).toThrow(RangeError)
  })
})
