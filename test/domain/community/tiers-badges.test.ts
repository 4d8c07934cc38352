import { addDays, businessDay } from '@cloud/domain/business-day'
import {
  badgeAwards,
  badgesOffered,
  checkTiers,
  newBadges,
  qualifyingBadges,
  tierAward,
  tierBonus,
  tierFor,
  tierLabel,
  withBadges,
  type BadgeState,
  type StreakTier,
} from '@cloud/domain/community'

const TIERS: StreakTier[] = [
  { fromDays: 7, multiplier: 1.2 },
  { fromDays: 14, multiplier: 1.5 },
]

describe('streak tiers', () => {
  it('should accept increasing tiers within the period and sort them', () => {
    expect(checkTiers([TIERS[1], TIERS[0]], 21)).toEqual(TIERS)
    expect(checkTiers([], 7)).toEqual([])
  })

  it.each([
    ['a tier past the period', [{ fromDays: 14, multiplier: 1.2 }], 7],
    ['days not increasing', [TIERS[0], { fromDays: 7, multiplier: 1.5 }], 21],
    ['multipliers not increasing', [TIERS[0], { fromDays: 14, multiplier: 1.2 }], 21],
    ['a multiplier of 1', [{ fromDays: 7, multiplier: 1 }], 21],
    ['a multiplier above 3', [{ fromDays: 7, multiplier: 3.5 }], 21],
    ['three decimals', [{ fromDays: 7, multiplier: 1.255 }], 21],
    ['day 1', [{ fromDays: 1, multiplier: 1.1 }], 21],
    ['fractional days', [{ fromDays: 7.5, multiplier: 1.1 }], 21],
  ])('should refuse %s', (_name, tiers, length) => {
    expect(checkTiers(tiers, length)).toMatchObject({ ok: false, code: 'TEAM.TIERS_INVALID' })
  })

  it('should apply the highest tier reached, from the first day of it', () => {
    expect(tierFor(TIERS, 6)).toBeNull()
    expect(tierFor(TIERS, 7)).toEqual(TIERS[0])
    expect(tierFor(TIERS, 13)).toEqual(TIERS[0])
    expect(tierFor(TIERS, 14)).toEqual(TIERS[1])
    expect(tierFor(TIERS, 21)).toEqual(TIERS[1])
    expect(tierLabel(TIERS[0])).toBe('连续 7 天 ×1.2')
  })

  it('should pay base × (multiplier − 1) exactly, rounded half up', () => {
    // 10 × 0.2 in floating point is 1.9999999999999996: the bonus must still be 2.
    expect(tierBonus(TIERS, 7, 10)).toBe(2)
    expect(tierBonus(TIERS, 14, 10)).toBe(5)
    expect(tierBonus(TIERS, 14, 5)).toBe(3)
    expect(tierBonus([{ fromDays: 2, multiplier: 1.15 }], 2, 10)).toBe(2)
    expect(tierBonus(TIERS, 6, 10)).toBe(0)
    expect(tierBonus(TIERS, 7, 0)).toBe(0)
  })

  it('should book the tier bonus once per check-in under its own key, and never for a make-up', () => {
    const input = { periodId: 'p1', day: '2027-03-08', memberId: 'oMember', streak: 7, base: 10, ref: 'checkin:p1:2027-03-08:oMember' }
    expect(tierAward({ ...input, makeup: false }, TIERS)).toEqual({
      key: 'tier:p1:2027-03-08:oMember',
      memberId: 'oMember',
      reason: 'tier_bonus',
      amount: 2,
      ref: input.ref,
    })
    expect(tierAward({ ...input, makeup: true }, TIERS)).toBeNull()
    expect(tierAward({ ...input, streak: 6, makeup: false }, TIERS)).toBeNull()
  })
})

const START = '2027-03-01'
const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => addDays(START, from - 1 + i))
const state = (patch: Partial<BadgeState>): BadgeState => ({
  startDay: START,
  lengthDays: 21,
  checkedDays: [],
  madeUpDays: [],
  keepsStreak: true,
  featuredCount: 0,
  ...patch,
})

describe('badges', () => {
  it('should offer only the streak badges a period can reach', () => {
    expect(badgesOffered(7)).toEqual(['streak_7', 'perfect_week', 'first_featured'])
    expect(badgesOffered(14)).toEqual(['streak_7', 'streak_14', 'perfect_week', 'first_featured'])
    expect(badgesOffered(21)).toEqual(['streak_7', 'streak_14', 'streak_21', 'perfect_week', 'first_featured'])
  })

  it('should award streak_7 and perfect_week on the seventh on-time day of week one', () => {
    expect(qualifyingBadges(state({ checkedDays: days(1, 6) }))).toEqual([])
    expect(qualifyingBadges(state({ checkedDays: days(1, 7) }))).toEqual(['streak_7', 'perfect_week'])
  })

  it('should count a run of 7 across two period weeks for the streak but not as a perfect week', () => {
    expect(qualifyingBadges(state({ checkedDays: days(4, 10) }))).toEqual(['streak_7'])
  })

  it('should let a made-up day join the streak only when the policy keeps it, and never make a week perfect', () => {
    const checked = [...days(1, 3), ...days(5, 7)]
    const madeUp = days(4, 4)
    expect(qualifyingBadges(state({ checkedDays: checked, madeUpDays: madeUp, keepsStreak: true }))).toEqual(['streak_7'])
    expect(qualifyingBadges(state({ checkedDays: checked, madeUpDays: madeUp, keepsStreak: false }))).toEqual([])
  })

  it('should count days by the business day, so 23:59 and 00:01 Shanghai are two days, and 01:30 before a 02:00 cut-off is one', () => {
    // 2027-03-01 23:59:30 and 2027-03-02 00:00:30 Asia/Shanghai.
    const lateNight = Date.UTC(2027, 2, 1, 15, 59, 30)
    const justAfter = Date.UTC(2027, 2, 1, 16, 0, 30)
    const midnightDays = [businessDay(lateNight), businessDay(justAfter)]
    expect(midnightDays).toEqual(['2027-03-01', '2027-03-02'])
    const week = [...midnightDays, ...days(3, 7)]
    expect(qualifyingBadges(state({ checkedDays: week }))).toEqual(['streak_7', 'perfect_week'])
    // With a 02:00 cut-off the 00:00:30 check-in still belongs to 03-01: day 2 is missing, no badge.
    const withCutoff = [...new Set([businessDay(lateNight, 120), businessDay(justAfter, 120)])]
    expect(withCutoff).toEqual(['2027-03-01'])
    expect(qualifyingBadges(state({ checkedDays: [...withCutoff, ...days(3, 7)] }))).toEqual([])
  })

  it('should award first_featured once a check-in is featured, and keep it after the feature is taken back', () => {
    expect(newBadges(state({ featuredCount: 1 }), [])).toEqual(['first_featured'])
    expect(newBadges(state({ featuredCount: 0 }), ['first_featured'])).toEqual([])
    expect(withBadges(['first_featured'], [])).toEqual(['first_featured'])
  })

  it('should award each badge once: nothing new after it is held, an edit (same days) awards nothing', () => {
    const s = state({ checkedDays: days(1, 14), featuredCount: 2 })
    const first = newBadges(s, [])
    expect(first).toEqual(['streak_7', 'streak_14', 'perfect_week', 'first_featured'])
    const held = withBadges([], first)
    expect(newBadges(s, held)).toEqual([])
    expect(newBadges(state({ checkedDays: days(1, 21), featuredCount: 2 }), held)).toEqual(['streak_21'])
    expect(withBadges(held, ['streak_21', 'streak_7'])).toEqual(['streak_7', 'streak_14', 'streak_21', 'perfect_week', 'first_featured'])
  })

  it('should book badge points under one key per badge, member and period, and nothing for badges worth 0', () => {
    const awards = badgeAwards({ periodId: 'p1', memberId: 'oMember', ref: 'p1:oMember' }, ['streak_7', 'perfect_week'], {
      streak_7: 30,
      perfect_week: 0,
    })
    expect(awards).toEqual([{ key: 'badge:p1:streak_7:oMember', memberId: 'oMember', reason: 'badge', amount: 30, ref: 'p1:oMember' }])
  })
})
