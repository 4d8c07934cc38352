import { addDays } from '../business-day'
import { longestRun, streakDays } from '../camp/streak'

/**
 * Badges a member earns in a period. A badge, once earned, is never taken back (un-featuring a check-in or a later
 * gap keeps it); the I/O layer keeps the earned list on the enrollment and writes it in the same transaction as the
 * check-in, make-up or feature that earned it, and any points a badge carries are a ledger entry keyed
 * `badge:{periodId}:{badge}:{memberId}` — exactly once however often the action is retried or raced.
 *
 *  - streak_7 / streak_14 / streak_21: a run of N consecutive days (made-up days count only when the period's
 *    make-up policy keeps the streak); a badge whose N exceeds the period's length is not offered;
 *  - perfect_week: all seven days of one period week (days 1–7, 8–14, 15–21) checked on the day itself — a made-up
 *    day does not make a week perfect;
 *  - first_featured: a teacher featured one of the member's check-ins.
 */

export const BADGES = ['streak_7', 'streak_14', 'streak_21', 'perfect_week', 'first_featured'] as const
export type BadgeId = (typeof BADGES)[number]

export const BADGE_LABEL: Readonly<Record<BadgeId, string>> = {
  streak_7: '坚持 7 天',
  streak_14: '坚持 14 天',
  streak_21: '坚持 21 天',
  perfect_week: '完美一周',
  first_featured: '首次精选',
}

const STREAK_BADGES: ReadonlyArray<readonly [BadgeId, number]> = [
  ['streak_7', 7],
  ['streak_14', 14],
  ['streak_21', 21],
]

export interface BadgeState {
  startDay: string
  lengthDays: number
  /** Days checked on the day itself (EnrollmentDoc.checkedDays). */
  checkedDays: readonly string[]
  madeUpDays: readonly string[]
  /** The period's MakeupPolicy.keepsStreak. */
  keepsStreak: boolean
  featuredCount: number
}

/** The badges this period can award (streak badges longer than the period are left out). */
export function badgesOffered(lengthDays: number): BadgeId[] {
  return BADGES.filter((b) => {
    const streak = STREAK_BADGES.find(([id]) => id === b)
    if (streak) return streak[1] <= lengthDays
    if (b === 'perfect_week') return lengthDays >= 7
    return true
  })
}

function hasPerfectWeek(s: BadgeState): boolean {
  const onTime = new Set(s.checkedDays)
  for (let week = 0; (week + 1) * 7 <= s.lengthDays; week++) {
    let all = true
    for (let d = 0; d < 7 && all; d++) all = onTime.has(addDays(s.startDay, week * 7 + d))
    if (all) return true
  }
  return false
}

/** Every badge the state qualifies for, in BADGES order. */
export function qualifyingBadges(s: BadgeState): BadgeId[] {
  const best = longestRun(streakDays(s.checkedDays, s.madeUpDays, s.keepsStreak))
  return badgesOffered(s.lengthDays).filter((b) => {
    const streak = STREAK_BADGES.find(([id]) => id === b)
    if (streak) return best >= streak[1]
    if (b === 'perfect_week') return hasPerfectWeek(s)
    return s.featuredCount > 0
  })
}

/** Badges to award now: qualifying and not already held (held ones stay, whatever the state says now). */
export function newBadges(s: BadgeState, held: readonly BadgeId[]): BadgeId[] {
  return qualifyingBadges(s).filter((b) => !held.includes(b))
}

/** The held list after awarding `earned`: BADGES order, no duplicates. */
export const withBadges = (held: readonly BadgeId[], earned: readonly BadgeId[]): BadgeId[] =>
  BADGES.filter((b) => held.includes(b) || earned.includes(b))
