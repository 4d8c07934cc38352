import { callAction } from '@/shared/cloud'
import type { RequestOf } from '@cloud/contracts/calls'
import type { Envelope } from '@/shared/cloud/types'
import type { Page } from '@/shared/paging/use-paged-list'
import type { InviteCounts, InviteeCursor, InviteeView, InviteRules } from '@cloud/contracts/invites'

export const INVITEES_PAGE_SIZE = 20
export const LEADERBOARD_SIZE = 50

/** The member's code and mini-program code image (made once on the server, then reused). */
export const getPoster = () => callAction('invites', 'poster')

/** The header of "my invitees": filled by the first page of each load. */
export interface InviteSummary {
  code: string
  counts: InviteCounts
  rules: InviteRules
}

/** One page of my invitees; the first page (no cursor) also settles rewards due and carries the summary. */
export async function listInvitees(
  cursor: InviteeCursor | undefined,
  onSummary: (summary: InviteSummary) => void,
): Promise<Envelope<Page<InviteeView, InviteeCursor>>> {
  const payload: RequestOf<'invites', 'mine'> = { limit: INVITEES_PAGE_SIZE }
  if (cursor !== undefined) payload.before = cursor
  const res = await callAction('invites', 'mine', payload)
  if (res.code !== 0) return res
  if (cursor === undefined) onSummary({ code: res.data.code, counts: res.data.counts, rules: res.data.rules })
  return { code: 0, data: { items: res.data.items, next: res.data.nextBefore } }
}

export const getLeaderboard = () => callAction('invites', 'leaderboard', { limit: LEADERBOARD_SIZE })

/** The rules line every invite page shows: the reward follows a real action, never the sharing itself. */
export const rulesText = (rules: InviteRules) =>
  `奖励在好友完成首次打卡或报名免费课后发放，每位好友奖励 ${rules.pointsPerInvite} 积分，每日上限 ${rules.dailyCap} 人。仅新用户扫码后 ${rules.windowHours} 小时内有效，分享本身不计奖励。`
