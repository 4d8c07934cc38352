import type { IncentivesView } from '@cloud/contracts/community'
import type { BadgeId, StreakTier } from '@cloud/domain/community'

/** The 激励设置 form: tiers edited with pickers, badge points with steppers; the server checks the rules again. */
export interface IncentivesForm {
  tiers: StreakTier[]
  points: Partial<Record<BadgeId, number>>
}

export const formOf = (view: IncentivesView): IncentivesForm => ({
  tiers: view.tiers.map((t) => ({ fromDays: t.fromDays, multiplier: t.multiplier })),
  points: Object.fromEntries(view.badges.map((b) => [b.value, b.points])),
})

/** Days a tier may start from: minFromDays … the period's length. */
export const dayOptions = (view: IncentivesView): number[] =>
  Array.from({ length: Math.max(0, view.lengthDays - view.limits.minFromDays + 1) }, (_, i) => view.limits.minFromDays + i)

/** Multipliers ×1.1 … ×maxMultiplier in steps of 0.1 (integer tenths: 1.1 + 0.1 is 1.2000000000000002). */
export const multiplierOptions = (view: IncentivesView): number[] =>
  Array.from({ length: Math.round((view.limits.maxMultiplier - 1) * 10) }, (_, i) => (11 + i) / 10)

/** A new tier after the last one: a week later (within the period) and 0.3 higher, clamped to the options. */
export function nextTier(view: IncentivesView, tiers: readonly StreakTier[]): StreakTier {
  const days = dayOptions(view)
  const mults = multiplierOptions(view)
  const last = tiers[tiers.length - 1]
  if (!last) return { fromDays: Math.min(7, days[days.length - 1] ?? 7), multiplier: 1.2 }
  const fromDays = Math.min(last.fromDays + 7, days[days.length - 1] ?? last.fromDays)
  const multiplier = Math.min(Math.round((last.multiplier + 0.3) * 10) / 10, mults[mults.length - 1] ?? last.multiplier)
  return { fromDays, multiplier }
}

export const BADGE_POINTS_STEP = 5

/** The request's badge points: every offered badge, 0 included (0 = the badge without points). */
export const badgePointsOf = (view: IncentivesView, form: IncentivesForm): Partial<Record<BadgeId, number>> =>
  Object.fromEntries(view.badges.map((b) => [b.value, form.points[b.value] ?? 0]))

/** What a tier pays, as an example on the page (the server's rule: base × (multiplier − 1), rounded). */
export const tierExample = (t: StreakTier, perCheckin: number): string =>
  `连续 ${t.fromDays} 天起每次打卡积分 ×${t.multiplier}（如 ${perCheckin} 分再加 ${Math.round((perCheckin * (Math.round(t.multiplier * 100) - 100)) / 100)} 分）`
