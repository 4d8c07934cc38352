import { InvitesRequest } from '../../contracts/invites'
import type { InvitesResults } from '../../contracts/results'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { claimInvite } from '../../services/invites/claim'
import { ensureCode } from '../../services/invites/codes'
import { posterOf } from '../../services/invites/poster'
import { settleDue } from '../../services/invites/settle'
import { leaderboard, myInvitees } from '../../services/invites/views'

/** Invite posters and attribution. Identity is `who.openid` (getWXContext) only; every request schema is strict. */
export const main = defineFunction(
  actionsFrom<typeof InvitesRequest, InvitesResults>(InvitesRequest, {
    poster: { run: async (_input, { who }) => posterOf(who.openid, now()) },
    myCode: { run: async (_input, { who }) => ({ code: await ensureCode(who.openid, now()) }) },
    claim: { run: async ({ code }, { who }) => claimInvite(who.openid, code, now()) },
    mine: { run: async ({ before, limit }, { who }) => myInvitees({ memberId: who.openid, before, limit, now: now() }) },
    leaderboard: { run: async ({ limit }, { who }) => leaderboard(limit, who.openid) },
  }),
  { timer: timerJobs('invites', { settle: () => settleDue(now()) }) },
)
