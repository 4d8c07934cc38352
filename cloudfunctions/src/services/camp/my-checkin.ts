/**
 * The member's own check-in of a day with its teacher review: what the review notification opens. Every id derives
 * from (period, day, member), so the check-in, every round's review and the featured ledger entry are read in one
 * parallel wave with the period; the camp (its title) follows. 5 requests.
 */
import type { MyCheckinView } from '../../contracts/camp-results'
import { toCheckinView } from '../../contracts/camp-views'
import { toReviewView } from '../../contracts/review-views'
import { checkinId, indexOf, MAX_REDOS, type CampRejection } from '../../domain/camp'
import type { LedgerEntry } from '../../domain/points'
import { featuredAwardKey, reviewId, type ReviewDoc } from '../../domain/review'
import { byIds, getOrNull } from '../../shared/db'
import { ENTRIES } from '../points/ledger'
import { REVIEWS } from '../review/store'
import { getCamp, getCheckin, visiblePeriod } from './store'

function featuredEntryKey(periodId: string, day: string, memberId: string): string | null {
  try {
    return featuredAwardKey({ periodId, day, memberId })
  } catch {
    return null // ids too long for a ledger key part: such a check-in can never have been paid
  }
}

export async function myCheckin(periodId: string, memberId: string, day: string, now: number): Promise<MyCheckinView | CampRejection> {
  const id = checkinId(periodId, day, memberId)
  const rounds = Array.from({ length: MAX_REDOS + 1 }, (_, r) => reviewId(id, r))
  const key = featuredEntryKey(periodId, day, memberId)
  const [period, checkin, reviews, entry] = await Promise.all([
    visiblePeriod(periodId),
    getCheckin(id),
    byIds<ReviewDoc>(REVIEWS, rounds),
    key ? getOrNull<LedgerEntry>(ENTRIES, key) : Promise.resolve(null),
  ])
  if ('ok' in period) return period
  const camp = await getCamp(period.campId)
  const latest = checkin
    ? rounds
        .slice(0, checkin.redoCount + 1)
        .reverse()
        .map((r) => reviews.get(r))
        .find((r) => r !== undefined)
    : undefined
  const featuredBonus = entry && entry.amount > 0 ? entry.amount : 0
  return {
    periodId,
    periodTitle: `${camp?.title ? `${camp.title} · ` : ''}第 ${period.index} 期`,
    day,
    dayIndex: indexOf(period, day),
    checkin: checkin ? toCheckinView(checkin) : null,
    review: checkin && latest ? toReviewView(latest, checkin, period, memberId, now) : null,
    featuredBonus,
    pointsEarned: (checkin?.points ?? 0) + featuredBonus,
    canRedo: !!checkin && checkin.reviewStatus === 'returned' && checkin.redoCount < MAX_REDOS && period.status !== 'closed',
  }
}
