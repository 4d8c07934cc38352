/**
 * The member's own check-in of a day with its teacher review: what the review notification and a tapped calendar day
 * open. Every id derives from (period, day, member), so the check-in, every round's review and the featured ledger entry
 * are read in one parallel wave with the period; the camp (its title) and the review's read mark follow. Showing the
 * review marks it seen (./reads.ts). A camp action (`camp.myCheckin`): composed here, downstream of camp, which knows
 * nothing of reviews.
 */
import type { MyCheckinView } from '../../contracts/camp-results'
import { canRedo, toCheckinView } from '../../contracts/camp-views'
import { toReviewView } from '../../contracts/review-views'
import { checkinId, indexOf, MAX_REDOS, type CampRejection, type CheckinDoc } from '../../domain/camp'
import { featuredAwardKey, reviewId, type ReviewDoc } from '../../domain/review'
import { getCamp, getCheckin, visiblePeriod } from '../camp/lookups'
import { entryOf } from '../points/ledger'
import { seeReview } from './reads'
import { repo, REVIEWS } from './store'

function featuredEntryKey(periodId: string, day: string, memberId: string): string | null {
  try {
    return featuredAwardKey({ periodId, day, memberId })
  } catch {
    return null // ids too long for a ledger key part: such a check-in can never have been paid
  }
}

const roundsOf = (id: string) => Array.from({ length: MAX_REDOS + 1 }, (_, r) => reviewId(id, r))

/** The latest round's review among `reviews` (a redo's review replaces the original's). */
function latestOf(checkin: CheckinDoc, reviews: ReadonlyMap<string, ReviewDoc>): ReviewDoc | undefined {
  return roundsOf(checkin._id)
    .slice(0, checkin.redoCount + 1)
    .reverse()
    .map((r) => reviews.get(r))
    .find((r) => r !== undefined)
}

/** The latest review of a check-in (one read of every round by id), or undefined before a teacher reviewed it. */
export async function latestReview(checkin: CheckinDoc): Promise<ReviewDoc | undefined> {
  if (checkin.reviewStatus !== 'reviewed' && checkin.reviewStatus !== 'returned' && checkin.redoCount === 0) return undefined
  return latestOf(checkin, await repo.byIds(REVIEWS, roundsOf(checkin._id)))
}

export async function myCheckin(periodId: string, memberId: string, day: string, now: number): Promise<MyCheckinView | CampRejection> {
  const id = checkinId(periodId, day, memberId)
  const key = featuredEntryKey(periodId, day, memberId)
  const [period, checkin, reviews, entry] = await Promise.all([
    visiblePeriod(periodId),
    getCheckin(id),
    repo.byIds(REVIEWS, roundsOf(id)),
    key ? entryOf(key) : Promise.resolve(null),
  ])
  if ('ok' in period) return period
  const latest = checkin ? latestOf(checkin, reviews) : undefined
  const [camp, unread] = await Promise.all([getCamp(period.campId), latest ? seeReview(memberId, latest, now) : Promise.resolve(false)])
  const featuredBonus = entry && entry.amount > 0 ? entry.amount : 0
  return {
    periodId,
    periodTitle: `${camp?.title ? `${camp.title} · ` : ''}第 ${period.index} 期`,
    day,
    dayIndex: indexOf(period, day),
    checkin: checkin ? toCheckinView(checkin) : null,
    review: checkin && latest ? toReviewView(latest, checkin, period, memberId, now) : null,
    reviewUnread: unread,
    featuredBonus,
    pointsEarned: (checkin?.points ?? 0) + featuredBonus,
    canRedo: !!checkin && canRedo(period, checkin),
  }
}
