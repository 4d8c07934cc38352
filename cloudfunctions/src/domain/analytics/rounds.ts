/** The three post-camp conversion offers (转化轮次) of a period and the share of members each converted. */
import { rejectAnalytics, type AnalyticsCode } from './rejections'
import type { Rejection } from '../kernel'
import { MAX_ROUNDS } from './funnel'
import { rate } from './rates'

export interface ConversionRound {
  /** 1..3 */
  round: number
  name: string
  /** Business day the offer starts. */
  startDay: string
}

/** `_id` = periodId. */
export interface ConversionRoundsDoc {
  _id: string
  rounds: ConversionRound[]
  updatedAt: number
}

/** `_id` = `{periodId}:{memberId}`: one paid conversion per member per period. */
export interface ConversionDoc {
  _id: string
  periodId: string
  memberId: string
  round: number
  amountFen: number | null
  note: string
  recordedBy: string
  recordedAt: number
  /** The admin who last corrected it. */
  correctedBy?: string
  updatedAt: number
}

export const conversionId = (periodId: string, memberId: string) => `${periodId}:${memberId}`

/** Rounds are numbered in order; each later round starts later. */
export function planRounds(input: readonly { name: string; startDay: string }[]): ConversionRound[] | Rejection<AnalyticsCode> {
  if (input.length > MAX_ROUNDS) return rejectAnalytics('ANALYTICS.ROUNDS_INVALID')
  const rounds = input.map((r, i) => ({ round: i + 1, name: r.name.trim(), startDay: r.startDay }))
  for (let i = 0; i < rounds.length; i++) {
    if (!rounds[i].name) return rejectAnalytics('ANALYTICS.ROUNDS_INVALID')
    if (i > 0 && rounds[i].startDay <= rounds[i - 1].startDay) return rejectAnalytics('ANALYTICS.ROUNDS_INVALID')
  }
  return rounds
}

export interface RoundRate {
  round: number
  name: string
  startDay: string
  paid: number
  /** paid / members of the period */
  rateOfMembers: number
  /** paid / members who completed */
  rateOfCompleted: number
}

export function roundRates(
  rounds: readonly ConversionRound[],
  paidByRound: readonly number[],
  members: number,
  completed: number,
): RoundRate[] {
  return rounds.map((r) => {
    const paid = paidByRound[r.round - 1] ?? 0
    return { ...r, paid, rateOfMembers: rate(paid, members), rateOfCompleted: rate(paid, completed) }
  })
}
