/**
 * One period's numbers for one business day, computed from that day's events and always overwritten whole, so a
 * recompute over the same events gives the same document.
 */
import { SHANGHAI_OFFSET_MS } from '../business-day'

export const HOURS = 24
export const WEEKDAYS = 7
/** Monday first, as Chinese calendars show it. */
export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

/** Shanghai wall-clock weekday (0 = Monday) and hour of an instant, whatever zone the server runs in. */
export function wallClockCell(at: number): { weekday: number; hour: number } {
  const d = new Date(at + SHANGHAI_OFFSET_MS)
  return { weekday: (d.getUTCDay() + 6) % 7, hour: d.getUTCHours() }
}

/** Weekday (0 = Monday) of a business day `YYYY-MM-DD`. */
export function weekdayOfDay(day: string): number {
  const d = new Date(`${day}T00:00:00Z`)
  return (d.getUTCDay() + 6) % 7
}

export interface CheckinFact {
  memberId: string
  at: number
}

export interface PeriodDayStatsDoc {
  /** `{periodId}:{day}` */
  _id: string
  periodId: string
  day: string
  /** 1-based 第 N 天. */
  dayIndex: number
  weekday: number
  /** Distinct members with an on-time check-in for this day. */
  checkedIn: number
  /** Make-ups done for this day. */
  makeups: number
  newJoins: number
  /** Check-ins per Shanghai wall-clock hour 0–23. */
  hours: number[]
  /** Check-ins per wall-clock cell, index weekday × 24 + hour: a check-in after midnight that still counts for the
   *  previous business day lands on the next weekday's row, where the member actually was at that moment. */
  heat: number[]
  computedAt: number
}

export interface DayStatsInput {
  periodId: string
  day: string
  dayIndex: number
  checkins: readonly CheckinFact[]
  makeups: number
  newJoins: number
  computedAt: number
}

export const dayStatsId = (periodId: string, day: string) => `${periodId}:${day}`

export function buildDayStats(input: DayStatsInput): PeriodDayStatsDoc {
  const hours = new Array<number>(HOURS).fill(0)
  const heat = new Array<number>(HOURS * WEEKDAYS).fill(0)
  const members = new Set<string>()
  for (const c of input.checkins) {
    const cell = wallClockCell(c.at)
    hours[cell.hour] += 1
    heat[cell.weekday * HOURS + cell.hour] += 1
    members.add(c.memberId)
  }
  return {
    _id: dayStatsId(input.periodId, input.day),
    periodId: input.periodId,
    day: input.day,
    dayIndex: input.dayIndex,
    weekday: weekdayOfDay(input.day),
    checkedIn: members.size,
    makeups: input.makeups,
    newJoins: input.newJoins,
    hours,
    heat,
    computedAt: input.computedAt,
  }
}

/** Sums the days' cells into a 7 × 24 grid (rows Monday..Sunday). */
export function heatmapOf(days: readonly Pick<PeriodDayStatsDoc, 'heat'>[]): number[][] {
  const grid = Array.from({ length: WEEKDAYS }, () => new Array<number>(HOURS).fill(0))
  for (const d of days) d.heat.forEach((n, i) => (grid[Math.floor(i / HOURS)][i % HOURS] += n))
  return grid
}

/** The hours with the most check-ins (高频打卡时间段), busiest first, ties by earlier hour. */
export function busiestHours(days: readonly Pick<PeriodDayStatsDoc, 'hours'>[], top = 3): { hour: number; checkins: number }[] {
  const totals = new Array<number>(HOURS).fill(0)
  for (const d of days) d.hours.forEach((n, h) => (totals[h] += n))
  return totals
    .map((checkins, hour) => ({ hour, checkins }))
    .filter((x) => x.checkins > 0)
    .sort((a, b) => b.checkins - a.checkins || a.hour - b.hour)
    .slice(0, top)
}
