import { businessDay } from '../business-day'
import type { EventType } from '../identity/events'
import { emptyStats, type InviteDoc, type InviteStatsDoc } from './model'

/** Points an inviter earns per invitee who does something real. */
export const INVITE_REWARD_POINTS = 50
/** Rewards per inviter per business day (Asia/Shanghai); later qualified invites that day are not rewarded. */
export const DAILY_REWARD_CAP = 5
/** Something real: the invitee's first check-in or a free-class signup. Sharing never counts. */
export const QUALIFYING_EVENTS: readonly EventType[] = ['checkin', 'class_signup']
/** A pending invite whose invitee did nothing real within this long stops being checked. */
export const QUALIFY_WINDOW_MS = 30 * 24 * 60 * 60 * 1000

const MINUTE = 60_000
/** Settle runs look at a pending invite again after 5 min, 10, 20 … at most every 6 h. */
export function nextCheckDelay(checks: number): number {
  return Math.min(6 * 60 * MINUTE, 5 * MINUTE * 2 ** Math.min(Math.max(checks, 0), 10))
}

export interface QualifyingEvent {
  type: string
  at: number
}

export type PendingStep =
  | { kind: 'qualify'; patch: Partial<InviteDoc> }
  | { kind: 'expire'; patch: Partial<InviteDoc> }
  | { kind: 'wait'; patch: Partial<InviteDoc> }

/** What a settle does with a pending invite, given the invitee's qualifying event (if any). */
export function planPendingCheck(invite: InviteDoc, found: QualifyingEvent | null, now: number): PendingStep {
  if (found) return { kind: 'qualify', patch: { status: 'qualified', qualifiedAt: found.at, qualifiedBy: found.type, nextCheckAt: now } }
  if (now - invite.claimedAt > QUALIFY_WINDOW_MS) return { kind: 'expire', patch: { status: 'expired', nextCheckAt: null, settledAt: now } }
  return { kind: 'wait', patch: { checks: invite.checks + 1, nextCheckAt: now + nextCheckDelay(invite.checks) } }
}

export interface RewardPlan {
  rewarded: boolean
  points: number
  day: string
  invitePatch: Partial<InviteDoc>
  /** The inviter's count of rewards on `day` after this decision. */
  dailyRewarded: number
  stats: InviteStatsDoc
}

export interface RewardInput {
  invite: InviteDoc
  /** Rewards the inviter already got on today's business day. */
  rewardedToday: number
  stats: InviteStatsDoc | null
  now: number
  points?: number
  cap?: number
}

/** The reward decision for a qualified invite: points while under the daily cap, otherwise qualified but not rewarded. */
export function planReward({
  invite,
  rewardedToday,
  stats,
  now,
  points = INVITE_REWARD_POINTS,
  cap = DAILY_REWARD_CAP,
}: RewardInput): RewardPlan {
  if (invite.status !== 'qualified') throw new Error(`invite ${invite._id} is ${invite.status}, not qualified`)
  const day = businessDay(now)
  const rewarded = rewardedToday < cap && points > 0
  const granted = rewarded ? points : 0
  const before = stats ?? emptyStats(invite.inviterId, now)
  return {
    rewarded,
    points: granted,
    day,
    invitePatch: { status: rewarded ? 'rewarded' : 'over_cap', points: granted, rewardDay: day, settledAt: now, nextCheckAt: null },
    dailyRewarded: rewardedToday + (rewarded ? 1 : 0),
    stats: {
      ...before,
      qualified: before.qualified + 1,
      rewarded: before.rewarded + (rewarded ? 1 : 0),
      points: before.points + granted,
      reachedAt: now,
      updatedAt: now,
    },
  }
}
