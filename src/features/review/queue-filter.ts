import type { BacklogSummary, QueueKind } from '@cloud/domain/review'
import type { QueueFilter } from './api'

/** The queue's filter travels to the review page in its query, so "下一条" walks the same queue. */

const KINDS: readonly QueueKind[] = ['pending', 'flagged', 'returned']

export function filterParams(f: QueueFilter): { kind: QueueKind; day: string; periodId?: string; assignee?: string } {
  return {
    kind: f.kind,
    day: f.day,
    ...(f.periodId ? { periodId: f.periodId } : {}),
    ...(f.assignee ? { assignee: f.assignee } : {}),
  }
}

/** Reads a filter back from route params; anything unknown falls back to today's pending queue. */
export function filterFromParams(param: (name: string) => string): QueueFilter {
  const kind = KINDS.find((k) => k === param('kind')) ?? 'pending'
  const day = param('day')
  const periodId = param('periodId')
  const assignee = param('assignee')
  const filter: QueueFilter = { kind, day: day === 'all' || /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : 'today' }
  return { ...filter, ...(periodId ? { periodId } : {}), ...(assignee ? { assignee } : {}) }
}

/** The period option that means "every period I teach" (ids never equal it: they are generated). */
export const ALL_PERIODS = 'all'

export interface FilterOption {
  value: string
  label: string
}

/** 今天 / 全部日期 / each older day that still has a backlog, with its count; the chosen day stays listed. */
export function dayOptions(backlog: BacklogSummary | null, chosen: string): FilterOption[] {
  const days = backlog?.byDay ?? []
  const options: FilterOption[] = [
    { value: 'today', label: '今天' },
    { value: 'all', label: backlog ? `全部日期 ${backlog.total}` : '全部日期' },
    ...days.map((d) => ({ value: d.day, label: `${d.day.slice(5)} · ${d.count}` })),
  ]
  if (chosen !== 'today' && chosen !== 'all' && !days.some((d) => d.day === chosen)) options.push({ value: chosen, label: chosen.slice(5) })
  return options
}

/** 全部期次 / each period with a backlog, titled when the title is known; the chosen period stays listed. */
export function periodOptions(backlog: BacklogSummary | null, titles: ReadonlyMap<string, string>, chosen?: string): FilterOption[] {
  const periods = backlog?.byPeriod ?? []
  const title = (id: string) => titles.get(id) ?? '期次'
  const options: FilterOption[] = [
    { value: ALL_PERIODS, label: '全部期次' },
    ...periods.map((p) => ({ value: p.periodId, label: `${title(p.periodId)} · ${p.count}` })),
  ]
  if (chosen && !periods.some((p) => p.periodId === chosen)) options.push({ value: chosen, label: title(chosen) })
  return options
}
