import { enrollmentId } from './awards'
import { rankKeys } from './leaderboard'
import type { EnrollmentDoc, EntryRule, PeriodDoc } from './model'
import { streakToday } from './period-time'
import { longestRun, streakDays, streakFrom } from './streak'

/** `member.publicId` comes from the service (a one-way derivation of the openid the domain cannot compute). */
export function newEnrollment(
  period: PeriodDoc,
  member: { memberId: string; publicId: string },
  via: EntryRule['kind'],
  joinedDay: string,
  now: number,
): EnrollmentDoc {
  const { memberId, publicId } = member
  const base = {
    _id: enrollmentId(period._id, memberId),
    periodId: period._id,
    campId: period.campId,
    memberId,
    publicId,
    joinedAt: now,
    joinedDay,
    via,
    checkedDays: [],
    madeUpDays: [],
    checkins: 0,
    makeups: 0,
    currentStreak: 0,
    bestStreak: 0,
    lastCheckinDay: null,
    lastCheckinAt: null,
    streakMilestones: [],
    pointsEarned: 0,
    pointsSpent: 0,
    completed: false,
    certificateNo: null,
    reminderTime: null,
    reminderNextAt: null,
    reminderLastDay: null,
    reminderCredits: 0,
    teamId: null,
    teamRole: null,
    updatedAt: now,
  }
  return { ...base, ...rankKeys(base) }
}

/** The fields a check-in or make-up rewrites; the I/O layer `update`s exactly these (plain values, no operators). */
export type EnrollmentCounters = Pick<
  EnrollmentDoc,
  | 'checkedDays'
  | 'madeUpDays'
  | 'checkins'
  | 'makeups'
  | 'currentStreak'
  | 'bestStreak'
  | 'lastCheckinDay'
  | 'lastCheckinAt'
  | 'streakMilestones'
  | 'pointsEarned'
  | 'pointsSpent'
  | 'streakRank'
  | 'checkinRank'
  | 'updatedAt'
  | 'badges'
>

/**
 * Recomputes counters, streaks and leaderboard keys from the day sets. `changes` carries the new day sets and the
 * points moved; everything else is derived, so the stored numbers can never drift from the sets.
 */
export function recount(
  period: PeriodDoc,
  enrollment: EnrollmentDoc,
  changes: {
    checkedDays: string[]
    madeUpDays: string[]
    lastCheckin?: { day: string; at: number }
    streakMilestones: number[]
    earned: number
    spent: number
  },
  now: number,
): EnrollmentCounters {
  const days = streakDays(changes.checkedDays, changes.madeUpDays, period.makeup.keepsStreak)
  const last = changes.lastCheckin
  const counters = {
    checkedDays: changes.checkedDays,
    madeUpDays: changes.madeUpDays,
    checkins: changes.checkedDays.length,
    makeups: changes.madeUpDays.length,
    currentStreak: streakFrom(days, streakToday(period, now)),
    bestStreak: Math.max(enrollment.bestStreak, longestRun(days)),
    lastCheckinDay: last ? last.day : enrollment.lastCheckinDay,
    lastCheckinAt: last ? last.at : enrollment.lastCheckinAt,
    streakMilestones: changes.streakMilestones,
    pointsEarned: enrollment.pointsEarned + changes.earned,
    pointsSpent: enrollment.pointsSpent + changes.spent,
    updatedAt: now,
  }
  return { ...counters, ...rankKeys({ ...counters, publicId: enrollment.publicId, joinedAt: enrollment.joinedAt }) }
}

/** Checked days of any kind (what completion counts). */
export const totalCheckedDays = (e: Pick<EnrollmentDoc, 'checkedDays' | 'madeUpDays'>): number => e.checkedDays.length + e.madeUpDays.length

/**
 * The streak as of `now` for display: the stored value was computed at the last write and silently ends when a day
 * is missed (no write happens then), so pages recompute it from the stored sets.
 */
export function liveStreak(period: PeriodDoc, enrollment: Pick<EnrollmentDoc, 'checkedDays' | 'madeUpDays'>, now: number): number {
  return streakFrom(streakDays(enrollment.checkedDays, enrollment.madeUpDays, period.makeup.keepsStreak), streakToday(period, now))
}
