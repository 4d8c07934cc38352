import { calendar, calendarSummary } from '@cloud/domain/camp'
import { makePeriod } from './fixtures'

describe('calendar', () => {
  const period = makePeriod()
  const days = calendar(period, ['2026-12-30', '2027-01-01'], ['2026-12-31'], '2027-01-02', '2026-12-30')
  const status = (i: number) => days[i - 1].status

  it('should list every day of the period with its index and date across the year end', () => {
    expect(days.map((d) => d.day)).toEqual([
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-04',
    ])
    expect(days[0].theme).toBe('自我介绍')
  })

  it('should mark checked, made-up, today, upcoming and before-join days', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(status)).toEqual(['not_joined', 'checked', 'made_up', 'checked', 'today', 'upcoming', 'upcoming'])
  })

  it('should offer a make-up only for missed days within the policy', () => {
    const c = calendar(period, [], [], '2027-01-03', '2026-12-28')
    expect(c.filter((d) => d.canMakeUp).map((d) => d.day)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02'])
    const used = calendar(period, [], ['2026-12-30', '2026-12-31'], '2027-01-03', '2026-12-28')
    expect(used.some((d) => d.canMakeUp)).toBe(false)
  })

  it('should summarise the counts', () => {
    expect(calendarSummary(days)).toEqual({ checked: 2, madeUp: 1, missed: 0, total: 7 })
  })
})
