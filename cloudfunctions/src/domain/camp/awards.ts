import { checkinKey, completionKey, groupBonusKey, makeupKey, streakBonusKey } from '../points/idempotency'
import type { PeriodDoc, PointsAward } from './model'

/**
 * How many points camp events earn. Each award has its own ledger key (../points/idempotency.ts), so the base
 * check-in award and the group bonus are each exactly-once on their own.
 */

/** The id of a member's check-in for a day: also the check-in award's ledger key. */
export const checkinId = (periodId: string, day: string, memberId: string): string => checkinKey(periodId, day, memberId)

export const enrollmentId = (periodId: string, memberId: string): string => `${periodId}:${memberId}`

/**
 * perCheckin, plus perCheckin × (multiplier − 1) as a separate `group_bonus` when the check-in was made from the bound
 * group chat (verified group entry, never a share). Zero amounts are left out: the ledger refuses 0.
 */
export function checkinAwards(period: PeriodDoc, memberId: string, day: string, fromGroup: boolean): PointsAward[] {
  const ref = checkinId(period._id, day, memberId)
  const awards: PointsAward[] = []
  const base = period.points.perCheckin
  if (base > 0) awards.push({ key: ref, memberId, reason: 'checkin', amount: base, ref })
  const extra = fromGroup ? Math.round(base * (period.points.groupMultiplier - 1)) : 0
  if (extra > 0) awards.push({ key: groupBonusKey(period._id, day, memberId), memberId, reason: 'group_bonus', amount: extra, ref })
  return awards
}

/**
 * Milestones the streak has reached (pass the best streak: a make-up can join two runs in the past) and that were not
 * paid yet. With daily check-ins the streak grows by one, so a milestone pays exactly on the day it is reached.
 */
export function milestoneAwards(
  period: PeriodDoc,
  memberId: string,
  streak: number,
  alreadyPaid: readonly number[],
  ref: string,
): { awards: PointsAward[]; paid: number[] } {
  const reached = period.points.streakMilestones.filter((m) => m.days <= streak && !alreadyPaid.includes(m.days) && m.bonus > 0)
  const awards = reached.map((m): PointsAward => ({
    key: streakBonusKey(period._id, m.days, memberId),
    memberId,
    reason: 'streak_bonus',
    amount: m.bonus,
    ref,
  }))
  const paid = [...new Set([...alreadyPaid, ...reached.map((m) => m.days)])].sort((a, b) => a - b)
  return { awards, paid }
}

export function makeupCharge(period: PeriodDoc, memberId: string, day: string): PointsAward | null {
  const cost = period.makeup.cost
  if (cost <= 0) return null
  return { key: makeupKey(period._id, day, memberId), memberId, reason: 'makeup', amount: -cost, ref: checkinId(period._id, day, memberId) }
}

export function completionAward(period: PeriodDoc, memberId: string): PointsAward | null {
  const bonus = period.points.completion.bonus
  if (bonus <= 0) return null
  return {
    key: completionKey(period._id, memberId),
    memberId,
    reason: 'completion',
    amount: bonus,
    ref: enrollmentId(period._id, memberId),
  }
}

export const sumCredits = (awards: readonly PointsAward[]): number => awards.reduce((s, a) => s + Math.max(0, a.amount), 0)
