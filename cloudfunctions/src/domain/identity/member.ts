/**
 * Members. Collection `members`, `_id` = openid (the only trusted identity: getWXContext().OPENID), so "create on
 * first open" is an insert whose duplicate-key error means "already exists".
 */

import { publicIdOf } from './public-id'

export const ROLES = ['member', 'teacher', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABEL: Readonly<Record<Role, string>> = { member: '学员', teacher: '老师', admin: '运营' }

/**
 * Lifecycle layers (product.md): L1 浏览 → L2 关注/下载 → L3 活跃 → L4 兴趣/下单 → L5 付费, plus 沉睡. A member's live
 * layer is kept by analytics (`member_layers`, domain/analytics/layers.ts); the member record keeps the one it began in.
 */
export const LAYERS = ['L1', 'L2', 'L3', 'L4', 'L5', 'sleeping'] as const
export type Layer = (typeof LAYERS)[number]

export const LAYER_LABEL: Readonly<Record<Layer, string>> = {
  L1: '浏览',
  L2: '关注/下载',
  L3: '活跃',
  L4: '兴趣/下单',
  L5: '付费',
  sleeping: '沉睡',
}

export const GRADES = ['preschool', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8', 'g9', 'g10', 'g11', 'g12', 'adult'] as const
export type Grade = (typeof GRADES)[number]

export const GRADE_LABEL: Readonly<Record<Grade, string>> = {
  preschool: '学前',
  g1: '一年级',
  g2: '二年级',
  g3: '三年级',
  g4: '四年级',
  g5: '五年级',
  g6: '六年级',
  g7: '初一',
  g8: '初二',
  g9: '初三',
  g10: '高一',
  g11: '高二',
  g12: '高三',
  adult: '成人',
}

export const SUBJECTS = ['chinese', 'math', 'english', 'physics', 'chemistry', 'biology', 'reading', 'art', 'music', 'other'] as const
export type Subject = (typeof SUBJECTS)[number]

export const SUBJECT_LABEL: Readonly<Record<Subject, string>> = {
  chinese: '语文',
  math: '数学',
  english: '英语',
  physics: '物理',
  chemistry: '化学',
  biology: '生物',
  reading: '阅读',
  art: '美术',
  music: '音乐',
  other: '其他',
}

export const MAX_NICKNAME_CHARS = 20

export interface MemberDoc {
  /** openid. */
  _id: string
  /**
   * publicIdOf(_id), stored so staff screens can name a member by it (services/identity/directory.ts resolves it with
   * the `public_id` index). Records written before it existed lack it until the member search backfills it.
   */
  publicId?: string
  unionid: string | null
  /** Empty until the member fills WeChat's nickname component (after the privacy authorization). */
  nickname: string
  /** cloud:// fileID of the avatar chosen with WeChat's avatar component; empty until then. */
  avatarFileId: string
  grade: Grade | null
  subjects: Subject[]
  /** A set: always contains 'member'; 'teacher' and 'admin' are granted by an admin. */
  roles: Role[]
  /** The layer at creation (L1); the live one is in analytics' `member_layers`. */
  layer: Layer
  /** First-touch channel and poster code of the first open (attribution reads them; never overwritten). */
  firstChannel: string | null
  firstPosterCode: string | null
  createdAt: number
  lastSeenAt: number
  updatedAt: number
}

export function newMember(
  openid: string,
  now: number,
  opts: { unionid?: string | null; channel?: string; posterCode?: string } = {},
): MemberDoc {
  if (!openid) throw new Error('openid is required')
  return {
    _id: openid,
    publicId: publicIdOf(openid),
    unionid: opts.unionid ?? null,
    nickname: '',
    avatarFileId: '',
    grade: null,
    subjects: [],
    roles: ['member'],
    layer: 'L1',
    firstChannel: opts.channel ?? null,
    firstPosterCode: opts.posterCode ?? null,
    createdAt: now,
    lastSeenAt: now,
    updatedAt: now,
  }
}

export interface ProfileInput {
  nickname?: string
  avatarFileId?: string
  grade?: Grade | null
  subjects?: Subject[]
}

/** The fields to `update` (already validated by the contract schema; nickname trimmed). */
export function planProfileUpdate(input: ProfileInput, now: number): Partial<MemberDoc> {
  const patch: Partial<MemberDoc> = { updatedAt: now }
  if (input.nickname !== undefined) patch.nickname = input.nickname.trim()
  if (input.avatarFileId !== undefined) patch.avatarFileId = input.avatarFileId
  if (input.grade !== undefined) patch.grade = input.grade
  if (input.subjects !== undefined) patch.subjects = [...new Set(input.subjects)]
  return patch
}

/** The roles after granting or revoking one; 'member' can never be removed. Same set = nothing to write. */
export function changeRoles(roles: readonly Role[], role: Role, grant: boolean): Role[] {
  const next = new Set<Role>(roles)
  next.add('member')
  if (grant) next.add(role)
  else if (role !== 'member') next.delete(role)
  return ROLES.filter((r) => next.has(r))
}

export const hasRole = (member: Pick<MemberDoc, 'roles'>, role: Role): boolean => member.roles.includes(role)
