import { daysBetween } from '../business-day'
import type { PeriodDoc } from './model'
import { dayAt } from './period-time'

export const CALENDAR_STATUSES = ['checked', 'made_up', 'missed', 'today', 'upcoming', 'not_joined'] as const
export type CalendarStatus = (typeof CALENDAR_STATUSES)[number]

export const CALENDAR_STATUS_LABEL: Readonly<Record<CalendarStatus, string>> = {
  checked: '已打卡',
  made_up: '已补卡',
  missed: '未打卡',
  today: '今日待打卡',
  upcoming: '未开始',
  not_joined: '未加入',
}

export interface CalendarDay {
  /** 第 index 天. */
  index: number
  day: string
  status: CalendarStatus
  /** A missed day the policy still allows to make up (the points balance is checked on submit). */
  canMakeUp: boolean
  theme: string | null
}

/**
 * The member's calendar for the period. `today` is the business day under the period's cut-off (todayOf).
 * Pass `joinedDay` to mark days before the member joined, which can never be made up.
 */
export function calendar(
  period: PeriodDoc,
  checkinDays: readonly string[],
  makeupDays: readonly string[],
  today: string,
  joinedDay?: string,
): CalendarDay[] {
  const checked = new Set(checkinDays)
  const madeUp = new Set(makeupDays)
  const policy = period.makeup
  const makeupsLeft = policy.maxCount - madeUp.size
  const acceptsMakeups = period.status !== 'closed' && period.status !== 'draft' && policy.maxCount > 0
  const days: CalendarDay[] = []
  for (let index = 1; index <= period.lengthDays; index++) {
    const day = dayAt(period, index)
    const ago = daysBetween(day, today)
    const beforeJoin = joinedDay !== undefined && day < joinedDay
    let status: CalendarStatus
    if (checked.has(day)) status = 'checked'
    else if (madeUp.has(day)) status = 'made_up'
    else if (ago < 0) status = 'upcoming'
    else if (ago === 0) status = 'today'
    else if (beforeJoin) status = 'not_joined'
    else status = 'missed'
    const canMakeUp = status === 'missed' && acceptsMakeups && makeupsLeft > 0 && ago <= policy.withinDays
    const theme = period.tasks.find((t) => t.day === index)?.theme ?? null
    days.push({ index, day, status, canMakeUp, theme })
  }
  return days
}

/** Counts for the calendar header: 已打卡 N 天 / 共 M 天. */
export function calendarSummary(days: readonly CalendarDay[]): { checked: number; madeUp: number; missed: number; total: number } {
  const count = (s: CalendarStatus) => days.filter((d) => d.status === s).length
  return { checked: count('checked'), madeUp: count('made_up'), missed: count('missed'), total: days.length }
}
