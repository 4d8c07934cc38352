import { rejectTeam, type TeamRejection } from './rejections'

/**
 * Streak tiers: from N consecutive days a check-in earns more (e.g. ×1.2 from day 7, ×1.5 from day 14). The base
 * award stays what it is; the tier pays the difference, base × (multiplier − 1) rounded, as its own `tier_bonus`
 * entry keyed by the check-in (`tier:{periodId}:{day}:{memberId}`), so it is exactly-once beside the base award and
 * beside the group bonus (the two add up, neither multiplies the other).
 *
 * Which streak: the streak INCLUDING the check-in being made (day 7 of a run already pays ×1.2). Make-ups never pay
 * a tier (they fill a gap after the fact; paying them would reward the 补卡 spend), and an edit changes no days.
 */

export interface StreakTier {
  /** The streak (days) from which this tier applies. */
  fromDays: number
  /** e.g. 1.2; > 1, two decimals at most. */
  multiplier: number
}

export const TIER_LIMITS = { maxTiers: 5, minFromDays: 2, maxMultiplier: 3 } as const

const twoDecimals = (x: number): boolean => Math.abs(Math.round(x * 100) - x * 100) < 1e-9

/** Tiers sorted by days; refused unless days and multipliers both strictly increase within the period's length. */
export function checkTiers(tiers: readonly StreakTier[], lengthDays: number): StreakTier[] | TeamRejection {
  if (tiers.length > TIER_LIMITS.maxTiers) return rejectTeam('TEAM.TIERS_INVALID')
  const sorted = [...tiers].sort((a, b) => a.fromDays - b.fromDays)
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]
    const prev = sorted[i - 1]
    const daysOk = Number.isInteger(t.fromDays) && t.fromDays >= TIER_LIMITS.minFromDays && t.fromDays <= lengthDays
    const multOk =
      Number.isFinite(t.multiplier) && t.multiplier > 1 && t.multiplier <= TIER_LIMITS.maxMultiplier && twoDecimals(t.multiplier)
    const increasing = !prev || (t.fromDays > prev.fromDays && t.multiplier > prev.multiplier)
    if (!daysOk || !multOk || !increasing) return rejectTeam('TEAM.TIERS_INVALID')
  }
  return sorted
}

/** The tier a streak is in (the highest one reached), or null below the first. */
export function tierFor(tiers: readonly StreakTier[], streak: number): StreakTier | null {
  let found: StreakTier | null = null
  for (const t of tiers) if (streak >= t.fromDays && (!found || t.fromDays > found.fromDays)) found = t
  return found
}

/** The extra points a check-in earns in its tier: base × (multiplier − 1), rounded half up; 0 below the first tier. */
export function tierBonus(tiers: readonly StreakTier[], streak: number, base: number): number {
  const tier = tierFor(tiers, streak)
  if (!tier || base <= 0) return 0
  // Integer arithmetic on hundredths: 10 × (1.2 − 1) is 1.9999999999999996 in floating point.
  return Math.round((base * (Math.round(tier.multiplier * 100) - 100)) / 100)
}

/** The label on a profile or leaderboard row: 连续 7 天 ×1.2. */
export const tierLabel = (tier: StreakTier): string => `连续 ${tier.fromDays} 天 ×${tier.multiplier}`
