import type { BadgeState } from '../community/badges'
import { incentivesOf, planIncentives, type IncentivePlan } from '../community/incentives'
import { checkinAwards, checkinId, milestoneAwards, sumCredits } from './awards'
import { checkContent, initialModeration } from './content'
import { recount, type EnrollmentCounters } from './enrollment'
import type { CheckinContent, CheckinDoc, EnrollmentDoc, PeriodDoc, PointsAward, Verdict } from './model'
import { effectiveStatus, inWindow, periodDay } from './period-time'
import { markQueued } from './queue-counters'
import { rejectCamp, type CampRejection } from './rejections'
import { withDay } from './streak'

/** What the member submitted plus msgSecCheck's verdict on the text (obtained before planning; 'pass' when no text). */
export interface CheckinSubmission {
  content: CheckinContent
  textVerdict: Verdict
}

/**
 * One transaction writes it all: insert `checkin` (its `_id` is the one-per-day key), update the enrollment with
 * `enrollment` (plain values), and append each award to the ledger (award.key = entry `_id`).
 */
export interface CheckinPlan {
  ok: true
  checkin: CheckinDoc
  enrollment: EnrollmentCounters
  awards: PointsAward[]
}

/** What the badge rules see of an enrollment after a check-in or make-up (featuring is counted by the feature). */
const badgeStateOf = (period: PeriodDoc, days: Pick<EnrollmentDoc, 'checkedDays' | 'madeUpDays'>): BadgeState => ({
  startDay: period.startDay,
  lengthDays: period.lengthDays,
  checkedDays: days.checkedDays,
  madeUpDays: days.madeUpDays,
  keepsStreak: period.makeup.keepsStreak,
  featuredCount: 0,
})

/**
 * The tier bonus and new badges of the day `day` a check-in or make-up (`makeup`) adds, from the enrollment's days
 * after it (`after`, the recount) and the badges it held before; the period's 激励设置 decide.
 */
export function dayIncentives(
  period: PeriodDoc,
  enrollment: Pick<EnrollmentDoc, 'badges'>,
  after: Pick<EnrollmentDoc, 'checkedDays' | 'madeUpDays' | 'currentStreak'>,
  on: { memberId: string; day: string; ref: string; makeup: boolean },
): IncentivePlan {
  return planIncentives(
    {
      periodId: period._id,
      ...on,
      streak: after.currentStreak,
      base: period.points.perCheckin,
      state: badgeStateOf(period, after),
      held: enrollment.badges ?? [],
    },
    incentivesOf(period),
  )
}

/** Rejects when the period does not accept check-ins at `now`; shared with make-ups' status rule. */
export function checkRunning(period: PeriodDoc, now: number): CampRejection | null {
  const status = effectiveStatus(period, now)
  if (status === 'draft') return rejectCamp('CAMP.PERIOD_DRAFT')
  if (status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  if (status === 'open') return rejectCamp('CAMP.PERIOD_NOT_STARTED', { startDay: period.startDay })
  if (status === 'ended') return rejectCamp('CAMP.PERIOD_ENDED')
  return null
}

/**
 * Plans today's check-in. `existing` is the CheckinDoc with today's id if the caller read it; when it exists the
 * answer is CAMP.ALREADY_CHECKED_IN with `details.checkinId`, and the caller returns that check-in instead.
 * `fromGroup` must come from isFromBoundGroup() on a server-resolved group id.
 */
export function planCheckin(
  period: PeriodDoc,
  enrollment: EnrollmentDoc | null | undefined,
  existing: CheckinDoc | null | undefined,
  submission: CheckinSubmission,
  now: number,
  fromGroup: boolean,
): CheckinPlan | CampRejection {
  if (!enrollment) return rejectCamp('CAMP.NOT_JOINED')
  if (enrollment.periodId !== period._id) throw new Error(`enrollment ${enrollment._id} is not in period ${period._id}`)
  const notRunning = checkRunning(period, now)
  if (notRunning) return notRunning
  const where = periodDay(period, now)
  if (where.kind !== 'day') throw new Error('a running period must be on a day')
  const day = where.today
  const memberId = enrollment.memberId
  const id = checkinId(period._id, day, memberId)
  if (existing && existing._id !== id) throw new Error(`existing check-in ${existing._id} is not ${id}`)
  if (existing || enrollment.checkedDays.includes(day) || enrollment.madeUpDays.includes(day)) {
    return rejectCamp('CAMP.ALREADY_CHECKED_IN', { checkinId: id })
  }
  if (!inWindow(period.window, now)) {
    return rejectCamp('CAMP.OUTSIDE_WINDOW', period.window ? { start: period.window.start, end: period.window.end } : undefined)
  }
  const bad = checkContent(period, memberId, submission.content, submission.textVerdict)
  if (bad) return bad

  const checkedDays = withDay(enrollment.checkedDays, day)
  const base = checkinAwards(period, memberId, day, fromGroup)
  const draft = recount(
    period,
    enrollment,
    {
      checkedDays,
      madeUpDays: enrollment.madeUpDays,
      lastCheckin: { day, at: now },
      streakMilestones: enrollment.streakMilestones,
      earned: 0,
      spent: 0,
    },
    now,
  )
  const milestones = milestoneAwards(period, memberId, draft.bestStreak, enrollment.streakMilestones, id)
  const incentives = dayIncentives(period, enrollment, draft, { memberId, day, ref: id, makeup: false })
  const awards = [...base, ...milestones.awards, ...incentives.awards]
  const earned = sumCredits(awards)
  const counters: EnrollmentCounters = {
    ...draft,
    streakMilestones: milestones.paid,
    pointsEarned: enrollment.pointsEarned + earned,
    ...(incentives.badges ? { badges: incentives.badges } : {}),
  }
  const checkin: CheckinDoc = markQueued({
    _id: id,
    periodId: period._id,
    campId: period.campId,
    memberId,
    day,
    dayIndex: where.index,
    content: submission.content,
    ...initialModeration(submission.content, submission.textVerdict),
    fromGroup,
    makeup: false,
    teamId: enrollment.teamId,
    submittedAt: now,
    submittedDay: day,
    editedAt: null,
    points: earned,
    reviewStatus: 'pending',
    redoCount: 0,
    featured: false,
    featuredAt: null,
    // In the period's pool: the teachers' side deals it (services/review/distribution.ts), never the check-in.
    assigneeId: null,
  })
  return { ok: true, checkin, enrollment: counters, awards }
}
