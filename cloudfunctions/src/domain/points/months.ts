import { SHANGHAI_OFFSET_MS } from '../business-day'

/**
 * Calendar months in Asia/Shanghai (UTC+8 all year, no daylight saving), whatever zone the process runs in:
 * only UTC getters are used on instants shifted by +8 h.
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** `YYYY-MM` of the Shanghai month containing `epochMs`. */
export function shanghaiMonth(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError('epochMs must be a finite number')
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7)
}

/** The instant the Shanghai month starts (00:00 on its 1st, Shanghai time). */
export function monthStart(month: string): number {
  const m = MONTH.exec(month)
  if (!m) throw new RangeError(`not a month: ${month}`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) - SHANGHAI_OFFSET_MS
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer')
  const m = MONTH.exec(month)
  if (!m) throw new RangeError(`not a month: ${month}`)
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + n, 1)).toISOString().slice(0, 7)
}

/** The first instant after the month: anything due "by the end of `month`" is past due at or after this. */
export function monthEndExclusive(month: string): number {
  return monthStart(addMonths(month, 1))
}

/** `YYYY-MM-DD` of the month's last day. */
export function lastDayOf(month: string): string {
  return new Date(monthEndExclusive(month) - 1 + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}
