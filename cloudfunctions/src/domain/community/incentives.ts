import { badgeAwards, tierAward, type CommunityAward } from './awards'
import { badgesOffered, BADGES, newBadges, withBadges, type BadgeId, type BadgeState } from './badges'
import { rejectTeam, type TeamRejection } from './rejections'
import { checkTiers, type StreakTier } from './tiers'

/**
 * A period's incentive settings (激励设置): its streak tiers and what each badge is worth. Stored on the period
 * (`PeriodDoc.incentives`, absent = none), so a check-in reads them with the period it already has: no extra read.
 * Badges are always earned and shown; their points default to 0, and only a badge with points books a ledger entry.
 */
export interface PeriodIncentives {
  tiers: StreakTier[]
  badgePoints: Partial<Record<BadgeId, number>>
}

export const NO_INCENTIVES: PeriodIncentives = { tiers: [], badgePoints: {} }

export const BADGE_POINTS_MAX = 1000

export const incentivesOf = (period: { incentives?: PeriodIncentives }): PeriodIncentives => period.incentives ?? NO_INCENTIVES

/**
 * The settings as stored: tiers sorted and checked (checkTiers), badge points whole numbers 0…BADGE_POINTS_MAX for
 * badges this period offers (a 21-day badge in a 14-day period is refused, not silently kept); zeros are dropped.
 */
export function checkIncentives(input: PeriodIncentives, lengthDays: number): PeriodIncentives | TeamRejection {
  const tiers = checkTiers(input.tiers, lengthDays)
  if ('ok' in tiers) return tiers
  const offered = badgesOffered(lengthDays)
  const badgePoints: Partial<Record<BadgeId, number>> = {}
  for (const b of BADGES) {
    const points = input.badgePoints[b]
    if (points === undefined || points === 0) continue
    if (!Number.isInteger(points) || points < 0 || points > BADGE_POINTS_MAX || !offered.includes(b)) {
      return rejectTeam('TEAM.BADGE_POINTS_INVALID')
    }
    badgePoints[b] = points
  }
  return { tiers, badgePoints }
}

/** What a check-in or make-up earns beside its camp awards, and the held list when it grew (null = unchanged). */
export interface IncentivePlan {
  awards: CommunityAward[]
  badges: BadgeId[] | null
}

/**
 * The tier bonus and badges of a check-in (`makeup: false`) or a make-up (`makeup: true`, which never pays a tier).
 * `state` holds the day sets AFTER it; `streak` is the streak including the day; `held` the badges held before.
 */
export function planIncentives(
  input: {
    periodId: string
    memberId: string
    day: string
    ref: string
    streak: number
    base: number
    makeup: boolean
    state: BadgeState
    held: readonly BadgeId[]
  },
  incentives: PeriodIncentives,
): IncentivePlan {
  const tier = tierAward(
    {
      periodId: input.periodId,
      day: input.day,
      memberId: input.memberId,
      streak: input.streak,
      base: input.base,
      makeup: input.makeup,
      ref: input.ref,
    },
    incentives.tiers,
  )
  return withEarned(input, newBadges(input.state, input.held), tier ? [tier] : [], incentives)
}

/** A teacher featured one of the member's check-ins: 首次精选 unless already held. */
export function planFeaturedBadge(
  input: { periodId: string; memberId: string; ref: string; held: readonly BadgeId[] },
  incentives: PeriodIncentives,
): IncentivePlan {
  const earned: BadgeId[] = input.held.includes('first_featured') ? [] : ['first_featured']
  return withEarned(input, earned, [], incentives)
}

function withEarned(
  input: { periodId: string; memberId: string; ref: string; held: readonly BadgeId[] },
  earned: readonly BadgeId[],
  awards: CommunityAward[],
  incentives: PeriodIncentives,
): IncentivePlan {
  const badgeEntries = badgeAwards({ periodId: input.periodId, memberId: input.memberId, ref: input.ref }, earned, incentives.badgePoints)
  return { awards: [...awards, ...badgeEntries], badges: earned.length > 0 ? withBadges(input.held, earned) : null }
}
