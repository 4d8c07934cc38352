import type { Rejection } from '../kernel'
import { rejectInvite, type InviteCode } from './rejections'
import type { InviteDoc } from './model'

/** A member counts as new for this long after their record was created (first open). */
export const ATTRIBUTION_WINDOW_MS = 24 * 60 * 60 * 1000
/** How far up an inviter's own chain of inviters a claim looks for a loop. */
export const MAX_LOOP_DEPTH = 5

export interface ClaimCheckInput {
  invitee: { _id: string; createdAt: number; firstPosterCode: string | null }
  /** The code claimed and its owner. */
  code: string
  inviterId: string
  /** The inviter's inviter, that one's inviter, … (nearest first, at most MAX_LOOP_DEPTH). */
  inviterAncestors: readonly string[]
  /** The invitee's attribution if one exists. */
  existing: Pick<InviteDoc, 'inviterId'> | null
  now: number
}

export type ClaimCheck = { ok: true; replay: boolean } | Rejection<InviteCode>

/**
 * First-touch attribution of a new member. A repeat of the same claim is a replay (answer with the stored one);
 * any other claim on an attributed member, by an old member, to oneself or along a loop is refused.
 */
export function checkClaim(input: ClaimCheckInput): ClaimCheck {
  const { invitee, code, inviterId, existing, now } = input
  if (inviterId === invitee._id) return rejectInvite('INVITE.SELF')
  if (existing) return existing.inviterId === inviterId ? { ok: true, replay: true } : rejectInvite('INVITE.ALREADY_CLAIMED')
  if (now - invitee.createdAt > ATTRIBUTION_WINDOW_MS || now < invitee.createdAt) return rejectInvite('INVITE.NOT_NEW')
  if (invitee.firstPosterCode && invitee.firstPosterCode !== code) return rejectInvite('INVITE.NOT_FIRST_TOUCH')
  if (input.inviterAncestors.includes(invitee._id)) return rejectInvite('INVITE.LOOP')
  return { ok: true, replay: false }
}

export function newInvite(inviteeId: string, inviterId: string, code: string, now: number): InviteDoc {
  return { _id: inviteeId, inviterId, code, status: 'pending', claimedAt: now, nextCheckAt: now, checks: 0 }
}
