import { addDays } from '@cloud/domain/business-day'
import { commentHighlights, learningReport, pageOf, rankTeams, rateOf, type TeamCounters } from '@cloud/domain/community'

const START = '2027-03-01'
const days = (...n: number[]) => n.map((d) => addDays(START, d - 1))

describe('learningReport', () => {
  it('should sum the period: on-time and made-up days, attendance, longest streak, points, badges in order', () => {
    const report = learningReport({
      lengthDays: 7,
      checkedDays: days(1, 2, 3, 5, 6),
      madeUpDays: days(4),
      keepsStreak: false,
      pointsEarned: 95,
      completed: true,
      badges: ['first_featured', 'streak_7'],
      featuredCount: 1,
      reviews: [],
    })
    expect(report).toEqual({
      lengthDays: 7,
      daysChecked: 5,
      daysMadeUp: 1,
      attendance: 0.8571,
      longestStreak: 3,
      featuredCount: 1,
      pointsEarned: 95,
      completed: true,
      badges: ['streak_7', 'first_featured'],
      commentsReceived: 0,
      highlights: [],
    })
    expect(learningReport({ ...baseInput(), keepsStreak: true, madeUpDays: days(4) }).longestStreak).toBe(6)
  })

  function baseInput() {
    return {
      lengthDays: 7,
      checkedDays: days(1, 2, 3, 5, 6),
      madeUpDays: [] as string[],
      keepsStreak: false,
      pointsEarned: 0,
      completed: false,
      badges: [],
      featuredCount: 0,
      reviews: [],
    }
  }

  it('should pick featured comments first, then the longest, then the latest; skip blanks and repeats; cut at 60', () => {
    const long = '发音非常清晰，'.repeat(12)
    const highlights = commentHighlights([
      { comment: '很好', featured: false, at: 5 },
      { comment: '  ', featured: false, at: 6 },
      { comment: '继续保持', featured: false, at: 4 },
      { comment: '继续保持', featured: false, at: 9 },
      { comment: '今天的朗读有感情', featured: true, at: 1 },
      { comment: long, featured: false, at: 2 },
    ])
    expect(highlights).toHaveLength(3)
    expect(highlights[0]).toBe('今天的朗读有感情')
    expect([...highlights[1]]).toHaveLength(60)
    expect(highlights[1].endsWith('…')).toBe(true)
    expect(highlights[2]).toBe('继续保持')
  })
})

const team = (index: number, patch: Partial<TeamCounters>): TeamCounters => ({
  index,
  name: `第 ${index} 队`,
  size: 10,
  checkedToday: 0,
  checkinsSoFar: 0,
  streakSum: 0,
  ...patch,
})

describe('team board', () => {
  it('should rank by today’s rate, then the streak sum, then the team number', () => {
    const rows = rankTeams(
      [
        team(1, { checkedToday: 5, streakSum: 10 }),
        team(2, { checkedToday: 8 }),
        team(3, { checkedToday: 5, streakSum: 12 }),
        team(4, { checkedToday: 5, streakSum: 10 }),
      ],
      'today',
      3,
    )
    expect(rows.map((r) => [r.rank, r.index, r.rate])).toEqual([
      [1, 2, 0.8],
      [2, 3, 0.5],
      [3, 1, 0.5],
      [4, 4, 0.5],
    ])
    expect(rows[1].averageStreak).toBe(1.2)
  })

  it('should rate the period by check-ins over members × days so far, and an empty team at 0', () => {
    expect(rateOf(team(1, { checkinsSoFar: 25 }), 'period', 3)).toBe(0.8333)
    expect(rateOf(team(1, { size: 0, checkinsSoFar: 3 }), 'period', 3)).toBe(0)
    expect(rateOf(team(1, { checkinsSoFar: 3 }), 'period', 0)).toBe(0)
    expect(rateOf(team(1, { checkedToday: 12 }), 'today', 1)).toBe(1)
  })

  it('should page the board with an exact offset cursor', () => {
    const rows = rankTeams(
      Array.from({ length: 45 }, (_, i) => team(i + 1, { checkedToday: i % 10 })),
      'today',
      1,
    )
    const first = pageOf(rows, 0, 20)
    const second = pageOf(rows, first.next ?? -1, 20)
    const third = pageOf(rows, second.next ?? -1, 20)
    expect([first.rows.length, second.rows.length, third.rows.length, third.next]).toEqual([20, 20, 5, null])
    expect(new Set([...first.rows, ...second.rows, ...third.rows].map((r) => r.index)).size).toBe(45)
    expect(third.rows[4].rank).toBe(45)
  })
})
