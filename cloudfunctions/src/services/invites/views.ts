/** "My invitees" (settling the inviter's open invites first) and the inviter leaderboard. */
import { toPublicProfile } from '../../contracts/identity'
import { inviteRules, toInviteeView, type InviteeCursor, type LeaderboardView, type MineView } from '../../contracts/invites'
import type { InviteDoc, InviteStatsDoc } from '../../domain/invites'
import { ensureCode } from './codes'
import { settleInviterNow } from './settle'
import { INVITES, membersByIds, STATS, repo } from './store'
import { command } from '../../shared/repository'

export interface MineInput {
  memberId: string
  before?: InviteeCursor
  limit: number
  now: number
}

/** At or before the cursor's claim time, in (claimedAt desc, _id desc) order; `skip` passes the ties already shown. */
function afterCursor(memberId: string, before: InviteeCursor | undefined): object {
  if (!before) return { inviterId: memberId }
  return { inviterId: memberId, claimedAt: command().lte(before.claimedAt) }
}

function nextCursor(page: readonly InviteDoc[], limit: number, before: InviteeCursor | undefined): InviteeCursor | null {
  if (page.length < limit) return null
  const claimedAt = page[page.length - 1].claimedAt
  const ties = page.filter((i) => i.claimedAt === claimedAt).length
  return { claimedAt, skip: (before?.claimedAt === claimedAt ? before.skip : 0) + ties }
}

/** One page, newest first (index { inviterId, claimedAt -1 }); the first page also settles what is due. */
export async function myInvitees({ memberId, before, limit, now }: MineInput): Promise<MineView> {
  if (before === undefined) await settleInviterNow(memberId, now)
  const [code, page, stats] = await Promise.all([
    ensureCode(memberId, now),
    repo
      .col(INVITES)
      .where(afterCursor(memberId, before))
      .orderBy('claimedAt', 'desc')
      .orderBy('_id', 'desc')
      .skip(before?.skip ?? 0)
      .limit(limit)
      .get(),
    repo.get(STATS, memberId),
  ])
  const profiles = await membersByIds(page.data.map((i) => i._id))
  return {
    code,
    counts: { invited: stats?.invited ?? 0, qualified: stats?.qualified ?? 0, rewarded: stats?.rewarded ?? 0, points: stats?.points ?? 0 },
    items: page.data.map((i) => toInviteeView(i, toPublicProfile(profiles.get(i._id), i._id))),
    nextBefore: nextCursor(page.data, limit, before),
    rules: inviteRules(),
  }
}

/**
 * The caller's rank when it is below the page: inviters ahead of them by count, or level with them but earlier, through
 * the same index as the page (two counts, in parallel).
 */
async function rankOf(mine: InviteStatsDoc): Promise<number> {
  const _ = command()
  const [more, earlier] = await Promise.all([
    repo.count(STATS, { qualified: _.gt(mine.qualified) }),
    repo.count(STATS, { qualified: mine.qualified, reachedAt: _.lt(mine.reachedAt) }),
  ])
  return more + earlier + 1
}

/**
 * Top inviters by qualified invites (index { qualified -1, reachedAt 1 }) and the caller's own place: the page and the
 * caller's stats in parallel, then the profiles (and two counts only when the caller is below the page).
 */
export async function leaderboard(limit: number, memberId: string): Promise<LeaderboardView> {
  const _ = command()
  const [res, mine] = await Promise.all([
    repo
      .col(STATS)
      .where({ qualified: _.gt(0) })
      .orderBy('qualified', 'desc')
      .orderBy('reachedAt', 'asc')
      .limit(limit)
      .get(),
    repo.get(STATS, memberId),
  ])
  const onPage = res.data.findIndex((s) => s._id === memberId)
  const [profiles, rank] = await Promise.all([
    membersByIds(res.data.map((s) => s._id)),
    !mine || mine.qualified <= 0 ? null : onPage >= 0 ? onPage + 1 : rankOf(mine),
  ])
  return {
    rows: res.data.map((s, i) => ({ rank: i + 1, inviter: toPublicProfile(profiles.get(s._id), s._id), qualified: s.qualified })),
    me: mine && rank !== null ? { rank, qualified: mine.qualified } : null,
  }
}
