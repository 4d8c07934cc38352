import type { CheckinDoc, PeriodDoc, PointsRules } from '../camp/model'
import { featuredKey } from '../points/idempotency'
import { checkReviewer } from './access'
import { rejectReview, type ReviewRejection } from './rejections'
import type { Actor } from '../identity/policy'

/**
 * 精选 (featured): shown in the period feed and paid a bonus through the ledger EXACTLY ONCE per check-in, whoever
 * features it and however often: the award's key is featuredKey(ref) and the ledger refuses a second entry with it.
 * Un-featuring never claws the bonus back (the member did nothing wrong, and a reversal would be a surprise); the key
 * stays used, so featuring again later pays nothing.
 */

/** Used when the period's points rules carry no `featuredBonus` (PointsRules has no such field yet). */
export const DEFAULT_FEATURED_BONUS = 20

export interface FeaturedAward {
  key: string
  memberId: string
  reason: 'featured'
  amount: number
  /** The check-in `_id`. */
  ref: string
}

export type FeaturePatch = Pick<CheckinDoc, 'featured' | 'featuredAt'>

export function featuredBonusOf(period: Pick<PeriodDoc, 'points'>): number {
  const rules: PointsRules & { featuredBonus?: number } = period.points
  const bonus = rules.featuredBonus ?? DEFAULT_FEATURED_BONUS
  return Number.isInteger(bonus) && bonus > 0 ? bonus : 0
}

/**
 * The ledger key of a check-in's featured bonus. Key parts may not contain `:` and check-in ids do, so the part is
 * `{periodId}.{day}.{memberId}` (ids never contain `.`, so it is unambiguous). It must fit the 80-character part
 * limit: 32-char auto period ids with 28-char openids give 72. Longer ids are a bug and throw RangeError.
 */
export function featuredAwardKey(checkin: Pick<CheckinDoc, 'periodId' | 'day' | 'memberId'>): string {
  return featuredKey(`${checkin.periodId}.${checkin.day}.${checkin.memberId}`)
}

export function featuredAward(period: Pick<PeriodDoc, 'points'>, checkin: CheckinDoc): FeaturedAward | null {
  const amount = featuredBonusOf(period)
  if (amount <= 0) return null
  return { key: featuredAwardKey(checkin), memberId: checkin.memberId, reason: 'featured', amount, ref: checkin._id }
}

/** Why a check-in cannot be featured now, or null. */
export function featureBlocker(checkin: CheckinDoc, returning: boolean): ReviewRejection | null {
  if (returning || checkin.reviewStatus === 'returned') return rejectReview('REVIEW.FEATURE_RETURNED')
  if (checkin.moderation !== 'pass') return rejectReview('REVIEW.NOT_FEATURABLE')
  return null
}

/**
 * The check-in fields and award for moving to `featured`. Returns an empty patch and no award when nothing changes,
 * and the award only on the false → true transition (the ledger key makes even that exactly-once).
 */
export function featureChange(
  period: Pick<PeriodDoc, 'points'>,
  checkin: CheckinDoc,
  featured: boolean,
  now: number,
): { patch: Partial<FeaturePatch>; award: FeaturedAward | null } {
  if (featured === checkin.featured) return { patch: {}, award: null }
  if (!featured) return { patch: { featured: false, featuredAt: null }, award: null }
  return { patch: { featured: true, featuredAt: now }, award: featuredAward(period, checkin) }
}

export interface FeaturePlan {
  ok: true
  changed: boolean
  /** Update the check-in inside the transaction that appends `award` (a duplicate award key = already paid: skip it). */
  checkinPatch: Partial<FeaturePatch>
  award: FeaturedAward | null
}

/** Feature or un-feature a check-in from the queue, the review page or the feed (any assigned teacher, any day). */
export function planFeature(
  checkin: CheckinDoc,
  period: PeriodDoc,
  actor: Actor | null | undefined,
  featured: boolean,
  now: number,
): FeaturePlan | ReviewRejection {
  if (checkin.periodId !== period._id) throw new Error(`check-in ${checkin._id} is not in period ${period._id}`)
  const denied = checkReviewer(actor, 'review.feature', period, checkin)
  if (denied) return denied
  if (period.status === 'closed') return rejectReview('REVIEW.PERIOD_CLOSED')
  if (featured && !checkin.featured) {
    const blocked = featureBlocker(checkin, false)
    if (blocked) return blocked
  }
  const { patch, award } = featureChange(period, checkin, featured, now)
  return { ok: true, changed: Object.keys(patch).length > 0, checkinPatch: patch, award }
}
