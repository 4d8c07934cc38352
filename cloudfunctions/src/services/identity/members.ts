/** Member records: created on first open from getWXContext() (never from the request), profile, roles. */
import { toMemberView, type MeView } from '../../contracts/identity'
import { changeRoles, newMember, planProfileUpdate, type MemberDoc, type ProfileInput, type Role } from '../../domain/identity'
import { reject, type Rejection } from '../../domain/points'
import type { Caller } from '../../shared/cloud'
import { db, getOrNull, isDuplicateKey, withTransaction } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'
import { trackInTx } from '../tracking/track'

export const MEMBERS = 'members'

const meView = (m: MemberDoc): MeView => ({ ...toMemberView(m), openid: m._id, roleCodes: m.roles })

/** Returns the caller's record, creating it on the first open (with first-touch attribution, never overwritten). */
export async function openMember(who: Caller, now: number, tags: { channel?: string; posterCode?: string } = {}): Promise<MeView> {
  const existing = await getOrNull<MemberDoc>(MEMBERS, who.openid)
  if (existing) {
    await db()
      .collection(MEMBERS)
      .doc(who.openid)
      .update({ data: { lastSeenAt: now } })
    return meView({ ...existing, lastSeenAt: now })
  }
  const doc = newMember(who.openid, now, { unionid: who.unionid ?? null, ...tags })
  try {
    // The member and its first_open event (first-touch channel and poster for the funnels) commit together.
    await withTransaction(async (tx) => {
      await tx.collection(MEMBERS).add({ data: doc })
      await trackInTx(tx, { type: 'first_open', memberId: who.openid, channel: tags.channel, posterCode: tags.posterCode }, now)
    })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // Two first opens raced: the other one created it.
    const raced = await getOrNull<MemberDoc>(MEMBERS, who.openid)
    if (!raced) throw err
    return meView(raced)
  }
  return meView(doc)
}

export async function updateProfile(who: Caller, input: ProfileInput, now: number): Promise<MeView | Rejection> {
  const member = await getOrNull<MemberDoc>(MEMBERS, who.openid)
  if (!member) return reject('MEMBER.NOT_FOUND', '请先打开小程序完成登录')
  if (input.avatarFileId && !input.avatarFileId.includes(`/avatars/${who.openid}/`)) {
    return reject('MEMBER.FOREIGN_FILE', '头像文件不属于当前用户')
  }
  const patch = planProfileUpdate(input, now)
  await db()
    .collection(MEMBERS)
    .doc(who.openid)
    .update({ data: wholeFields(patch) })
  return meView({ ...member, ...patch })
}

export async function grantRole(memberId: string, role: Exclude<Role, 'member'>, grant: boolean, now: number): Promise<MeView | Rejection> {
  const member = await getOrNull<MemberDoc>(MEMBERS, memberId)
  if (!member) return reject('MEMBER.NOT_FOUND', '学员不存在')
  const roles = changeRoles(member.roles, role, grant)
  await db()
    .collection(MEMBERS)
    .doc(memberId)
    .update({ data: { roles, updatedAt: now } })
  return meView({ ...member, roles })
}
