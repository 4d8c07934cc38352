/**
 * Invite documents.
 *
 * invite_codes   `_id` = code, `memberId` (unique index): one code per member, created once.
 * invite_posters `_id` = memberId: the cached mini-program code image (fileID) for the member's code.
 * invites        `_id` = invitee openid: at most one attribution per member, by construction.
 * invite_stats   `_id` = inviter openid: the inviter's counts (leaderboard reads it, index on `qualified`).
 * invite_daily   `_id` = `{inviterId}@{YYYY-MM-DD}`: rewards granted to one inviter on one Shanghai business day.
 */

/** pending → qualified (the invitee did something real) → rewarded | over_cap; pending → expired after the window. */
export const INVITE_STATUSES = ['pending', 'qualified', 'rewarded', 'over_cap', 'expired'] as const
export type InviteStatus = (typeof INVITE_STATUSES)[number]

export const INVITE_STATUS_LABELS: Readonly<Record<InviteStatus, string>> = {
  pending: '待完成',
  qualified: '已完成',
  rewarded: '已奖励',
  over_cap: '超出今日上限',
  expired: '已过期',
}

export interface InviteCodeDoc {
  _id: string
  memberId: string
  createdAt: number
}

export interface InvitePosterDoc {
  _id: string
  code: string
  fileId: string
  createdAt: number
}

export interface InviteDoc {
  _id: string
  inviterId: string
  code: string
  status: InviteStatus
  claimedAt: number
  /** When a settle run should look at it next (pending and qualified only). */
  nextCheckAt: number | null
  /** How many times a settle found nothing yet (drives the back-off). */
  checks: number
  qualifiedAt?: number
  /** The event type that qualified it (`checkin` or `class_signup`). */
  qualifiedBy?: string
  settledAt?: number
  /** Points the inviter got for this invitee (0 when over the cap). */
  points?: number
  /** Business day of the reward decision. */
  rewardDay?: string
}

export interface InviteStatsDoc {
  _id: string
  invited: number
  qualified: number
  rewarded: number
  points: number
  /** When `qualified` last went up: earlier wins a tie on the leaderboard. */
  reachedAt: number
  updatedAt: number
}

export interface InviteDailyDoc {
  _id: string
  inviterId: string
  day: string
  rewarded: number
}

export const dailyId = (inviterId: string, day: string) => `${inviterId}@${day}`

export function emptyStats(inviterId: string, now: number): InviteStatsDoc {
  return { _id: inviterId, invited: 0, qualified: 0, rewarded: 0, points: 0, reachedAt: now, updatedAt: now }
}
