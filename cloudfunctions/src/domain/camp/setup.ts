import { daysBetween } from '../business-day'
import type { BoundGroup, CampDoc, DailyTask, MakeupPolicy, PeriodDoc, PointsRules } from './model'
import { parseHHmm } from './period-time'
import { rejectCamp, type CampRejection } from './rejections'

/** Admin setup of camps and periods: defaults, cross-field checks the schemas cannot express, new documents. */

export const DEFAULT_POINTS_RULES: PointsRules = {
  perCheckin: 10,
  streakMilestones: [
    { days: 7, bonus: 30 },
    { days: 14, bonus: 60 },
    { days: 21, bonus: 100 },
  ],
  completion: { minCheckins: 6, bonus: 100 },
  groupMultiplier: 2,
}

export const DEFAULT_MAKEUP_POLICY: MakeupPolicy = { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true }

export type CampSetup = Pick<CampDoc, 'title' | 'subject' | 'gradeTags' | 'coverFileId' | 'description' | 'scoreScale'>

/** What an admin form sets; bound groups are not in it (an operator binds them from inside the group). */
export type PeriodSetup = Omit<PeriodDoc, '_id' | 'status' | 'stats' | 'createdAt' | 'updatedAt' | 'boundGroups'>

export function newCamp(id: string, setup: CampSetup, createdBy: string, now: number): CampDoc {
  return { _id: id, ...setup, gradeTags: [...new Set(setup.gradeTags)], archived: false, createdBy, createdAt: now, updatedAt: now }
}

/** A new period starts as a draft without groups; publishing sets status 'open'. An edit passes the groups it keeps. */
export function newPeriod(id: string, setup: PeriodSetup, now: number, boundGroups: readonly BoundGroup[] = []): PeriodDoc {
  return {
    _id: id,
    ...setup,
    boundGroups: [...boundGroups],
    tasks: sortTasks(setup.tasks),
    points: { ...setup.points, streakMilestones: [...setup.points.streakMilestones].sort((a, b) => a.days - b.days) },
    status: 'draft',
    stats: null,
    createdAt: now,
    updatedAt: now,
  }
}

export const sortTasks = (tasks: readonly DailyTask[]): DailyTask[] => [...tasks].sort((a, b) => a.day - b.day)

const invalid = (field: string, why: string) => rejectCamp('CAMP.CONFIG_INVALID', { field }, `打卡营设置不正确：${why}`)

/** Rules across fields; call on a period as it would be after a create or edit. */
export function checkPeriodSetup(p: PeriodSetup): CampRejection | null {
  const days = p.lengthDays
  const taskDays = p.tasks.map((t) => t.day)
  if (taskDays.some((d) => d < 1 || d > days)) return invalid('tasks', `任务日期必须在第 1–${days} 天之间`)
  if (new Set(taskDays).size !== taskDays.length) return invalid('tasks', '每天只能有一个任务')
  if (p.contentTypes.length === 0) return invalid('contentTypes', '至少允许一种打卡形式')
  if (p.window && parseHHmm(p.window.start) === parseHHmm(p.window.end)) return invalid('window', '打卡时间段的开始和结束不能相同')
  const milestoneDays = p.points.streakMilestones.map((m) => m.days)
  if (milestoneDays.some((d) => d < 2 || d > days)) return invalid('points.streakMilestones', `连续打卡奖励的天数必须在 2–${days} 之间`)
  if (new Set(milestoneDays).size !== milestoneDays.length) return invalid('points.streakMilestones', '连续打卡奖励的天数不能重复')
  if (p.points.completion.minCheckins > days) return invalid('points.completion', '结营所需打卡天数不能超过本期天数')
  if (p.makeup.withinDays >= days) return invalid('makeup.withinDays', '可补卡天数必须小于本期天数')
  if (p.joinUntilDay !== null && (p.joinUntilDay < 1 || p.joinUntilDay > days))
    return invalid('joinUntilDay', `截止加入日期必须在第 1–${days} 天之间`)
  return null
}

/** Edits that would rewrite history are refused once the period has started (length, start day). */
export function checkPeriodEdit(before: PeriodDoc, after: PeriodSetup, today: string): CampRejection | null {
  const started = before.status !== 'draft' && daysBetween(before.startDay, today) >= 0
  if (started && (after.startDay !== before.startDay || after.lengthDays !== before.lengthDays)) {
    return invalid('startDay', '开营后不能修改开始日期和天数')
  }
  if (before.status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  return checkPeriodSetup(after)
}
