import { addDays, businessDay, daysBetween, SHANGHAI_OFFSET_MS } from '../business-day'
import type { CheckinWindow, PeriodDoc, PeriodStatus } from './model'

/**
 * Time rules of a period. Everything is arithmetic on epoch ms plus the fixed Shanghai offset: no Date getters that
 * read the process time zone (a test scans for them), so a server in UTC and one in Shanghai agree.
 */

const MINUTE_MS = 60_000
const DAY_MINUTES = 24 * 60
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes since 00:00 on the Shanghai wall clock (0..1439). */
export function shanghaiMinuteOfDay(epochMs: number): number {
  if (!Number.isFinite(epochMs)) throw new RangeError('epochMs must be a finite number')
  const shifted = Math.floor((epochMs + SHANGHAI_OFFSET_MS) / MINUTE_MS)
  return ((shifted % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES
}

export function isHHmm(value: string): boolean {
  return HHMM.test(value)
}

/** `HH:mm` → minutes since midnight. */
export function parseHHmm(value: string): number {
  const m = HHMM.exec(value)
  if (!m) throw new RangeError(`not a HH:mm time: ${value}`)
  return Number(m[1]) * 60 + Number(m[2])
}

export function formatHHmm(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** Whether `now` falls in the wall-clock window (start inclusive, end exclusive, wrapping past midnight). */
export function inWindow(window: CheckinWindow | null, now: number): boolean {
  if (!window) return true
  const start = parseHHmm(window.start)
  const end = parseHHmm(window.end)
  const minute = shanghaiMinuteOfDay(now)
  if (start === end) return true
  return start < end ? minute >= start && minute < end : minute >= start || minute < end
}

/** The business day `now` belongs to under this period's cut-off. */
export function todayOf(period: Pick<PeriodDoc, 'cutoffMinutes'>, now: number): string {
  return businessDay(now, period.cutoffMinutes)
}

export function lastDayOf(period: Pick<PeriodDoc, 'startDay' | 'lengthDays'>): string {
  return addDays(period.startDay, period.lengthDays - 1)
}

/** `YYYY-MM-DD` of 第 `index` 天. */
export function dayAt(period: Pick<PeriodDoc, 'startDay' | 'lengthDays'>, index: number): string {
  if (!Number.isInteger(index) || index < 1 || index > period.lengthDays) throw new RangeError(`day index out of range: ${index}`)
  return addDays(period.startDay, index - 1)
}

/** 1-based index of `day` in the period, or null when outside it. */
export function indexOf(period: Pick<PeriodDoc, 'startDay' | 'lengthDays'>, day: string): number | null {
  const index = daysBetween(period.startDay, day) + 1
  return index >= 1 && index <= period.lengthDays ? index : null
}

export type PeriodDay =
  | { kind: 'before'; today: string; startsInDays: number }
  | { kind: 'day'; today: string; index: number }
  | { kind: 'after'; today: string; endedDaysAgo: number }

/** Where `now` falls: before 第 1 天, on 第 index 天, or after the last day. */
export function periodDay(period: Pick<PeriodDoc, 'startDay' | 'lengthDays' | 'cutoffMinutes'>, now: number): PeriodDay {
  const today = todayOf(period, now)
  const offset = daysBetween(period.startDay, today)
  if (offset < 0) return { kind: 'before', today, startsInDays: -offset }
  if (offset >= period.lengthDays) return { kind: 'after', today, endedDaysAgo: offset - period.lengthDays + 1 }
  return { kind: 'day', today, index: offset + 1 }
}

/** The status rules use: draft and closed are decisions, the rest follows the calendar (the stored value may lag). */
export function effectiveStatus(
  period: Pick<PeriodDoc, 'status' | 'startDay' | 'lengthDays' | 'cutoffMinutes'>,
  now: number,
): PeriodStatus {
  if (period.status === 'draft' || period.status === 'closed') return period.status
  const where = periodDay(period, now)
  if (where.kind === 'before') return 'open'
  return where.kind === 'day' ? 'running' : 'ended'
}

/**
 * The "today" streaks are measured against. Once the period is over it is the day after the last day, so the streak
 * freezes at what it was at the end (and is 0 if the last day was missed).
 */
export function streakToday(period: Pick<PeriodDoc, 'startDay' | 'lengthDays' | 'cutoffMinutes'>, now: number): string {
  const where = periodDay(period, now)
  return where.kind === 'after' ? addDays(lastDayOf(period), 1) : where.today
}
