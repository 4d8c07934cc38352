/** What the operator pages read: a few small reads of pre-computed documents each, never a scan of events. */
import type { DayStatsView, LayersView, PeriodDashboardView, PeriodOption } from '../../contracts/analytics'
import { businessDay } from '../../domain/business-day'
import { effectiveStatus, type CampDoc, type PeriodDoc } from '../../domain/camp'
import { LAYER_LABEL } from '../../domain/identity'
import {
  busiestHours,
  heatmapOf,
  layerCountQueries,
  reachedDays,
  rejectAnalytics,
  roundRates,
  type AnalyticsCode,
  type LayerCountQuery,
  type PeriodDayStatsDoc,
  type ShownLayer,
} from '../../domain/analytics'
import type { Rejection } from '../../domain/kernel'
import { command } from '../../shared/repository'
import { campOf, campsByIds, latestPeriodsIn, periodOf } from '../camp/analytics-reads'
import { roundsOf } from './conversions'
import { CURSOR_ID, type LayerCursor } from './layer-timer'
import { DAY_STATS, FUNNELS, LAYER_PATHS, MEMBER_LAYERS, PATHS_ID, repo } from './store'

const SHOWN_ORDER: ShownLayer[] = ['L1', 'L2', 'L3', 'L4', 'L5', 'sleeping']
const labelOf = (layer: string) => (layer === 'none' ? '新用户' : ((LAYER_LABEL as Record<string, string>)[layer] ?? layer))

function layerFilter(q: LayerCountQuery): object {
  const _ = command()
  const parts: Record<string, unknown>[] = [{ layer: q.layer }]
  if (q.from) parts.push({ lastActiveDay: _.gte(q.from) })
  if (q.before) parts.push({ lastActiveDay: _.lt(q.before) })
  return parts.length === 1 ? parts[0] : _.and(parts)
}

export async function layersOverview(now: number): Promise<LayersView> {
  const today = businessDay(now)
  const queries = layerCountQueries(today)
  const totals = await Promise.all(queries.map((q) => repo.count(MEMBER_LAYERS, layerFilter(q))))
  const byLayer = new Map<ShownLayer, number>()
  queries.forEach((q, i) => byLayer.set(q.shown, (byLayer.get(q.shown) ?? 0) + totals[i]))
  const [paths, cursor] = await Promise.all([repo.get(LAYER_PATHS, PATHS_ID), repo.getMeta<LayerCursor>(CURSOR_ID)])
  return {
    today,
    counts: SHOWN_ORDER.map((layer) => ({ layer, label: LAYER_LABEL[layer], count: byLayer.get(layer) ?? 0 })),
    paths: Object.entries(paths?.counts ?? {})
      .map(([key, count]) => {
        const [from, to] = key.split('_')
        return { from, to, label: `${labelOf(from)} → ${labelOf(to)}`, count }
      })
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    computedAt: cursor?.updatedAt ?? null,
  }
}

/** The status the calendar says (the stored one stays `open` until a job moves it), like check-in rules read it. */
export function periodOption(p: PeriodDoc, camp: CampDoc | undefined, now: number): PeriodOption {
  return {
    id: p._id,
    title: `${camp?.title ?? '打卡营'} 第${p.index}期`,
    startDay: p.startDay,
    lengthDays: p.lengthDays,
    status: effectiveStatus(p, now),
    reachedDays: reachedDays(p, now),
  }
}

/** Periods an operator can pick, newest start first (drafts have no data). */
export async function periodOptions(now: number): Promise<PeriodOption[]> {
  const periods = await latestPeriodsIn(['open', 'running', 'ended', 'closed'], 100)
  const camps = await campsByIds([...new Set(periods.map((p) => p.campId))])
  return periods.map((p) => periodOption(p, camps.get(p.campId), now))
}

const dayView = (d: PeriodDayStatsDoc): DayStatsView => ({
  day: d.day,
  dayIndex: d.dayIndex,
  checkedIn: d.checkedIn,
  makeups: d.makeups,
  newJoins: d.newJoins,
})

export async function periodDashboard(periodId: string, now: number): Promise<PeriodDashboardView | Rejection<AnalyticsCode>> {
  const period = await periodOf(periodId)
  if (!period || period.status === 'draft') return rejectAnalytics('ANALYTICS.PERIOD_NOT_FOUND')
  const [camp, funnel, daysRes, rounds] = await Promise.all([
    campOf(period.campId),
    repo.get(FUNNELS, periodId),
    repo.col(DAY_STATS).where({ periodId }).orderBy('day', 'asc').limit(100).get(),
    roundsOf(periodId),
  ])
  const days = daysRes.data
  const stages = funnel?.stages ?? { joined: 0, checkedIn: 0, half: 0, completed: 0, paid: 0 }
  return {
    period: periodOption(period, camp ?? undefined, now),
    computedAt: funnel?.computedAt ?? null,
    stages,
    byChannel: funnel?.byChannel ?? [],
    byPoster: funnel?.byPoster ?? [],
    participation: funnel?.participation ?? [],
    retention: funnel?.retention ?? [],
    completionRate: funnel?.completionRate ?? 0,
    days: days.map(dayView),
    heatmap: heatmapOf(days),
    busiestHours: busiestHours(days),
    rounds: roundRates(rounds, funnel?.paidByRound ?? [], stages.joined, stages.completed),
  }
}
