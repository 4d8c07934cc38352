import { z } from 'zod'
import {
  GRADE_LABEL,
  GRADES,
  MAX_NICKNAME_CHARS,
  ROLE_LABEL,
  ROLES,
  SUBJECT_LABEL,
  SUBJECTS,
  type Grade,
  type MemberDoc,
  type Role,
  type Subject,
} from '../domain/identity'
import { publicIdOf } from '../domain/identity/public-id'

/** Inputs of the member/identity actions (parsed at the handler) and the views the pages render. */

/** A cloud storage fileID: `cloud://{env}.{bucket}/{path}`. */
export const FileIdSchema = z
  .string()
  .max(512)
  .regex(/^cloud:\/\/[A-Za-z0-9._-]+\/\S+$/, '文件地址不正确')
export const OpenidSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
/** Channel / poster code tags of the first open (the mini-program code scene is ≤ 32 characters). */
export const TagSchema = z
  .string()
  .max(32)
  .regex(/^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]*$/)

export const NicknameSchema = z
  .string()
  .trim()
  .min(1, '请填写昵称')
  .refine((s) => [...s].length <= MAX_NICKNAME_CHARS, `昵称不能超过 ${MAX_NICKNAME_CHARS} 个字`)

export const GradeSchema = z.enum(GRADES)
export const SubjectSchema = z.enum(SUBJECTS)
export const RoleSchema = z.enum(ROLES)

/** First open: creates the member if needed and records first-touch attribution. */
export const MemberOpenRequest = z
  .object({ action: z.literal('open'), channel: TagSchema.optional(), posterCode: TagSchema.optional() })
  .strict()
export const MemberMeRequest = z.object({ action: z.literal('me') }).strict()
export const ProfileUpdateRequest = z
  .object({
    action: z.literal('updateProfile'),
    nickname: NicknameSchema.optional(),
    avatarFileId: FileIdSchema.optional(),
    grade: GradeSchema.nullable().optional(),
    subjects: z.array(SubjectSchema).max(SUBJECTS.length).optional(),
  })
  .strict()
/**
 * How staff screens name a member: the member's public id (domain/identity/public-id.ts), picked from a member search,
 * never an openid. The server resolves it (services/identity/directory.ts).
 */
export const MemberHandleSchema = z.string().regex(/^u[A-Za-z0-9_-]{16}$/, '请从搜索结果中选择学员')
export const GrantRoleRequest = z
  .object({ action: z.literal('grantRole'), member: MemberHandleSchema, role: RoleSchema.exclude(['member']), grant: z.boolean() })
  .strict()
/** Staff: members whose nickname contains `query`, or (4–11 digits) whose free-class phone number ends with it. */
export const SearchMembersRequest = z
  .object({
    action: z.literal('searchMembers'),
    query: z.string().trim().min(1, '请输入昵称或手机尾号').max(MAX_NICKNAME_CHARS),
    limit: z.number().int().min(1).max(20).default(10),
  })
  .strict()
/** Admin: the members holding the teacher or admin role. */
export const StaffListRequest = z.object({ action: z.literal('staff') }).strict()

export const MemberRequest = z.discriminatedUnion('action', [
  MemberOpenRequest,
  MemberMeRequest,
  ProfileUpdateRequest,
  GrantRoleRequest,
  SearchMembersRequest,
  StaffListRequest,
])
export type MemberRequest = z.infer<typeof MemberRequest>

export interface LabelledValue<T extends string> {
  value: T
  label: string
}

export interface MemberView {
  id: string
  nickname: string
  avatarFileId: string
  /** True until nickname and avatar are filled (the page then shows WeChat's avatar/nickname components). */
  profileIncomplete: boolean
  grade: LabelledValue<Grade> | null
  subjects: LabelledValue<Subject>[]
  roles: LabelledValue<Role>[]
  isTeacher: boolean
  isAdmin: boolean
}

export function toMemberView(m: MemberDoc): MemberView {
  return {
    id: m._id,
    nickname: m.nickname,
    avatarFileId: m.avatarFileId,
    profileIncomplete: !m.nickname || !m.avatarFileId,
    grade: m.grade ? { value: m.grade, label: GRADE_LABEL[m.grade] } : null,
    subjects: m.subjects.map((s) => ({ value: s, label: SUBJECT_LABEL[s] })),
    roles: m.roles.map((r) => ({ value: r, label: ROLE_LABEL[r] })),
    isTeacher: m.roles.includes('teacher'),
    isAdmin: m.roles.includes('admin'),
  }
}

/** What other members see of someone (leaderboard rows, feed items). */
export interface PublicProfile {
  id: string
  nickname: string
  avatarFileId: string
}

/** What other members see of a member: `id` is the member's public id, never the openid (shared/public-id.ts). */
export function toPublicProfile(m: Pick<MemberDoc, '_id' | 'nickname' | 'avatarFileId'> | undefined, memberId: string): PublicProfile {
  return { id: publicIdOf(memberId), nickname: m?.nickname || '学员', avatarFileId: m?.avatarFileId ?? '' }
}

/** A member as staff pickers show it: a name and a handle to send back, never an openid. */
export interface MemberPick {
  handle: string
  nickname: string
  avatarFileId: string
  roles: LabelledValue<Role>[]
  /** Last four digits of a free-class phone number, when the search matched one. */
  phoneTail: string | null
}

export function toMemberPick(
  m: Pick<MemberDoc, '_id' | 'nickname' | 'avatarFileId' | 'roles'>,
  phoneTail: string | null = null,
): MemberPick {
  return {
    handle: publicIdOf(m._id),
    nickname: m.nickname || '未填写昵称',
    avatarFileId: m.avatarFileId,
    roles: m.roles.map((r) => ({ value: r, label: ROLE_LABEL[r] })),
    phoneTail,
  }
}

/** What `identity.me` / `identity.open` answer: the caller's own record. */
export interface MeView extends MemberView {
  openid: string
  /** Role codes, for checks (`roles` carries the labels). */
  roleCodes: Role[]
  /** The avatar shown here is still being checked: others see the previous one until it passes. */
  avatarPending: boolean
}
