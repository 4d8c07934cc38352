import { addMember, finishFunnel, halfOf, newFunnel, rate, stagesOf, UNTAGGED, type FunnelMember } from '@cloud/domain/analytics'

const shape = { startDay: '2026-03-02', lengthDays: 7, minCheckins: 5 }
const member = (days: string[], extra: Partial<FunnelMember> = {}): FunnelMember => ({
  joinedDay: '2026-03-02',
  days,
  channel: 'poster',
  posterCode: 'P1',
  paidRound: null,
  ...extra,
})
const d = (n: number) => `2026-03-0${n + 1}`

describe('funnel', () => {
  it('should put a member through the stages by distinct checked days', () => {
    expect(halfOf(7)).toBe(4)
    expect(halfOf(21)).toBe(11)
    expect(stagesOf(member([]), shape)).toEqual(['joined'])
    expect(stagesOf(member([d(1), d(1), d(2), d(3)]), shape)).toEqual(['joined', 'checkedIn'])
    expect(stagesOf(member([d(1), d(2), d(3), d(4)]), shape)).toEqual(['joined', 'checkedIn', 'half'])
    expect(stagesOf(member([d(1), d(2), d(3), d(4), d(5)], { paidRound: 2 }), shape)).toEqual([
      'joined',
      'checkedIn',
      'half',
      'completed',
      'paid',
    ])
  })

  it('should compute participation against members enrolled by that day, and retention of day-1 members', () => {
    const acc = newFunnel(shape)
    addMember(acc, member([d(1), d(2), d(3)]))
    addMember(acc, member([d(1)]))
    addMember(acc, member([d(2), d(3)], { joinedDay: d(2), channel: null, posterCode: null, paidRound: 1 }))
    const f = finishFunnel(acc)
    expect(f.participation.slice(0, 3).map((p) => [p.count, p.of])).toEqual([
      [2, 2],
      [2, 3],
      [2, 3],
    ])
    expect(f.participation[1].rate).toBe(0.6667)
    expect(f.retention.slice(0, 3).map((p) => [p.count, p.of])).toEqual([
      [2, 2],
      [1, 2],
      [1, 2],
    ])
    expect(f.retention[1]).toMatchObject({ dayIndex: 2, day: '2026-03-03', rate: 0.5 })
    expect(f.stages).toEqual({ joined: 3, checkedIn: 3, half: 0, completed: 0, paid: 1 })
    expect(f.paidByRound).toEqual([1, 0, 0])
    expect(f.byChannel).toEqual([
      { key: 'poster', joined: 2, checkedIn: 2, half: 0, completed: 0, paid: 0 },
      { key: UNTAGGED, joined: 1, checkedIn: 1, half: 0, completed: 0, paid: 1 },
    ])
  })

  it('should ignore days outside the period and never divide by zero', () => {
    const acc = newFunnel(shape)
    addMember(acc, member(['2026-02-28', '2026-03-20']))
    const f = finishFunnel(acc)
    expect(f.participation.every((p) => p.count === 0)).toBe(true)
    expect(f.retention.every((p) => p.rate === 0)).toBe(true)
    expect(f.completionRate).toBe(0)
    expect(rate(1, 0)).toBe(0)
    expect(rate(1, 3)).toBe(0.3333)
  })

  it('should keep only the top breakdown rows by joins', () => {
    const acc = newFunnel(shape)
    for (let i = 0; i < 12; i++) for (let k = 0; k <= i; k++) addMember(acc, member([], { posterCode: `P${i}` }))
    const rows = finishFunnel(acc).byPoster
    expect(rows).toHaveLength(10)
    expect(rows[0]).toMatchObject({ key: 'P11', joined: 12 })
    expect(rows.map((r) => r.key)).not.toContain('P0')
  })
})
