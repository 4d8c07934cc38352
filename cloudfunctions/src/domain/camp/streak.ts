import { addDays, daysBetween } from '../business-day'

/**
 * Streaks are recomputed from the set of checked days, never incremented blindly: a make-up that fills a gap then
 * joins the two runs on both sides, and replaying an event cannot double-count.
 */

/**
 * Consecutive checked days ending today — or ending yesterday while today is not yet checked (the streak is still
 * alive until today's cut-off). Days after `today` are ignored.
 */
export function streakFrom(days: readonly string[], today: string): number {
  const checked = new Set(days)
  let cursor = checked.has(today) ? today : addDays(today, -1)
  let count = 0
  while (checked.has(cursor)) {
    count++
    cursor = addDays(cursor, -1)
  }
  return count
}

/** The longest run of consecutive days in the set. */
export function longestRun(days: readonly string[]): number {
  const sorted = [...new Set(days)].sort()
  let best = 0
  let run = 0
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && daysBetween(sorted[i - 1], sorted[i]) === 1 ? run + 1 : 1
    best = Math.max(best, run)
  }
  return best
}

/** The days that count for the streak: made-up days only when the period's make-up policy keeps the streak. */
export function streakDays(checkedDays: readonly string[], madeUpDays: readonly string[], keepsStreak: boolean): string[] {
  return keepsStreak ? [...checkedDays, ...madeUpDays] : [...checkedDays]
}

/** Inserts `day` into a sorted, duplicate-free list (a new array). */
export function withDay(days: readonly string[], day: string): string[] {
  return [...new Set([...days, day])].sort()
}
