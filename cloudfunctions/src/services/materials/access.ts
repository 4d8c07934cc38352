/**
 * Looks up what decides a member's access to a material: their unlock record, a mall unlock order, a signup, the
 * count of invited friends who qualified (the invites feature's per-inviter stats document).
 */
import { QUALIFYING_SIGNUP_STATUSES, unlockRecordId, type AccessFacts, type MaterialDoc, type UnlockDoc } from '../../domain/materials'
import { signupIdOf } from '../../domain/classes'
import type { InviteStatsDoc } from '../../domain/invites'
import { db, getOrNull } from '../../shared/db'
import { STATS as INVITE_STATS } from '../invites/store'
import { CLASS_SIGNUPS, MALL_ORDERS, UNLOCKS } from './store'

interface SignupDoc {
  status: string
}

/** A confirmed or attended signup: for one class by its `_id`, or any class through index member_status_created. */
export async function hasQualifyingSignup(memberId: string, classId: string | null): Promise<boolean> {
  const qualifying: readonly string[] = QUALIFYING_SIGNUP_STATUSES
  if (classId) {
    const signup = await getOrNull<SignupDoc>(CLASS_SIGNUPS, signupIdOf(classId, memberId))
    return !!signup && qualifying.includes(signup.status)
  }
  const _ = db().command
  const res = await db()
    .collection(CLASS_SIGNUPS)
    .where({ memberId, status: _.in([...qualifying]) })
    .limit(1)
    .get()
  return (res.data as unknown[]).length > 0
}

/** The mall records an unlock item's redemption as a fulfilled order (index member_status_created, then a filter). */
export async function hasMallUnlock(memberId: string, materialId: string): Promise<boolean> {
  const res = await db()
    .collection(MALL_ORDERS)
    .where({
      memberId,
      status: 'fulfilled',
      'fulfilment.kind': 'unlock',
      'fulfilment.unlockTarget': 'material',
      'fulfilment.unlockTargetId': materialId,
    })
    .limit(1)
    .get()
  return (res.data as unknown[]).length > 0
}

/** Friends the member invited who qualified, as the invite settlement last counted them (one document read). */
export async function qualifiedInvitesOf(memberId: string): Promise<number> {
  return (await getOrNull<InviteStatsDoc>(INVITE_STATS, memberId))?.qualified ?? 0
}

/** Reads only what the decision needs, cheapest first: nothing for a free material, then the record, mall, signup or invites. */
export async function factsFor(material: MaterialDoc, memberId: string, staff: boolean): Promise<AccessFacts> {
  const facts: AccessFacts = { unlock: null, mallUnlock: false, qualifyingSignup: false, qualifiedInvites: 0, staff }
  if (material.rule.kind === 'free') return facts
  facts.unlock = await getOrNull<UnlockDoc>(UNLOCKS, unlockRecordId(material._id, memberId))
  if (facts.unlock) return facts
  facts.mallUnlock = await hasMallUnlock(memberId, material._id)
  if (facts.mallUnlock) return facts
  if (material.rule.kind === 'signup') facts.qualifyingSignup = await hasQualifyingSignup(memberId, material.rule.classId)
  if (material.rule.kind === 'invites') facts.qualifiedInvites = await qualifiedInvitesOf(memberId)
  return facts
}
