import { longestRun, streakDays } from '../camp/streak'
import { BADGES, type BadgeId } from './badges'

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
    highlights: commentHighlights(input.reviews),
  }
}
