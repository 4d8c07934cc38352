/**
 * Claim = first-touch attribution of the caller (a new member) to the owner of an invite code. The invite's `_id`
 * is the invitee's openid, so however many claims race, one document exists; it is inserted in one transaction with
 * the inviter's `invited` count, so the count moves exactly once.
 */
import { toClaimView, type ClaimView } from '../../contracts/invites'
import {
  checkClaim,
  codeFromScene,
  emptyStats,
  MAX_LOOP_DEPTH,
  newInvite,
  rejectInvite,
  type InviteCode,
  type InviteDoc,
} from '../../domain/invites'
import type { Rejection } from '../../domain/kernel'
import { isDuplicateKey, withTransaction } from '../../shared/db'
import { memberOf } from '../identity/lookups'
import { track } from '../tracking/track'
import { CODES, INVITES, STATS, repo } from './store'

/** The inviter's own inviter, and so on up (nearest first), to spot a loop. */
async function ancestorsOf(memberId: string): Promise<string[]> {
  const chain: string[] = []
  let current = memberId
  for (let depth = 0; depth < MAX_LOOP_DEPTH; depth++) {
    const up = await repo.get(INVITES, current)
    if (!up || chain.includes(up.inviterId)) break
    chain.push(up.inviterId)
    current = up.inviterId
  }
  return chain
}

async function insert(invite: InviteDoc, now: number): Promise<void> {
  await withTransaction(async (tx) => {
    const stats = await repo.getIn(tx, STATS, invite.inviterId)
    await repo.inTx(tx, INVITES).add({ data: invite })
    const { _id, ...next } = { ...(stats ?? emptyStats(invite.inviterId, now)), updatedAt: now }
    await repo
      .inTx(tx, STATS)
      .doc(_id)
      .set({ data: { ...next, invited: next.invited + 1 } })
  })
}

export async function claimInvite(memberId: string, scene: string, now: number): Promise<ClaimView | Rejection<InviteCode>> {
  const code = codeFromScene(scene)
  if (!code) return rejectInvite('INVITE.CODE_INVALID')
  const [owner, member, existing] = await Promise.all([repo.get(CODES, code), memberOf(memberId), repo.get(INVITES, memberId)])
  if (!owner) return rejectInvite('INVITE.CODE_NOT_FOUND')
  if (!member) return rejectInvite('INVITE.NOT_MEMBER')
  const decide = async (current: InviteDoc | null) =>
    checkClaim({
      invitee: member,
      code,
      inviterId: owner.memberId,
      inviterAncestors: current ? [] : await ancestorsOf(owner.memberId),
      existing: current,
      now,
    })
  const check = await decide(existing)
  if (!check.ok) return check
  if (check.replay && existing) return toClaimView(existing)
  const invite = newInvite(memberId, owner.memberId, code, now)
  try {
    await insert(invite, now)
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // A concurrent claim won: the same inviter is a replay, another one a refusal.
    const winner = await repo.get(INVITES, memberId)
    if (!winner) throw err
    const again = await decide(winner)
    return again.ok ? toClaimView(winner) : again
  }
  // A shared card's code is claimed the same way as a poster's; the event keeps how the member first arrived.
  const channel = member.firstChannel === 'share' ? 'share' : 'poster'
  await track({ type: 'invite_claim', memberId, posterCode: code, channel, props: { inviterId: owner.memberId } }, now)
  return toClaimView(invite)
}
