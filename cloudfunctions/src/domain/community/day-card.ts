import { indexOf } from '../camp/period-time'
import type { CheckinDoc, EnrollmentDoc, PeriodDoc } from '../camp/model'
import { streakDays, streakFrom } from '../camp/streak'
import { rejectDayCard, type DayCardRejection } from './rejections'

/**
 * The 日签 (daily card) a member makes after checking in: which day of the period, that day's task, their streak as of
 * that day and one line of their own check-in text. Sharing it earns nothing (运营规范 5.1); the card only carries the
 * member's invite code, so a new member who scans it is attributed to them like after a poster scan.
 */

/** Characters of the member's own text the card shows (one line on a 600-wide card). */
export const DAY_CARD_TEXT_CHARS = 20

/**
 * The first non-empty line of the text, whitespace collapsed, cut to `max` characters (code points, so an emoji is
 * never split) with an ellipsis.
 */
export function oneLine(text: string, max = DAY_CARD_TEXT_CHARS): string {
  const line =
    text
      .split(/\r?\n|\r|\u2028|\u2029/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .find((l) => l.length > 0) ?? ''
  const chars = [...line]
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`
}

export interface DayCardFacts {
  day: string
  /** 第 N 天, 1-based. */
  dayIndex: number
  theme: string
  /** Consecutive checked days ending on `day` (make-ups count when the period's policy keeps the streak). */
  streak: number
  /** The member's own text, one line; '' when the check-in has no text or its text did not pass the check as is. */
  text: string
}

export interface DayCardInput {
  period: Pick<PeriodDoc, 'startDay' | 'lengthDays' | 'tasks' | 'makeup'>
  enrollment: Pick<EnrollmentDoc, 'checkedDays' | 'madeUpDays'>
  /** The member's check-in of that day, if any. */
  checkin: Pick<CheckinDoc, 'day' | 'content' | 'textVerdict' | 'moderation'> | null
  day: string
}

/**
 * What the card of `day` shows, or COMMUNITY.DAY_CARD_NOT_CHECKED unless the member checked in for that day of the
 * period (on time or made up). Only text msgSecCheck passed (`textVerdict` pass, the check-in not found risky later)
 * goes on an image meant for strangers.
 */
export function dayCardFacts({ period, enrollment, checkin, day }: DayCardInput): DayCardFacts | DayCardRejection {
  const dayIndex = indexOf(period, day)
  const checked = enrollment.checkedDays.includes(day) || enrollment.madeUpDays.includes(day)
  if (dayIndex === null || !checked || !checkin || checkin.day !== day) return rejectDayCard('COMMUNITY.DAY_CARD_NOT_CHECKED')
  const counted = streakDays(enrollment.checkedDays, enrollment.madeUpDays, period.makeup.keepsStreak).filter((d) => d <= day)
  const clean = checkin.textVerdict === 'pass' && checkin.moderation !== 'risky'
  return {
    day,
    dayIndex,
    theme: period.tasks.find((t) => t.day === dayIndex)?.theme ?? '',
    streak: streakFrom(counted, day),
    text: clean ? oneLine(checkin.content.text) : '',
  }
}
