import { badgeKey, tierBonusKey } from '../points/idempotency'
import type { BadgeId } from './badges'
import { tierBonus, type StreakTier } from './tiers'

/** A ledger credit the community layer earns; the I/O layer books it with the check-in's other awards. */
export interface CommunityAward {
  key: string
  memberId: string
  reason: 'tier_bonus' | 'badge'
  amount: number
  /** The check-in or enrollment `_id` that caused it. */
  ref: string
}

/**
 * The tier bonus of an on-time check-in whose streak (including it) is `streak`. None for make-ups — callers pass
 * `makeup` rather than leaving it out, so the rule is here and tested.
 */
export function tierAward(
  input: { periodId: string; day: string; memberId: string; streak: number; base: number; makeup: boolean; ref: string },
  tiers: readonly StreakTier[],
): CommunityAward | null {
  if (input.makeup) return null
  const amount = tierBonus(tiers, input.streak, input.base)
  if (amount <= 0) return null
  return {
    key: tierBonusKey(input.periodId, input.day, input.memberId),
    memberId: input.memberId,
    reason: 'tier_bonus',
    amount,
    ref: input.ref,
  }
}

/** Points for badges just earned; badges worth 0 (or absent from the period's table) book nothing. */
export function badgeAwards(
  input: { periodId: string; memberId: string; ref: string },
  earned: readonly BadgeId[],
  points: Readonly<Partial<Record<BadgeId, number>>>,
): CommunityAward[] {
  return earned
    .filter((b) => (points[b] ?? 0) > 0)
    .map((b) => ({
      key: badgeKey(input.periodId, b, input.memberId),
      memberId: input.memberId,
      reason: 'badge',
      amount: points[b] ?? 0,
      ref: input.ref,
    }))
}
