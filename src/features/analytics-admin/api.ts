import { callAction } from '@/shared/cloud'
import type { ExportFormat } from '@cloud/contracts/analytics'

/** The `analytics` function (admin only; the function checks the role, these pages only hide the entry). */

export interface RecomputeResult {
  periodId: string
  days: number
  computedAt: number
}

export const layers = () => callAction('analytics', 'layers')
export const periods = () => callAction('analytics', 'periods')
export const periodDashboard = (periodId: string) => callAction('analytics', 'periodDashboard', { periodId })
export const refresh = (periodId: string) => callAction('analytics', 'refresh', { periodId })
export const setRounds = (periodId: string, rounds: { name: string; startDay: string }[]) =>
  callAction('analytics', 'setRounds', { periodId, rounds })

export function periodMembers(periodId: string, after?: string) {
  return callAction('analytics', 'periodMembers', after ? { periodId, after } : { periodId })
}

export interface ConversionInput {
  periodId: string
  memberId: string
  round: number
  /** Omitted when the operator left the amount empty. */
  amountFen?: number
}

export const recordConversion = (input: ConversionInput) => callAction('analytics', 'recordConversion', { ...input })
export const correctConversion = (input: ConversionInput) => callAction('analytics', 'correctConversion', { ...input })
export const exportPeriod = (periodId: string, format: ExportFormat) => callAction('analytics', 'exportPeriod', { periodId, format })
