/**
 * CloudBase timer trigger schedules: 7 fields `second minute hour day month weekday year`,
 * evaluated in UTC+8 (Asia/Shanghai, no DST) while function code runs in UTC.
 * cron-parser handles the first six fields (incl. `?`, `L`, `W`, `#`, names);
 * it has no year field, so the year is matched here.
 *
 * Weekday numbers follow SCF's current documentation and standard cron: 0 = Sunday.
 * (Older WeChat docs said 0 = Monday; names such as MON avoid the ambiguity.)
 */
import { CronExpressionParser } from 'cron-parser'

export const TRIGGER_TIMEZONE = 'Asia/Shanghai'
const UTC8_MS = 8 * 3600_000
/** Enough steps to cross a year filter that skips a few years of a frequent schedule. */
const MAX_YEAR_SKIPS = 10_000

export interface TimerSchedule {
  /** The latest slot at or before `epochMs`, if any. */
  latestAtOrBefore(epochMs: number): number | undefined
  /** The first slot strictly after `epochMs`, if any. */
  nextAfter(epochMs: number): number | undefined
}

export function parseTimerSchedule(config: string): TimerSchedule {
  const fields = config.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`timer trigger config "${config}" must have 7 fields: second minute hour day month weekday year`)
  const sixFields = fields.slice(0, 6).join(' ')
  const yearMatches = yearMatcher(fields[6])
  // Parse once up front so a bad config fails where it is read, not at the first tick.
  CronExpressionParser.parse(sixFields, { tz: TRIGGER_TIMEZONE })
  const yearOf = (ms: number) => new Date(ms + UTC8_MS).getUTCFullYear()

  const walk = (fromMs: number, step: 'next' | 'prev', accept: (ms: number) => boolean): number | undefined => {
    const expr = CronExpressionParser.parse(sixFields, { tz: TRIGGER_TIMEZONE, currentDate: new Date(fromMs) })
    for (let i = 0; i < MAX_YEAR_SKIPS; i++) {
      let ms: number
      try {
        ms = (step === 'next' ? expr.next() : expr.prev()).getTime()
      } catch {
        return undefined // the parser ran out of dates
      }
      const year = yearOf(ms)
      if (accept(ms) && yearMatches(year)) return ms
      if (year < 1970 || year > 2099) return undefined
    }
    return undefined
  }

  return {
    // Start a second late and step back: the parser works in whole seconds and treats its start as exclusive.
    latestAtOrBefore: (epochMs) => walk(epochMs + 1000, 'prev', (ms) => ms <= epochMs),
    nextAfter: (epochMs) => walk(epochMs, 'next', (ms) => ms > epochMs),
  }
}

/** Year field: `*`, `2026`, `2026-2028`, `2026,2030`, `*\/2`, `2026/2` (SCF allows `, - * /`). */
export function yearMatcher(field: string): (year: number) => boolean {
  const parts = field.split(',').map((part) => {
    const [range, stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    let from = 1970
    let to = 2099
    if (range !== '*') {
      const [a, b] = range.split('-')
      from = Number(a)
      to = b === undefined ? (stepText === undefined ? from : 2099) : Number(b)
    }
    if (![from, to, step].every(Number.isInteger) || step < 1 || from > to) throw new Error(`invalid year field "${field}"`)
    return (y: number) => y >= from && y <= to && (y - from) % step === 0
  })
  return (year) => parts.some((p) => p(year))
}

/** The `Time` of a timer event: UTC, whole seconds, as SCF sends it ("2019-02-21T11:49:00Z"). */
export function timerEventTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}
