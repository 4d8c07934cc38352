import { checkinRankKey, rankPage, streakRankKey, type EnrollmentDoc } from '@cloud/domain/camp'
import { makeEnrollment, makePeriod, sh } from './fixtures'

const period = makePeriod()
const member = (id: string, best: number, checked: number, lastAt: number): EnrollmentDoc => {
  const e = makeEnrollment(period, { bestStreak: best, checkins: checked, lastCheckinAt: lastAt }, id)
  return { ...e, streakRank: streakRankKey(e), checkinRank: checkinRankKey(e) }
}
/** What the database does: orderBy(field, 'desc'). */
const byDesc = (field: 'streakRank' | 'checkinRank') => (a: EnrollmentDoc, b: EnrollmentDoc) =>
  a[field] < b[field] ? 1 : a[field] > b[field] ? -1 : 0

describe('leaderboard keys', () => {
  const a = member('oA', 5, 5, sh('2027-01-02 09:00'))
  const b = member('oB', 7, 7, sh('2027-01-02 10:00'))
  const c = member('oC', 5, 6, sh('2027-01-02 08:00'))
  const d = member('oD', 5, 5, sh('2027-01-02 07:00'))

  it('should order the streak board by best streak, then checked days, then who got there first', () => {
    expect([a, b, c, d].sort(byDesc('streakRank')).map((e) => e.memberId)).toEqual(['oB', 'oC', 'oD', 'oA'])
  })

  it('should order the check-in board by checked days, then best streak', () => {
    const e = member('oE', 2, 7, sh('2027-01-02 06:00'))
    expect([a, b, c, e].sort(byDesc('checkinRank')).map((x) => x.memberId)).toEqual(['oB', 'oE', 'oC', 'oA'])
  })

  it('should keep numeric order as string order beyond one digit', () => {
    expect(streakRankKey(member('oX', 10, 10, 0)) > streakRankKey(member('oY', 9, 9, 0))).toBe(true)
  })

  it('should page with a cursor that continues ranks without overlap', () => {
    const all = [a, b, c, d].sort(byDesc('streakRank'))
    const first = rankPage('streak', all.slice(0, 3), 2)
    expect(first.rows.map((r) => [r.rank, r.enrollment.memberId])).toEqual([
      [1, 'oB'],
      [2, 'oC'],
    ])
    const rest = all.filter((e) => e.streakRank < first.next!.before)
    const second = rankPage('streak', rest, 2, first.next!)
    expect(second.rows.map((r) => [r.rank, r.enrollment.memberId])).toEqual([
      [3, 'oD'],
      [4, 'oA'],
    ])
    expect(second.next).toBeNull()
  })
})
