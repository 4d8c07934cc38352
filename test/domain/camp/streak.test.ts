import { longestRun, streakDays, streakFrom, withDay } from '@cloud/domain/camp'

describe('streakFrom', () => {
  it('should count consecutive days ending today', () => {
    expect(streakFrom(['2026-12-30', '2026-12-31', '2027-01-01'], '2027-01-01')).toBe(3)
  })

  it('should keep yesterday’s streak alive while today is not checked yet', () => {
    expect(streakFrom(['2026-12-30', '2026-12-31'], '2027-01-01')).toBe(2)
  })

  it('should be 0 once a whole day was missed', () => {
    expect(streakFrom(['2026-12-30', '2026-12-31'], '2027-01-02')).toBe(0)
  })

  it('should stop at a gap', () => {
    expect(streakFrom(['2026-12-28', '2026-12-30', '2026-12-31'], '2026-12-31')).toBe(2)
  })

  it('should run across month and leap-day ends', () => {
    expect(streakFrom(['2028-02-28', '2028-02-29', '2028-03-01'], '2028-03-01')).toBe(3)
    expect(streakFrom(['2027-02-28', '2027-03-01'], '2027-03-01')).toBe(2)
  })

  it('should ignore duplicates and days after today', () => {
    expect(streakFrom(['2027-01-01', '2027-01-01', '2027-01-03'], '2027-01-01')).toBe(1)
  })
})

describe('longestRun', () => {
  it('should find the longest run regardless of order', () => {
    expect(longestRun(['2027-01-03', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-05'])).toBe(3)
    expect(longestRun([])).toBe(0)
  })
})

describe('streakDays', () => {
  it('should count made-up days only when the policy keeps the streak', () => {
    expect(streakDays(['2027-01-01'], ['2026-12-31'], true)).toEqual(['2027-01-01', '2026-12-31'])
    expect(streakDays(['2027-01-01'], ['2026-12-31'], false)).toEqual(['2027-01-01'])
  })

  it('should insert a day keeping the list sorted and unique', () => {
    expect(withDay(['2026-12-29', '2027-01-02'], '2026-12-31')).toEqual(['2026-12-29', '2026-12-31', '2027-01-02'])
    expect(withDay(['2026-12-29'], '2026-12-29')).toEqual(['2026-12-29'])
  })
})
