import { exactMedian } from './histogram'
import type { ReviewDoc } from './model'
import { statsDay, type TeacherDayStats } from './stats-counter'

/**
 * Stats straight from review documents: the reference the counters (stats-counter.ts) must agree with, and fine for
 * small sets (a teacher's own day). Hot paths read the counter document instead.
 */
export function teacherStats(reviews: readonly ReviewDoc[], teacherId: string, now: number): TeacherDayStats {
  const day = statsDay(now)
  const today = reviews.filter((r) => r.reviewerId === teacherId && statsDay(r.reviewedAt) === day)
  const byPeriod = new Map<string, ReviewDoc[]>()
  for (const r of today) byPeriod.set(r.periodId, [...(byPeriod.get(r.periodId) ?? []), r])
  const returned = (rs: readonly ReviewDoc[]) => rs.filter((r) => r.outcome === 'returned').length
  return {
    teacherId,
    day,
    reviewed: today.length,
    returned: returned(today),
    medianWaitMinutes: exactMedian(today.map((r) => r.waitMinutes)),
    periods: [...byPeriod.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([periodId, rs]) => ({
        periodId,
        reviewed: rs.length,
        returned: returned(rs),
        medianWaitMinutes: exactMedian(rs.map((r) => r.waitMinutes)),
      })),
  }
}

/**
 * One row of the backlog aggregate the I/O layer runs (one request, on the queue index):
 *   checkins.aggregate().match({ periodId: _.in(ids), reviewStatus: 'pending', moderation: _.neq('risky') })
 *           .group({ _id: { periodId: '$periodId', day: '$day' }, count: $.sum(1) })
 *           .sort({ '_id.periodId': 1, '_id.day': 1 }).skip(n).limit(BACKLOG_PAGE)   // paged: no limit = 20 rows
 */
export interface BacklogGroup {
  periodId: string
  day: string
  count: number
}

export interface BacklogSummary {
  total: number
  /** Sorted by period id. */
  byPeriod: { periodId: string; count: number }[]
  /** Oldest day first. */
  byDay: { day: string; count: number }[]
  /** Per period and day, oldest day first within a period. */
  byPeriodDay: BacklogGroup[]
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Counts per period and day (zero groups dropped; duplicate groups, e.g. from merged pages, are added up). */
export function summarizeBacklog(groups: readonly BacklogGroup[]): BacklogSummary {
  const cells = new Map<string, BacklogGroup>()
  for (const g of groups) {
    if (g.count <= 0) continue
    const key = `${g.periodId}|${g.day}`
    const cell = cells.get(key)
    cells.set(key, { periodId: g.periodId, day: g.day, count: (cell?.count ?? 0) + g.count })
  }
  const byPeriodDay = [...cells.values()].sort((a, b) => byText(a.periodId, b.periodId) || byText(a.day, b.day))
  const sum = (key: 'periodId' | 'day') => {
    const m = new Map<string, number>()
    for (const c of byPeriodDay) m.set(c[key], (m.get(c[key]) ?? 0) + c.count)
    return [...m.entries()].sort(([a], [b]) => byText(a, b))
  }
  return {
    total: byPeriodDay.reduce((n, c) => n + c.count, 0),
    byPeriod: sum('periodId').map(([periodId, count]) => ({ periodId, count })),
    byDay: sum('day').map(([day, count]) => ({ day, count })),
    byPeriodDay,
  }
}
