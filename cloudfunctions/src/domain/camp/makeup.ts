import { businessDayStart, daysBetween } from '../business-day'
import { checkinId, makeupCharge, milestoneAwards, sumCredits } from './awards'
import { recount, type EnrollmentCounters } from './enrollment'
import type { CheckinDoc, EnrollmentDoc, PeriodDoc, PointsAward } from './model'
import { effectiveStatus, indexOf, todayOf } from './period-time'
import { rejectCamp, type CampRejection } from './rejections'
import { dayIncentives } from './checkin'
import { withDay } from './streak'

/**
 * A make-up (补卡) is all-or-nothing with its points debit: one transaction inserts `checkin` (the day's one-per-day
 * `_id`, so a make-up and a check-in of the same day cannot both exist), updates the enrollment and appends the awards
 * (the debit, reason `makeup`, key `makeup:{period}:{day}:{member}`, plus any streak milestone the make-up completes).
 * A made-up day earns no check-in points.
 */
export interface MakeupPlan {
  ok: true
  checkin: CheckinDoc
  enrollment: EnrollmentCounters
  awards: PointsAward[]
  cost: number
}

function isCalendarDay(day: string): boolean {
  try {
    businessDayStart(day)
    return true
  } catch {
    return false
  }
}

/** Why `day` cannot be made up now, or null. Used by planMakeup and by the calendar to offer the button. */
export function makeupBlocker(
  period: PeriodDoc,
  enrollment: EnrollmentDoc,
  day: string,
  now: number,
  balance: number,
): CampRejection | null {
  const status = effectiveStatus(period, now)
  if (status === 'draft') return rejectCamp('CAMP.PERIOD_DRAFT')
  if (status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  if (status === 'open') return rejectCamp('CAMP.PERIOD_NOT_STARTED', { startDay: period.startDay })
  const policy = period.makeup
  if (policy.maxCount <= 0) return rejectCamp('CAMP.MAKEUP_DISABLED')
  if (!isCalendarDay(day) || indexOf(period, day) === null) return rejectCamp('CAMP.MAKEUP_DAY_INVALID', { day })
  const today = todayOf(period, now)
  const ago = daysBetween(day, today)
  if (ago < 0) return rejectCamp('CAMP.MAKEUP_FUTURE', { day })
  if (ago === 0) return rejectCamp('CAMP.MAKEUP_TODAY')
  if (day < enrollment.joinedDay) return rejectCamp('CAMP.MAKEUP_BEFORE_JOIN', { joinedDay: enrollment.joinedDay })
  if (ago > policy.withinDays) return rejectCamp('CAMP.MAKEUP_TOO_LATE', { withinDays: policy.withinDays })
  if (enrollment.checkedDays.includes(day) || enrollment.madeUpDays.includes(day)) return rejectCamp('CAMP.MAKEUP_ALREADY_CHECKED', { day })
  if (enrollment.madeUpDays.length >= policy.maxCount) return rejectCamp('CAMP.MAKEUP_LIMIT', { maxCount: policy.maxCount })
  if (balance < policy.cost) return rejectCamp('CAMP.MAKEUP_INSUFFICIENT_POINTS', { balance, cost: policy.cost })
  return null
}

/**
 * Plans making up `day` (`YYYY-MM-DD`). `balance` is the member's points balance read in the same transaction; the
 * ledger checks it again when it appends the debit. The streak is recomputed from the day sets: with
 * `keepsStreak` the made-up day joins the runs on both sides, without it the day only fills the calendar.
 */
export function planMakeup(
  period: PeriodDoc,
  enrollment: EnrollmentDoc | null | undefined,
  day: string,
  now: number,
  balance: number,
): MakeupPlan | CampRejection {
  if (!enrollment) return rejectCamp('CAMP.NOT_JOINED')
  if (enrollment.periodId !== period._id) throw new Error(`enrollment ${enrollment._id} is not in period ${period._id}`)
  const blocker = makeupBlocker(period, enrollment, day, now, balance)
  if (blocker) return blocker

  const memberId = enrollment.memberId
  const id = checkinId(period._id, day, memberId)
  const charge = makeupCharge(period, memberId, day)
  const madeUpDays = withDay(enrollment.madeUpDays, day)
  const draft = recount(
    period,
    enrollment,
    { checkedDays: enrollment.checkedDays, madeUpDays, streakMilestones: enrollment.streakMilestones, earned: 0, spent: 0 },
    now,
  )
  const milestones = milestoneAwards(period, memberId, draft.bestStreak, enrollment.streakMilestones, id)
  // Streak badges may complete with a make-up (when the policy keeps streaks); a make-up never pays a tier.
  const incentives = dayIncentives(period, enrollment, draft, { memberId, day, ref: id, makeup: true })
  const credits = [...milestones.awards, ...incentives.awards]
  const earned = sumCredits(credits)
  const cost = charge ? -charge.amount : 0
  const counters: EnrollmentCounters = {
    ...draft,
    streakMilestones: milestones.paid,
    pointsEarned: enrollment.pointsEarned + earned,
    pointsSpent: enrollment.pointsSpent + cost,
    ...(incentives.badges ? { badges: incentives.badges } : {}),
  }
  const checkin: CheckinDoc = {
    _id: id,
    periodId: period._id,
    campId: period.campId,
    memberId,
    day,
    dayIndex: indexOf(period, day) ?? 0,
    content: { text: '', images: [], voice: null },
    moderation: 'pass',
    textVerdict: 'pass',
    mediaChecks: [],
    fromGroup: false,
    makeup: true,
    teamId: enrollment.teamId,
    submittedAt: now,
    submittedDay: todayOf(period, now),
    editedAt: null,
    points: earned,
    reviewStatus: 'none',
    redoCount: 0,
    featured: false,
    featuredAt: null,
  }
  return { ok: true, checkin, enrollment: counters, awards: charge ? [charge, ...credits] : credits, cost }
}
