/**
 * One (period, day) cell of a reviewer's backlog, as the camp's queue counters sum it (services/camp/queue-counters.ts:
 * the period's shards by `_id`, its `days` or its reviewer's `teams`).
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
