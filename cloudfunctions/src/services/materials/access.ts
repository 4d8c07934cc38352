/**
 * Looks up what decides a member's access to a material: their unlock record, a mall unlock order, a signup, the
 * count of invited friends who qualified (the invites feature's per-inviter stats document).
 */
import { QUALIFYING_SIGNUP_STATUSES, unlockRecordId, type AccessFacts, type MaterialDoc } from '../../domain/materials'
import { hasSignupIn } from '../classes/lookups'
import { qualifiedInvitesOf } from '../invites/stats'
import { hasMaterialUnlockOrder } from '../mall/unlocks'
import { repo, UNLOCKS } from './store'

/** A confirmed or attended signup (the classes feature answers). */
export const hasQualifyingSignup = (memberId: string, classId: string | null): Promise<boolean> =>
  hasSignupIn(memberId, classId, QUALIFYING_SIGNUP_STATUSES)

/** The mall records an unlock item's redemption as a fulfilled order (the mall answers). */
export const hasMallUnlock = (memberId: string, materialId: string): Promise<boolean> => hasMaterialUnlockOrder(memberId, materialId)

export { qualifiedInvitesOf }

/** Reads only what the decision needs, cheapest first: nothing for a free material, then the record, mall, signup or invites. */
export async function factsFor(material: MaterialDoc, memberId: string, staff: boolean): Promise<AccessFacts> {
  const facts: AccessFacts = { unlock: null, mallUnlock: false, qualifyingSignup: false, qualifiedInvites: 0, staff }
  if (material.rule.kind === 'free') return facts
  facts.unlock = await repo.get(UNLOCKS, unlockRecordId(material._id, memberId))
  if (facts.unlock) return facts
  facts.mallUnlock = await hasMallUnlock(memberId, material._id)
  if (facts.mallUnlock) return facts
  if (material.rule.kind === 'signup') facts.qualifyingSignup = await hasQualifyingSignup(memberId, material.rule.classId)
  if (material.rule.kind === 'invites') facts.qualifiedInvites = await qualifiedInvitesOf(memberId)
  return facts
}
