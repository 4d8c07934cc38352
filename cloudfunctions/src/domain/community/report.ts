import {
  completionKey,
  groupBonusKey,
  makeupKey,
  reversalKey,
  streakBonusKey,
  tierBonusKey,
  badgeKey,
  checkinKey,
} from '../points/idempotency'
import { featuredAwardKey } from '../review/feature'
import { dayAt, periodDay } from '../camp/period-time'
import type { PeriodDoc } from '../camp/model'
import { longestRun, streakDays } from '../camp/streak'
import { BADGES, badgesOffered, type BadgeId } from './badges'

/**
 * The learning report a member gets when a period ends (operators see the same per member). Built from what the
 * enrollment already holds plus the member's reviews of the period (a bounded read: at most one review per day and
 * redo, ≤ 2 × 21), so making it costs no scan.
 */

export const HIGHLIGHT_LIMIT = 3
export const HIGHLIGHT_CHARS = 60

export interface ReportReview {
  comment: string
  /** The check-in was featured (精选). */
  featured: boolean
  at: number
}

export interface ReportInput {
  lengthDays: number
  checkedDays: readonly string[]
  madeUpDays: readonly string[]
  keepsStreak: boolean
  pointsEarned: number
  completed: boolean
  badges: readonly BadgeId[]
  featuredCount: number
  reviews: readonly ReportReview[]
}

export interface LearningReport {
  lengthDays: number
  daysChecked: number
  daysMadeUp: number
  /** (on time + made up) / lengthDays, 0..1, 4 decimals. */
  attendance: number
  longestStreak: number
  featuredCount: number
  pointsEarned: number
  completed: boolean
  badges: BadgeId[]
  /** Teacher reviews received in the period (every round of every day). */
  commentsReceived: number
  /** Up to three teacher comments, featured ones first, then the longest, then the latest; cut at 60 characters. */
  highlights: string[]
}

const clip = (text: string): string => {
  const chars = [...text]
  return chars.length <= HIGHLIGHT_CHARS ? text : `${chars.slice(0, HIGHLIGHT_CHARS - 1).join('')}…`
}

export function commentHighlights(reviews: readonly ReportReview[]): string[] {
  const seen = new Set<string>()
  const ranked = reviews
    .map((r) => ({ ...r, text: r.comment.replace(/\s+/g, ' ').trim() }))
    .filter((r) => r.text.length > 0)
    .sort((a, b) => Number(b.featured) - Number(a.featured) || [...b.text].length - [...a.text].length || b.at - a.at)
  const out: string[] = []
  for (const r of ranked) {
    if (seen.has(r.text)) continue
    seen.add(r.text)
    out.push(clip(r.text))
    if (out.length === HIGHLIGHT_LIMIT) break
  }
  return out
}

export function learningReport(input: ReportInput): LearningReport {
  const daysChecked = new Set(input.checkedDays).size
  const daysMadeUp = new Set(input.madeUpDays).size
  const attendance = input.lengthDays > 0 ? Math.round(((daysChecked + daysMadeUp) / input.lengthDays) * 10_000) / 10_000 : 0
  return {
    lengthDays: input.lengthDays,
    daysChecked,
    daysMadeUp,
    attendance,
    longestStreak: longestRun(streakDays(input.checkedDays, input.madeUpDays, input.keepsStreak)),
    featuredCount: input.featuredCount,
    pointsEarned: input.pointsEarned,
    completed: input.completed,
    badges: BADGES.filter((b) => input.badges.includes(b)),
    commentsReceived: input.reviews.length,
    highlights: commentHighlights(input.reviews),
  }
}

/**
 * Whether the period's report can be made: once its last business day is over (under the period's cut-off, on the
 * one clock) or the period was closed; never for a draft.
 */
export function reportReady(period: Pick<PeriodDoc, 'status' | 'startDay' | 'lengthDays' | 'cutoffMinutes'>, now: number): boolean {
  if (period.status === 'draft') return false
  return period.status === 'closed' || periodDay(period, now).kind === 'after'
}

/**
 * Every ledger key the period can have booked for the member — each day's check-in award, group bonus, tier bonus,
 * make-up charge and featured bonus, each streak milestone, the completion bonus and each badge — and the reversal
 * key of each. Points entries are keyed by these (domain/points/idempotency.ts), so the period's points are ONE read
 * by `_id` (≤ 21 × 5 + milestones + badges + 1, doubled: < 1000), never a scan of the member's history.
 */
export function periodAwardKeys(period: Pick<PeriodDoc, '_id' | 'startDay' | 'lengthDays' | 'points'>, memberId: string): string[] {
  const keys: string[] = []
  for (let i = 1; i <= period.lengthDays; i++) {
    const day = dayAt(period, i)
    keys.push(
      checkinKey(period._id, day, memberId),
      groupBonusKey(period._id, day, memberId),
      tierBonusKey(period._id, day, memberId),
      makeupKey(period._id, day, memberId),
      featuredAwardKey({ periodId: period._id, day, memberId }),
    )
  }
  for (const m of period.points.streakMilestones) keys.push(streakBonusKey(period._id, m.days, memberId))
  keys.push(completionKey(period._id, memberId))
  for (const b of badgesOffered(period.lengthDays)) keys.push(badgeKey(period._id, b, memberId))
  return [...keys, ...keys.map(reversalKey)]
}

export interface PeriodPoints {
  /** Credits booked for the period, less the credits reversed since. */
  earned: number
  /** Make-up charges, less the charges reversed since. */
  spent: number
}

/**
 * The period's points from the entries found under `periodAwardKeys` (only the member's own: the keys name them).
 * A reversal negates its original, so a reversed credit (negative reversal) takes from `earned` and a reversed
 * charge (positive reversal) gives back `spent`.
 */
export function periodPoints(entries: ReadonlyArray<{ amount: number; reason: string }>): PeriodPoints {
  let earned = 0
  let spent = 0
  for (const e of entries) {
    if (e.reason === 'reversal') {
      if (e.amount < 0) earned += e.amount
      else spent -= e.amount
    } else if (e.amount > 0) earned += e.amount
    else spent -= e.amount
  }
  return { earned, spent }
}
