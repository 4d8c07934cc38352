/**
 * What the dashboard's charts draw, as plain data (tested without a canvas): a daily curve keeps only the days the
 * period has reached (a day not reached is not a 0 %), the funnel keeps its stages in order with their share of joins.
 */
import type { StageCounts } from '@cloud/domain/analytics/funnel'
import type { CurvePoint } from '@cloud/domain/analytics/funnel'
import { percent } from '../format'
import { STAGES } from '../stages'

export interface LinePoint {
  /** `第3天`, the x category. */
  day: string
  /** 0..1 */
  rate: number
  count: number
  of: number
}

export interface CurveChart {
  /** Every day of the period, so the x axis shows how far the period has come. */
  days: string[]
  /** Only the days reached. */
  points: LinePoint[]
  /** Days of the period not reached yet (shown as a note, never as 0 %). */
  notReached: number
}

export const dayLabel = (dayIndex: number) => `第${dayIndex}天`

export function curveChart(points: readonly CurvePoint[], reachedDays: number): CurveChart {
  const reached = points.filter((p) => p.dayIndex <= reachedDays)
  return {
    days: points.map((p) => dayLabel(p.dayIndex)),
    points: reached.map((p) => ({ day: dayLabel(p.dayIndex), rate: p.rate, count: p.count, of: p.of })),
    notReached: points.length - reached.length,
  }
}

/** The text a screen reader gets (and what the page tests read): every point drawn, then the days not reached. */
export function curveSummary(chart: CurveChart): string {
  if (chart.points.length === 0) return '期次还没有开始，暂无数据'
  const drawn = chart.points.map((p) => `${p.day} ${percent(p.rate)}（${p.count}/${p.of}）`).join('，')
  return chart.notReached > 0 ? `${drawn}；其余 ${chart.notReached} 天未到` : drawn
}

export interface FunnelStep {
  stage: string
  /** 报名 / 打卡 / 过半 / 完成 / 付费: what fits beside the chart. */
  short: string
  count: number
  /** Of joined, 0..1. */
  share: number
}

export function funnelSteps(stages: StageCounts): FunnelStep[] {
  const joined = stages.joined
  return STAGES.map(({ key, label, short }) => ({ stage: label, short, count: stages[key], share: joined ? stages[key] / joined : 0 }))
}

export const funnelSummary = (steps: readonly FunnelStep[]) =>
  steps.map((s) => `${s.stage} ${s.count} 人（${percent(s.share)}）`).join(' → ')
