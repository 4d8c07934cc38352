import { callCloud } from '@/shared/cloud'
import type {
  ConversionView,
  ExportFormat,
  ExportView,
  LayersView,
  PeriodDashboardView,
  PeriodMembersPage,
  PeriodOption,
  RoundView,
} from '@cloud/contracts/analytics'

/** The `analytics` function (admin only; the function checks the role, these pages only hide the entry). */

export interface RecomputeResult {
  periodId: string
  days: number
  computedAt: number
}

export const layers = () => callCloud<LayersView>('analytics', 'layers')
export const periods = () => callCloud<PeriodOption[]>('analytics', 'periods')
export const periodDashboard = (periodId: string) => callCloud<PeriodDashboardView>('analytics', 'periodDashboard', { periodId })
export const refresh = (periodId: string) => callCloud<RecomputeResult>('analytics', 'refresh', { periodId })
export const setRounds = (periodId: string, rounds: { name: string; startDay: string }[]) =>
  callCloud<RoundView[]>('analytics', 'setRounds', { periodId, rounds })

export function periodMembers(periodId: string, after?: string) {
  return callCloud<PeriodMembersPage>('analytics', 'periodMembers', after ? { periodId, after } : { periodId })
}

export interface ConversionInput {
  periodId: string
  memberId: string
  round: number
  /** Omitted when the operator left the amount empty. */
  amountFen?: number
}

export const recordConversion = (input: ConversionInput) => callCloud<ConversionView>('analytics', 'recordConversion', { ...input })
export const correctConversion = (input: ConversionInput) => callCloud<ConversionView>('analytics', 'correctConversion', { ...input })
export const exportPeriod = (periodId: string, format: ExportFormat) =>
  callCloud<ExportView>('analytics', 'exportPeriod', { periodId, format })
