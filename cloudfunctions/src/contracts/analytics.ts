import { z } from 'zod'
import type { FunnelSummary, RoundRate, ShownLayer } from '../domain/analytics'
import type { PeriodStatus } from '../domain/camp'
import { DaySchema } from './calendar'
import { IdSchema } from './camp'
import { KeyPartSchema } from './points'

/** Inputs of the `analytics` function (admin only, parsed at the handler) and the views its pages render. */

const action = <A extends string>(name: A) => z.literal(name)
const periodId = IdSchema
const Round = z.number().int().min(1).max(3)
/** Fen (分), so amounts stay integers; ≤ 1,000,000 yuan. */
const AmountFen = z.number().int().min(0).max(100_000_000)
const Note = z.string().trim().max(200)

export const RoundInputSchema = z.object({ name: z.string().trim().min(1).max(20), startDay: DaySchema }).strict()

export const AnalyticsRequest = z.discriminatedUnion('action', [
  z.object({ action: action('layers') }).strict(),
  z.object({ action: action('periods') }).strict(),
  z.object({ action: action('periodDashboard'), periodId }).strict(),
  z.object({ action: action('refresh'), periodId }).strict(),
  z.object({ action: action('setRounds'), periodId, rounds: z.array(RoundInputSchema).max(3) }).strict(),
  z
    .object({
      action: action('periodMembers'),
      periodId,
      after: KeyPartSchema.optional(),
      limit: z.number().int().min(1).max(100).default(50),
    })
    .strict(),
  z
    .object({
      action: action('recordConversion'),
      periodId,
      memberId: KeyPartSchema,
      round: Round,
      amountFen: AmountFen.optional(),
      note: Note.optional(),
    })
    .strict(),
  z
    .object({
      action: action('correctConversion'),
      periodId,
      memberId: KeyPartSchema,
      round: Round.optional(),
      amountFen: AmountFen.nullable().optional(),
      note: Note.optional(),
    })
    .strict(),
  z.object({ action: action('exportPeriod'), periodId, format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict(),
])
export type AnalyticsRequest = z.infer<typeof AnalyticsRequest>

export interface LayerCountView {
  layer: ShownLayer
  label: string
  count: number
}
export interface LayerPathView {
  from: string
  to: string
  label: string
  count: number
}
export interface LayersView {
  today: string
  counts: LayerCountView[]
  paths: LayerPathView[]
  /** When the layer timer last ran; null = never. */
  computedAt: number | null
}

export interface PeriodOption {
  id: string
  title: string
  startDay: string
  lengthDays: number
  /** As the calendar has it now: open (招募中) / running / ended / closed. */
  status: PeriodStatus
  /** Days of the period begun so far (0 before it starts); later days are not reached and have no rates yet. */
  reachedDays: number
}

export interface RoundView {
  round: number
  name: string
  startDay: string
}

export interface DayStatsView {
  day: string
  dayIndex: number
  checkedIn: number
  makeups: number
  newJoins: number
}

/** The funnel, breakdowns and curves (all zero / empty until computed), plus the day stats and rounds. */
export interface PeriodDashboardView extends Omit<FunnelSummary, 'paidByRound'> {
  period: PeriodOption
  /** null until the period was computed once (刷新数据 or the timer). */
  computedAt: number | null
  days: DayStatsView[]
  /** 7 rows (周一..周日) × 24 hours of check-ins. */
  heatmap: number[][]
  busiestHours: { hour: number; checkins: number }[]
  rounds: RoundRate[]
}

export interface ConversionView {
  periodId: string
  memberId: string
  round: number
  amountFen: number | null
  note: string
  recordedAt: number
  updatedAt: number
}

export interface PeriodMemberView {
  memberId: string
  nickname: string
  checkins: number
  makeups: number
  completed: boolean
  conversion: ConversionView | null
}
export interface PeriodMembersPage {
  items: PeriodMemberView[]
  /** Pass as `after` for the next page; null = last page. */
  next: string | null
  rounds: RoundView[]
}

/** xlsx: the workbook with one sheet per table; csv: the member table only. */
export type ExportFormat = 'xlsx' | 'csv'

export interface ExportView {
  url: string
  fileId: string
  /** `英语口语打卡 第3期 2026-07-03.xlsx` */
  fileName: string
  format: ExportFormat
  /** Members exported. */
  rows: number
}
