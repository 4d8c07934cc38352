/** Member records: created on first open from getWXContext() (never from the request), profile, roles. */
import { toMemberPick, toMemberView, type MemberPick, type MeView } from '../../contracts/identity'
import { changeRoles, newMember, planProfileUpdate, type ProfileInput, type Role } from '../../domain/identity'
import { reject, type Rejection } from '../../domain/kernel'
import type { Caller } from '../../shared/cloud'
import { isDuplicateKey, withTransaction, type Tx } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'
import { trackInTx } from '../tracking/track'
import type { MemberWithAvatarCheck } from './avatar-verdicts'
import { memberByHandle } from './directory'
import { checkProfileText, screenAvatar } from './profile-checks'
import { MEMBERS, repo } from './store'

/** The member's own view shows the avatar they chose while its check runs; others see it only once it passed. */
const meView = (m: MemberWithAvatarCheck): MeView => {
  const own = { ...m, avatarFileId: m.pendingAvatar?.fileId ?? m.avatarFileId }
  return { ...toMemberView(own), openid: m._id, roleCodes: m.roles, avatarPending: !!m.pendingAvatar }
}

/**
 * Returns the caller's record, creating it on the first open (with first-touch attribution, never overwritten).
 * `alsoInTx` runs inside the creating transaction: what other features open for a new member (the points balance doc)
 * commits with the member or not at all, without identity importing them.
 */
export async function openMember(
  who: Caller,
  now: number,
  tags: { channel?: string; posterCode?: string } = {},
  alsoInTx?: (tx: Tx) => Promise<void>,
): Promise<MeView> {
  const existing = await repo.get(MEMBERS, who.openid)
  if (existing) {
    await repo
      .col(MEMBERS)
      .doc(who.openid)
      .update({ data: { lastSeenAt: now } })
    return meView({ ...existing, lastSeenAt: now })
  }
  const doc = newMember(who.openid, now, { unionid: who.unionid ?? null, ...tags })
  try {
    // The member and its first_open event (first-touch channel and poster for the funnels) commit together.
    await withTransaction(async (tx) => {
      await repo.inTx(tx, MEMBERS).add({ data: doc })
      await trackInTx(tx, { type: 'first_open', memberId: who.openid, channel: tags.channel, posterCode: tags.posterCode }, now)
      if (alsoInTx) await alsoInTx(tx)
    })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // Two first opens raced: the other one created it.
    const raced = await repo.get(MEMBERS, who.openid)
    if (!raced) throw err
    return meView(raced)
  }
  return meView(doc)
}

/**
 * Profile edits. The nickname must pass msgSecCheck before it is stored; a new avatar is screened (profile-checks.ts)
 * and waits in `pendingAvatar` until its media check passes — nothing is written when a check refuses or fails.
 */
export async function updateProfile(who: Caller, input: ProfileInput, now: number): Promise<MeView | Rejection> {
  const member = await repo.get(MEMBERS, who.openid)
  if (!member) return reject('MEMBER.NOT_FOUND', '请先打开小程序完成登录')
  const nickname = input.nickname?.trim()
  const [nicknameCheck, avatar] = await Promise.all([
    nickname && nickname !== member.nickname ? checkProfileText(who.openid, nickname) : 'pass',
    input.avatarFileId && input.avatarFileId !== member.avatarFileId ? screenAvatar(who.openid, input.avatarFileId) : null,
  ])
  if (nicknameCheck === 'refused') return reject('MEMBER.NICKNAME_RISKY', '昵称未通过内容安全检查，请换一个')
  if (nicknameCheck === 'failed') return reject('SYS.BUSY', '内容安全检查暂时不可用，请稍后再试')
  if (avatar === 'foreign') return reject('MEMBER.FOREIGN_FILE', '头像文件不属于当前用户')
  if (avatar === 'missing') return reject('MEMBER.FILE_MISSING', '头像文件不存在，请重新上传')
  const { avatarFileId: _asked, ...rest } = planProfileUpdate(input, now)
  void _asked
  const patch: Partial<MemberWithAvatarCheck> = avatar
    ? { ...rest, pendingAvatar: { fileId: avatar.fileId, traceId: avatar.traceId, requestedAt: now } }
    : rest
  await repo
    .col(MEMBERS)
    .doc(who.openid)
    .update({ data: wholeFields(patch) })
  return meView({ ...member, ...patch })
}

/**
 * Grants or revokes a staff role on the member a handle names. Setting a role the member already has (or lacks) writes
 * nothing and answers the same, so a retry is harmless; an admin cannot revoke their own admin role (nobody would be
 * left to give it back).
 */
export async function grantRole(
  actorId: string,
  handle: string,
  role: Exclude<Role, 'member'>,
  grant: boolean,
  now: number,
): Promise<MemberPick | Rejection> {
  const member = await memberByHandle(handle)
  if (!member) return reject('MEMBER.NOT_FOUND', '学员不存在')
  if (member._id === actorId && role === 'admin' && !grant) return reject('MEMBER.SELF_REVOKE', '不能撤销自己的运营权限')
  const roles = changeRoles(member.roles, role, grant)
  if (roles.join() !== member.roles.join()) {
    await repo
      .col(MEMBERS)
      .doc(member._id)
      .update({ data: { roles, updatedAt: now } })
  }
  return toMemberPick({ ...member, roles })
}
