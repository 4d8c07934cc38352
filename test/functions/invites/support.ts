import type { ClaimView, LeaderboardView, MineView, PosterView } from '../../../cloudfunctions/src/contracts/invites'
import type { InviteDoc } from '../../../cloudfunctions/src/domain/invites'
import type { FunctionsHarness } from '../../support/functions'
import { runTimerJob } from '../../../local/dev/timer-jobs'

export const poster = (h: FunctionsHarness, openid: string) => h.ok<PosterView>('invites', { action: 'poster' }, openid)
export const claim = (h: FunctionsHarness, openid: string, code: string) => h.call<ClaimView>('invites', { action: 'claim', code }, openid)
export const mine = (h: FunctionsHarness, openid: string, extra: Record<string, unknown> = {}) =>
  h.ok<MineView>('invites', { action: 'mine', ...extra }, openid)
export const leaderboard = (h: FunctionsHarness, openid: string) => h.ok<LeaderboardView>('invites', { action: 'leaderboard' }, openid)
export const runSettle = (h: FunctionsHarness) => runTimerJob(h.emu.runtime, 'invites', 'settle')

/** What the app does on a launch from a poster: open (creating the member with the poster code), then claim. */
export async function arriveByPoster(h: FunctionsHarness, openid: string, code: string) {
  await h.ok('identity', { action: 'open', channel: 'poster', posterCode: code }, openid)
  return claim(h, openid, `i=${code}`)
}

/** An inviter with a member record and a code. */
export async function inviter(h: FunctionsHarness, openid: string): Promise<string> {
  await h.member(openid)
  return (await poster(h, openid)).code
}

export const inviteOf = async (h: FunctionsHarness, inviteeId: string) =>
  ((await h.emu.db.find('invites', { _id: inviteeId })) as InviteDoc[])[0]

export const rewardEntries = (h: FunctionsHarness, memberId: string) =>
  h.emu.db.count('points_entries', { memberId, reason: 'invite_reward' })

/** A member with a code written straight to the database (fast set-up for many inviters). */
export async function inviterWithCode(h: FunctionsHarness, openid: string, code: string): Promise<string> {
  await h.member(openid)
  await h.emu.db.insert('invite_codes', [{ _id: code, memberId: openid, createdAt: h.emu.clock.now() }])
  return code
}

/**
 * What a committed check-in leaves for settlement: the check-in document (a check-in has no event of its own; its
 * `checkin` event is derived from this document, see services/tracking/checkin-events.ts).
 */
export const checkinDocFor = (h: FunctionsHarness, memberId: string, periodId: string, at = h.emu.clock.now()) =>
  h.emu.db.insert('checkins', [
    { _id: `checkin:${periodId}:2026-01-01:${memberId}`, periodId, memberId, day: '2026-01-01', makeup: false, submittedAt: at },
  ])
