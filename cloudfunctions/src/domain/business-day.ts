/**
 * Business days are calendar days in Asia/Shanghai (UTC+8, no daylight saving),
 * whatever time zone the server runs in. A camp may move the day's cut-off later
 * than midnight (e.g. 02:00 means a 01:30 check-in still counts for yesterday).
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** `YYYY-MM-DD` of the business day that contains `epochMs`. */
export function businessDay(epochMs: number, cutoffMinutes = 0): string {
  if (!Number.isFinite(epochMs)) throw new RangeError('epochMs must be a finite number')
  if (!Number.isInteger(cutoffMinutes) || cutoffMinutes < 0 || cutoffMinutes >= 24 * 60) {
    throw new RangeError('cutoffMinutes must be an integer in [0, 1440)')
  }
  const shifted = new Date(epochMs + SHANGHAI_OFFSET_MS - cutoffMinutes * 60_000)
  return shifted.toISOString().slice(0, 10)
}

/** The instant (epoch ms) a business day starts, honouring the cut-off. */
export function businessDayStart(day: string, cutoffMinutes = 0): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) throw new RangeError(`not a business day: ${day}`)
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (new Date(utcMidnight).toISOString().slice(0, 10) !== day) throw new RangeError(`not a calendar date: ${day}`)
  return utcMidnight - SHANGHAI_OFFSET_MS + cutoffMinutes * 60_000
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((businessDayStart(to) - businessDayStart(from)) / DAY_MS)
}

/** The business day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return businessDay(businessDayStart(day) + n * DAY_MS)
}

/** Whether `day` is `YYYY-MM-DD` naming a real calendar day (no 2026-02-30, no month 13), years 1970–9999. */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m || Number(m[1]) < 1970) return false
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === day
}
