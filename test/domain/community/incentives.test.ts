/**
 * 激励设置 as the check-in, make-up and edit plans apply it (domain/community/incentives.ts wired into
 * domain/camp/checkin.ts and makeup.ts): days are Asia/Shanghai business days, so the tier and the badges follow the
 * cut-off, not the UTC date.
 */
import {
  planCheckin,
  planEdit,
  planMakeup,
  type CheckinPlan,
  type EnrollmentDoc,
  type MakeupPlan,
  type PeriodDoc,
} from '@cloud/domain/camp'
import { checkIncentives, planFeaturedBadge, type PeriodIncentives } from '@cloud/domain/community'
import { badgeKey, tierBonusKey } from '@cloud/domain/points'
import { makeEnrollment, makePeriod, MEMBER, sh, textOnly } from '../camp/fixtures'

// 第 1 天 = 2026-12-29 … 第 7 天 = 2027-01-04.
const DAYS = ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04']
const INCENTIVES: PeriodIncentives = {
  tiers: [
    { fromDays: 3, multiplier: 1.5 },
    { fromDays: 6, multiplier: 2 },
  ],
  badgePoints: { streak_7: 7, perfect_week: 0 },
}

const withIncentives = (overrides: Partial<PeriodDoc> = {}) => makePeriod({ incentives: INCENTIVES, ...overrides })
const checked = (period: PeriodDoc, days: string[], overrides: Partial<EnrollmentDoc> = {}) =>
  makeEnrollment(period, { checkedDays: days, checkins: days.length, ...overrides })

function ok<P extends CheckinPlan | MakeupPlan>(plan: P | { ok: false; code: string }): P {
  if (!plan.ok) throw new Error(`rejected: ${plan.code}`)
  return plan
}
const checkinAt = (period: PeriodDoc, e: EnrollmentDoc, at: string) => ok(planCheckin(period, e, null, textOnly(), sh(at), false))
const extras = (awards: { reason: string; key: string; amount: number }[]) =>
  awards.filter((a) => a.reason === 'tier_bonus' || a.reason === 'badge').map((a) => `${a.key}=${a.amount}`)

describe('checkIncentives', () => {
  it('should sort tiers, keep badge points of offered badges and drop zeros', () => {
    const out = checkIncentives({ tiers: [...INCENTIVES.tiers].reverse(), badgePoints: { streak_7: 7, first_featured: 0 } }, 7)
    expect(out).toEqual({ tiers: INCENTIVES.tiers, badgePoints: { streak_7: 7 } })
  })

  it('should refuse bad tiers with TEAM.TIERS_INVALID and bad badge points with TEAM.BADGE_POINTS_INVALID', () => {
    expect(checkIncentives({ tiers: [{ fromDays: 8, multiplier: 1.2 }], badgePoints: {} }, 7)).toMatchObject({ code: 'TEAM.TIERS_INVALID' })
    expect(
      checkIncentives(
        {
          tiers: [
            { fromDays: 3, multiplier: 2 },
            { fromDays: 5, multiplier: 1.5 },
          ],
          badgePoints: {},
        },
        7,
      ),
    ).toMatchObject({ code: 'TEAM.TIERS_INVALID' })
    expect(checkIncentives({ tiers: [], badgePoints: { streak_14: 5 } }, 7)).toMatchObject({ code: 'TEAM.BADGE_POINTS_INVALID' })
    expect(checkIncentives({ tiers: [], badgePoints: { streak_7: 2.5 } }, 7)).toMatchObject({ code: 'TEAM.BADGE_POINTS_INVALID' })
    expect(checkIncentives({ tiers: [], badgePoints: { streak_7: -1 } }, 7)).toMatchObject({ code: 'TEAM.BADGE_POINTS_INVALID' })
  })
})

describe('the tier bonus of a check-in', () => {
  it('should pay nothing without settings (periods from before 激励设置)', () => {
    const period = makePeriod()
    expect(extras(checkinAt(period, checked(period, DAYS.slice(0, 5)), '2027-01-03 10:00').awards)).toEqual([])
  })

  it('should pay on the 3rd day at 23:59:59 Shanghai, as its own tier_bonus entry keyed by the day', () => {
    const period = withIncentives()
    const plan = checkinAt(period, checked(period, DAYS.slice(0, 2)), '2026-12-31 23:59:59')
    expect(extras(plan.awards)).toEqual([`${tierBonusKey('period1', '2026-12-31', MEMBER)}=5`])
    // The check-in award itself is unchanged: the tier pays the difference beside it.
    expect(plan.awards.find((a) => a.reason === 'checkin')?.amount).toBe(10)
    expect(plan.enrollment.pointsEarned).toBe(10 + 30 + 5)
    expect(plan.checkin.points).toBe(10 + 30 + 5)
  })

  it('should pay nothing one second later: midnight starts 2027-01-01 and the missed 12-31 broke the streak', () => {
    const period = withIncentives()
    const plan = checkinAt(period, checked(period, DAYS.slice(0, 2)), '2027-01-01 00:00:00')
    expect(plan.checkin.day).toBe('2027-01-01')
    expect(extras(plan.awards)).toEqual([])
  })

  it('should follow the cut-off: at 01:30 with a 02:00 cut-off the check-in is still 12-31’s', () => {
    const period = withIncentives({ cutoffMinutes: 120 })
    const plan = checkinAt(period, checked(period, DAYS.slice(0, 2)), '2027-01-01 01:30')
    expect(extras(plan.awards)).toEqual([`${tierBonusKey('period1', '2026-12-31', MEMBER)}=5`])
  })

  it('should pay the highest tier reached (×2 from day 6), beside the group bonus, neither multiplying the other', () => {
    const period = withIncentives()
    const plan = ok(planCheckin(period, checked(period, DAYS.slice(0, 5)), null, textOnly(), sh('2027-01-03 10:00'), true))
    expect(plan.awards.filter((a) => a.reason !== 'streak_bonus').map((a) => `${a.reason}=${a.amount}`)).toEqual([
      'checkin=10',
      'group_bonus=10',
      'tier_bonus=10',
    ])
  })
})

describe('badges of a check-in', () => {
  it('should earn 坚持 7 天 and 完美一周 on day 7 just after midnight, booking only the badge with points', () => {
    const period = withIncentives()
    const plan = checkinAt(period, checked(period, DAYS.slice(0, 6)), '2027-01-04 00:00:00')
    expect(plan.enrollment.badges).toEqual(['streak_7', 'perfect_week'])
    expect(extras(plan.awards)).toContain(`${badgeKey('period1', 'streak_7', MEMBER)}=7`)
    expect(plan.awards.filter((a) => a.reason === 'badge')).toHaveLength(1)
  })

  it('should not earn a badge again, nor rewrite the list, once it is held', () => {
    const period = withIncentives()
    const e = checked(period, DAYS.slice(0, 6), { badges: ['streak_7', 'perfect_week'] })
    const plan = checkinAt(period, e, '2027-01-04 10:00')
    expect(plan.awards.filter((a) => a.reason === 'badge')).toEqual([])
    expect(plan.enrollment.badges).toBeUndefined()
  })

  it('should leave the enrollment’s badges out of the update when none is earned', () => {
    const period = withIncentives()
    expect(checkinAt(period, checked(period, DAYS.slice(0, 1)), '2026-12-30 10:00').enrollment).not.toHaveProperty('badges')
  })
})

describe('make-ups', () => {
  // Every day but 12-31 on time; 12-31 is made up on 01-03 (within 3 days).
  const allBut31 = DAYS.filter((d) => d !== '2026-12-31' && d !== '2027-01-04')
  const makeupAt = (period: PeriodDoc, e: EnrollmentDoc) => ok(planMakeup(period, e, '2026-12-31', sh('2027-01-03 20:00'), 100))

  it('should never pay a tier, even when the streak it rebuilds is in one', () => {
    const period = withIncentives()
    const plan = makeupAt(period, checked(period, allBut31))
    expect(plan.enrollment.currentStreak).toBe(6)
    expect(plan.awards.filter((a) => a.reason === 'tier_bonus')).toEqual([])
  })

  it('should complete 坚持 7 天 when the policy keeps streaks, never 完美一周', () => {
    // 12-31 made up on 01-04: four days back.
    const period = withIncentives({ makeup: { maxCount: 2, withinDays: 4, cost: 20, keepsStreak: true } })
    const e = checked(period, [...allBut31, '2027-01-04'])
    const plan = ok(planMakeup(period, e, '2026-12-31', sh('2027-01-04 20:00'), 100))
    expect(plan.enrollment.badges).toEqual(['streak_7'])
    expect(plan.awards.map((a) => `${a.reason}=${a.amount}`)).toEqual(['makeup=-20', 'streak_bonus=30', 'streak_bonus=70', 'badge=7'])
    expect(plan.enrollment.pointsEarned).toBe(30 + 70 + 7)
  })

  it('should earn no streak badge when made-up days do not keep the streak', () => {
    const period = withIncentives({ makeup: { maxCount: 2, withinDays: 4, cost: 20, keepsStreak: false } })
    const e = checked(period, [...allBut31, '2027-01-04'])
    const plan = ok(planMakeup(period, e, '2026-12-31', sh('2027-01-04 20:00'), 100))
    expect(plan.enrollment).not.toHaveProperty('badges')
    expect(plan.awards.filter((a) => a.reason === 'badge')).toEqual([])
  })
})

describe('edits', () => {
  it('should change no days and pay nothing: the patch holds content fields only', () => {
    const period = withIncentives()
    const plan = checkinAt(period, checked(period, DAYS.slice(0, 6)), '2027-01-04 10:00')
    const edit = planEdit(period, plan.checkin, MEMBER, textOnly('改过的内容'), sh('2027-01-04 11:00'))
    if (!edit.ok) throw new Error(edit.code)
    expect(Object.keys(edit.patch).sort()).toEqual([
      'content',
      'editedAt',
      'mediaChecks',
      'moderation',
      'redoCount',
      'reviewStatus',
      'textVerdict',
    ])
    expect(edit).not.toHaveProperty('awards')
    expect(edit.checkin.points).toBe(plan.checkin.points)
  })
})

describe('首次精选', () => {
  it('should be earned once, with points only when the period gives it some', () => {
    const input = { periodId: 'period1', memberId: MEMBER, ref: 'c1', held: [] }
    expect(planFeaturedBadge(input, INCENTIVES)).toEqual({ awards: [], badges: ['first_featured'] })
    const paid = planFeaturedBadge(input, { tiers: [], badgePoints: { first_featured: 8 } })
    expect(paid.awards.map((a) => `${a.key}=${a.amount}`)).toEqual([`${badgeKey('period1', 'first_featured', MEMBER)}=8`])
    expect(planFeaturedBadge({ ...input, held: ['streak_7', 'first_featured'] }, INCENTIVES)).toEqual({ awards: [], badges: null })
    expect(planFeaturedBadge({ ...input, held: ['perfect_week'] }, INCENTIVES).badges).toEqual(['perfect_week', 'first_featured'])
  })
})
