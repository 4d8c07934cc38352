import { addDays, businessDay, businessDayStart, daysBetween } from '../business-day'
import type { EnrollmentDoc, PeriodDoc } from './model'
import { effectiveStatus, indexOf, lastDayOf, parseHHmm, periodDay } from './period-time'
import { rejectCamp, type CampRejection } from './rejections'

/**
 * Daily reminders at the member's chosen Shanghai wall-clock time. Each enrollment carries `reminderNextAt`, the next
 * instant a reminder is due, so the timer asks `where({ reminderNextAt: _.lte(now) })` on an index — no scan — and
 * every handled item moves it to the next day: once per day by construction. Credits (one subscribe message per
 * subscription) are the I/O layer's: an item marked `send` without a credit is simply not messaged.
 */

/** A timer that ran late by more than this skips the day instead of reminding at an odd hour. */
export const MAX_REMINDER_DELAY_MINUTES = 120

/**
 * The first instant strictly after `after` whose Shanghai wall clock reads `time` and whose business day (under
 * the period's cut-off) is a day of the period; null when the period has no such instant left.
 */
export function nextReminderAt(period: PeriodDoc, time: string, after: number): number | null {
  const minutes = parseHHmm(time)
  const lastDay = lastDayOf(period)
  let calendarDay = businessDay(after)
  for (let guard = 0; guard < 4; guard++) {
    const at = businessDayStart(calendarDay) + minutes * 60_000
    if (at <= after) {
      calendarDay = addDays(calendarDay, 1)
      continue
    }
    const day = businessDay(at, period.cutoffMinutes)
    if (day > lastDay) return null
    if (day >= period.startDay) return at
    calendarDay = addDays(calendarDay, daysBetween(day, period.startDay))
  }
  throw new Error('nextReminderAt did not converge')
}

/** The enrollment fields to update when a member sets (or clears, with null) their reminder time. */
export function planReminderSetting(
  period: PeriodDoc,
  time: string | null,
  now: number,
): { ok: true; patch: Pick<EnrollmentDoc, 'reminderTime' | 'reminderNextAt' | 'updatedAt'> } | CampRejection {
  if (time === null) return { ok: true, patch: { reminderTime: null, reminderNextAt: null, updatedAt: now } }
  const status = effectiveStatus(period, now)
  if (status === 'ended' || status === 'closed') return rejectCamp('CAMP.REMINDER_PERIOD_OVER')
  return { ok: true, patch: { reminderTime: time, reminderNextAt: nextReminderAt(period, time, now), updatedAt: now } }
}

export type ReminderSkip = 'checked_in' | 'already_sent' | 'too_late' | 'not_running' | 'no_setting'

export interface ReminderItem {
  enrollmentId: string
  memberId: string
  periodId: string
  /** The business day the reminder is for, and its 第 N 天. */
  day: string
  dayIndex: number
  send: boolean
  skip: ReminderSkip | null
  /** Idempotency key of the send (e.g. the reminder_sent event's `_id`). */
  key: string
  /** Write with a condition `reminderNextAt: <the value read>` so overlapping timer runs handle an item once. */
  patch: Pick<EnrollmentDoc, 'reminderNextAt' | 'reminderLastDay'>
}

/**
 * Decides, for enrollments whose `reminderNextAt <= now`, who gets a reminder now and when each is due next.
 * Members who already checked in that day, or whose reminder is overdue by more than MAX_REMINDER_DELAY_MINUTES,
 * are skipped (and still moved to the next day).
 */
export function remindersDue(
  enrollments: readonly EnrollmentDoc[],
  periods: ReadonlyMap<string, PeriodDoc>,
  now: number,
  maxDelayMinutes = MAX_REMINDER_DELAY_MINUTES,
): ReminderItem[] {
  const items: ReminderItem[] = []
  for (const e of enrollments) {
    const dueAt = e.reminderNextAt
    if (dueAt === null || dueAt > now) continue
    const period = periods.get(e.periodId)
    if (!period) throw new Error(`period ${e.periodId} of enrollment ${e._id} was not loaded`)
    const day = businessDay(dueAt, period.cutoffMinutes)
    const next = e.reminderTime ? nextReminderAt(period, e.reminderTime, now) : null
    const skip = skipReason(period, e, day, dueAt, now, maxDelayMinutes)
    items.push({
      enrollmentId: e._id,
      memberId: e.memberId,
      periodId: e.periodId,
      day,
      dayIndex: indexOf(period, day) ?? 0,
      send: skip === null,
      skip,
      key: `reminder:${e.periodId}:${day}:${e.memberId}`,
      patch: { reminderNextAt: next, reminderLastDay: skip === null ? day : e.reminderLastDay },
    })
  }
  return items
}

function skipReason(period: PeriodDoc, e: EnrollmentDoc, day: string, dueAt: number, now: number, maxDelay: number): ReminderSkip | null {
  if (!e.reminderTime) return 'no_setting'
  if (effectiveStatus(period, dueAt) !== 'running' || effectiveStatus(period, now) === 'closed') return 'not_running'
  if (e.reminderLastDay === day) return 'already_sent'
  if (e.checkedDays.includes(day) || e.madeUpDays.includes(day)) return 'checked_in'
  if (now - dueAt > maxDelay * 60_000) return 'too_late'
  return null
}

/** Why a teammate gets no reminder from their team's leader now (null: remind them). */
export type NudgeSkip = 'checked_in' | 'already_reminded' | 'no_credit'

/**
 * Reminders a 组长 / 学习委员 sends to teammates who have not checked in (issue #18 item 1). They go through the
 * member's OWN reminder credits (one per message, never more than the member granted) and share the daily
 * reminder's once-a-day mark, `reminderLastDay`: a member reminded today — by their own timed reminder, by a leader
 * or by a second leader — is not reminded again that day.
 */
export function nudgeSkip(
  e: Pick<EnrollmentDoc, 'checkedDays' | 'madeUpDays' | 'reminderLastDay' | 'reminderCredits'>,
  day: string,
): NudgeSkip | null {
  if (e.checkedDays.includes(day) || e.madeUpDays.includes(day)) return 'checked_in'
  if (e.reminderLastDay === day) return 'already_reminded'
  if ((e.reminderCredits ?? 0) <= 0) return 'no_credit'
  return null
}

/** The check-in day a leader may remind for now: today while the period runs and today is one of its days. */
export function nudgeDay(period: PeriodDoc, now: number): { day: string; dayIndex: number } | null {
  if (period.status === 'draft' || period.status === 'closed') return null
  const where = periodDay(period, now)
  return where.kind === 'day' ? { day: where.today, dayIndex: where.index } : null
}
