import { buildDayStats, busiestHours, heatmapOf, wallClockCell, weekdayOfDay } from '@cloud/domain/analytics'

/** Instants given in Shanghai wall clock; the test process runs in UTC (like the cloud functions). */
const sh = (local: string) => Date.parse(`${local.replace(' ', 'T')}+08:00`)

describe('day stats and the heatmap', () => {
  it('should bucket by the Shanghai wall clock on both sides of midnight', () => {
    expect(wallClockCell(sh('2026-03-02 23:59'))).toEqual({ weekday: 0, hour: 23 }) // Monday (UTC: Monday 15:59)
    expect(wallClockCell(sh('2026-03-03 00:00'))).toEqual({ weekday: 1, hour: 0 }) // Tuesday (UTC: Monday 16:00)
    expect(wallClockCell(sh('2026-03-08 23:30'))).toEqual({ weekday: 6, hour: 23 }) // Sunday
    expect(wallClockCell(sh('2026-03-09 07:59'))).toEqual({ weekday: 0, hour: 7 }) // Monday, still Sunday in UTC
    expect(weekdayOfDay('2026-03-08')).toBe(6)
  })

  it('should count distinct members and every check-in per hour and cell', () => {
    const doc = buildDayStats({
      periodId: 'p',
      day: '2026-03-02',
      dayIndex: 1,
      checkins: [
        { memberId: 'a', at: sh('2026-03-02 08:10') },
        { memberId: 'b', at: sh('2026-03-02 08:50') },
        { memberId: 'c', at: sh('2026-03-03 01:30') }, // after midnight, before a 02:00 cut-off
      ],
      makeups: 2,
      newJoins: 1,
      computedAt: 5,
    })
    expect(doc).toMatchObject({ _id: 'p:2026-03-02', weekday: 0, checkedIn: 3, makeups: 2, newJoins: 1 })
    expect(doc.hours[8]).toBe(2)
    expect(doc.hours[1]).toBe(1)
    const grid = heatmapOf([doc, doc])
    expect(grid).toHaveLength(7)
    expect(grid[0][8]).toBe(4)
    expect(grid[1][1]).toBe(2)
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(6)
    expect(busiestHours([doc])).toEqual([
      { hour: 8, checkins: 2 },
      { hour: 1, checkins: 1 },
    ])
  })

  it('should give the same document for the same inputs', () => {
    const input = {
      periodId: 'p',
      day: '2026-03-02',
      dayIndex: 1,
      checkins: [{ memberId: 'a', at: sh('2026-03-02 09:00') }],
      makeups: 0,
      newJoins: 0,
      computedAt: 1,
    }
    expect(buildDayStats(input)).toEqual(buildDayStats({ ...input, checkins: [...input.checkins] }))
  })
})
