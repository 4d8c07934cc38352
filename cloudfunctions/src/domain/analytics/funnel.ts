/**
 * A period's funnel and curves, folded member by member so a 10,000-member period is read page by page and never held
 * whole: joined → checked in at least once → checked in on at least half the days → completed → paid.
 */
import { addDays, daysBetween } from '../business-day'
import { rate } from './rates'

export const FUNNEL_STAGES = ['joined', 'checkedIn', 'half', 'completed', 'paid'] as const
export type FunnelStage = (typeof FUNNEL_STAGES)[number]
export type StageCounts = Record<FunnelStage, number>

export const STAGE_LABELS: Readonly<Record<FunnelStage, string>> = {
  joined: '报名',
  checkedIn: '至少打卡 1 天',
  half: '打卡过半',
  completed: '完成',
  paid: '付费',
}

/** Breakdown rows kept per dimension (the biggest channels / posters by joins). */
export const TOP_BREAKDOWN = 10
/** Members who arrived with no channel or poster tag. */
export const UNTAGGED = '(无)'
export const MAX_ROUNDS = 3

export interface PeriodShape {
  startDay: string
  lengthDays: number
  /** points.completion.minCheckins */
  minCheckins: number
}

export interface FunnelMember {
  joinedDay: string
  /** Days checked, on time or made up. */
  days: readonly string[]
  channel: string | null
  posterCode: string | null
  /** 1..3, or null when not paid. */
  paidRound: number | null
}

export interface FunnelAccumulator {
  shape: PeriodShape
  stages: StageCounts
  byChannel: Map<string, StageCounts>
  byPoster: Map<string, StageCounts>
  checked: number[]
  enrolled: number[]
  retained: number[]
  firstDay: number
  paidByRound: number[]
}

const zero = (): StageCounts => ({ joined: 0, checkedIn: 0, half: 0, completed: 0, paid: 0 })

export function newFunnel(shape: PeriodShape): FunnelAccumulator {
  const n = shape.lengthDays
  return {
    shape,
    stages: zero(),
    byChannel: new Map(),
    byPoster: new Map(),
    checked: new Array<number>(n).fill(0),
    enrolled: new Array<number>(n).fill(0),
    retained: new Array<number>(n).fill(0),
    firstDay: 0,
    paidByRound: new Array<number>(MAX_ROUNDS).fill(0),
  }
}

/** Half the days, rounded up: 4 of 7, 7 of 14, 11 of 21. */
export const halfOf = (lengthDays: number) => Math.ceil(lengthDays / 2)

/** Which stages one member reached (each stage implies the ones before it, except paid, which stands alone). */
export function stagesOf(m: FunnelMember, shape: PeriodShape): FunnelStage[] {
  const checked = new Set(m.days).size
  const out: FunnelStage[] = ['joined']
  if (checked >= 1) out.push('checkedIn')
  if (checked >= halfOf(shape.lengthDays)) out.push('half')
  if (checked >= shape.minCheckins) out.push('completed')
  if (m.paidRound !== null) out.push('paid')
  return out
}

function bump(map: Map<string, StageCounts>, key: string, stages: FunnelStage[]): void {
  const counts = map.get(key) ?? zero()
  for (const s of stages) counts[s] += 1
  map.set(key, counts)
}

export function addMember(acc: FunnelAccumulator, m: FunnelMember): void {
  const { shape } = acc
  const stages = stagesOf(m, shape)
  for (const s of stages) acc.stages[s] += 1
  bump(acc.byChannel, m.channel || UNTAGGED, stages)
  bump(acc.byPoster, m.posterCode || UNTAGGED, stages)
  const indexes = new Set<number>()
  for (const day of m.days) {
    const i = daysBetween(shape.startDay, day)
    if (i >= 0 && i < shape.lengthDays) indexes.add(i)
  }
  const joinedAt = Math.max(0, daysBetween(shape.startDay, m.joinedDay))
  for (let i = joinedAt; i < shape.lengthDays; i++) acc.enrolled[i] += 1
  for (const i of indexes) acc.checked[i] += 1
  if (indexes.has(0)) {
    acc.firstDay += 1
    for (const i of indexes) acc.retained[i] += 1
  }
  if (m.paidRound !== null && m.paidRound >= 1 && m.paidRound <= MAX_ROUNDS) acc.paidByRound[m.paidRound - 1] += 1
}

export interface BreakdownRow extends StageCounts {
  key: string
}
export interface CurvePoint {
  dayIndex: number
  day: string
  count: number
  of: number
  rate: number
}
export interface FunnelSummary {
  stages: StageCounts
  byChannel: BreakdownRow[]
  byPoster: BreakdownRow[]
  /** Of the members enrolled by that day, the share who checked in for it. */
  participation: CurvePoint[]
  /** Of the members who checked in on 第 1 天, the share who checked in on 第 d 天. */
  retention: CurvePoint[]
  completionRate: number
  paidByRound: number[]
}

const topRows = (map: Map<string, StageCounts>, top: number): BreakdownRow[] =>
  [...map.entries()]
    .map(([key, counts]) => ({ key, ...counts }))
    .sort((a, b) => b.joined - a.joined || a.key.localeCompare(b.key))
    .slice(0, top)

/** `top` rows per breakdown: the dashboard keeps the biggest 10, the export keeps them all. */
export function finishFunnel(acc: FunnelAccumulator, top = TOP_BREAKDOWN): FunnelSummary {
  const day = (i: number) => addDays(acc.shape.startDay, i)
  return {
    stages: { ...acc.stages },
    byChannel: topRows(acc.byChannel, top),
    byPoster: topRows(acc.byPoster, top),
    participation: acc.checked.map((count, i) => ({
      dayIndex: i + 1,
      day: day(i),
      count,
      of: acc.enrolled[i],
      rate: rate(count, acc.enrolled[i]),
    })),
    retention: acc.retained.map((count, i) => ({ dayIndex: i + 1, day: day(i), count, of: acc.firstDay, rate: rate(count, acc.firstDay) })),
    completionRate: rate(acc.stages.completed, acc.stages.joined),
    paidByRound: [...acc.paidByRound],
  }
}
