/** "My invitees" (settling the inviter's open invites first) and the inviter leaderboard. */
import { toPublicProfile } from '../../contracts/identity'
import { inviteRules, toInviteeView, type LeaderboardView, type MineView } from '../../contracts/invites'
import type { InviteDoc, InviteStatsDoc } from '../../domain/invites'
import { db, getOrNull } from '../../shared/db'
import { ensureCode } from './codes'
import { settleInviterNow } from './settle'
import { INVITES, membersByIds, STATS } from './store'

export interface MineInput {
  memberId: string
  before?: number
  limit: number
  now: number
}

/** One page, newest first (index { inviterId, claimedAt -1 }); the first page also settles what is due. */
export async function myInvitees({ memberId, before, limit, now }: MineInput): Promise<MineView> {
  if (before === undefined) await settleInviterNow(memberId, now)
  const _ = db().command
  const where = before === undefined ? { inviterId: memberId } : { inviterId: memberId, claimedAt: _.lt(before) }
  const [code, page, stats] = await Promise.all([
    ensureCode(memberId, now),
    db().collection(INVITES).where(where).orderBy('claimedAt', 'desc').limit(limit).get() as unknown as Promise<{ data: InviteDoc[] }>,
    getOrNull<InviteStatsDoc>(STATS, memberId),
  ])
  const profiles = await membersByIds(page.data.map((i) => i._id))
  return {
    code,
    counts: { invited: stats?.invited ?? 0, qualified: stats?.qualified ?? 0, rewarded: stats?.rewarded ?? 0, points: stats?.points ?? 0 },
    items: page.data.map((i) => toInviteeView(i, toPublicProfile(profiles.get(i._id), i._id))),
    nextBefore: page.data.length === limit ? page.data[page.data.length - 1].claimedAt : null,
    rules: inviteRules(),
  }
}

/** Top inviters by qualified invites (index { qualified -1, reachedAt 1 }): two requests, whatever the history. */
export async function leaderboard(limit: number): Promise<LeaderboardView> {
  const _ = db().command
  const res = (await db()
    .collection(STATS)
    .where({ qualified: _.gt(0) })
    .orderBy('qualified', 'desc')
    .orderBy('reachedAt', 'asc')
    .limit(limit)
    .get()) as unknown as { data: InviteStatsDoc[] }
  const profiles = await membersByIds(res.data.map((s) => s._id))
  return {
    rows: res.data.map((s, i) => ({ rank: i + 1, inviter: toPublicProfile(profiles.get(s._id), s._id), qualified: s.qualified })),
  }
}
