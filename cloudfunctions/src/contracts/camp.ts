import { z } from 'zod'
import {
  CONTENT_TYPES,
  LEADERBOARDS,
  MAX_IMAGES,
  MAX_TEXT_CHARS,
  MAX_VOICE_SEC,
  PERIOD_STATUSES,
  textLength,
  type ContentType,
  type EntryRule,
  type ModerationState,
  type PeriodStatus,
} from '../domain/camp'
import { GRADES, SUBJECTS } from '../domain/identity'
import { DaySchema, EpochMsSchema, HHmmSchema } from './calendar'
import { FileIdSchema, MemberHandleSchema } from './identity'
import { RequestIdSchema } from './points'
import { TEMPLATE_IDS } from './subscribe-templates'

/**
 * Inputs of the camp actions (parsed at the handler, all `.strict()`) and the labels pages show. The response views
 * are in ./camp-views.ts (kept apart so each file stays short).
 */

/** Database ids (auto ids are 32 hex chars); never `:`, so they fit idempotency keys. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
export { DaySchema, HHmmSchema } from './calendar'

/**
 * Group-enter info. The page passes `wx.cloud.CloudID(cloudID)` as a TOP-LEVEL field, which WeChat replaces with
 * `{ cloudID, data: { opengid, … } }` before the function runs; a plain cloudID string is resolved by the function
 * with `cloud.getOpenData`. Either way the group id comes from WeChat, never from the client's own claim.
 */
export const GroupCloudIdSchema = z.union([
  z.string().min(1).max(1024),
  z.object({ cloudID: z.string().max(1024), data: z.object({ opengid: z.string().min(1).max(128) }).passthrough() }).passthrough(),
  // What WeChat substitutes when the CloudID cannot be resolved for this caller (another user's, expired): not an
  // input error — the action goes on without the group proof.
  z.object({ cloudID: z.string().max(1024), errCode: z.number(), errMsg: z.string().max(1024) }).passthrough(),
])
export type GroupCloudId = z.infer<typeof GroupCloudIdSchema>

export const TextSchema = z
  .string()
  .max(MAX_TEXT_CHARS * 4)
  .refine((t) => textLength(t) <= MAX_TEXT_CHARS, `文字不能超过 ${MAX_TEXT_CHARS} 字`)
export const ImagesSchema = z.array(FileIdSchema).max(MAX_IMAGES, `最多上传 ${MAX_IMAGES} 张图片`)
export const VoiceSchema = z
  .object({ fileId: FileIdSchema, durationSec: z.number().positive().max(MAX_VOICE_SEC, `语音不能超过 ${MAX_VOICE_SEC} 秒`) })
  .strict()
const content = { text: TextSchema.default(''), images: ImagesSchema.default([]), voice: VoiceSchema.nullable().default(null) }

// ---- admin: camps, periods, daily tasks

export const CampInputSchema = z
  .object({
    title: z.string().trim().min(1).max(40),
    subject: z.enum(SUBJECTS),
    gradeTags: z.array(z.enum(GRADES)).max(GRADES.length),
    coverFileId: FileIdSchema,
    description: z.string().max(2000),
    scoreScale: z.enum(['stars5', 'abc']).default('stars5'),
  })
  .strict()

export const TaskSchema = z
  .object({
    day: z.number().int().min(1).max(21),
    theme: z.string().trim().min(1).max(40),
    instructions: z.string().max(2000),
    exampleMedia: z
      .array(z.object({ kind: z.enum(['image', 'voice']), fileId: FileIdSchema }).strict())
      .max(9)
      .optional(),
  })
  .strict()

export const EntryRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open') }).strict(),
  z.object({ kind: z.literal('invite_code'), code: z.string().trim().min(4).max(32) }).strict(),
  z.object({ kind: z.literal('group') }).strict(),
])

const points = z.number().int().min(0).max(10_000)
export const PointsRulesSchema = z
  .object({
    perCheckin: points,
    streakMilestones: z.array(z.object({ days: z.number().int().min(2).max(21), bonus: points }).strict()).max(10),
    completion: z.object({ minCheckins: z.number().int().min(1).max(21), bonus: points }).strict(),
    groupMultiplier: z.number().min(1).max(5),
  })
  .strict()

export const MakeupPolicySchema = z
  .object({
    maxCount: z.number().int().min(0).max(21),
    withinDays: z.number().int().min(1).max(20),
    cost: points,
    keepsStreak: z.boolean(),
  })
  .strict()

export const PeriodInputSchema = z
  .object({
    campId: IdSchema,
    index: z.number().int().min(1).max(999),
    lengthDays: z.union([z.literal(7), z.literal(14), z.literal(21)]),
    startDay: DaySchema,
    tasks: z.array(TaskSchema).max(21).default([]),
    contentTypes: z.array(z.enum(CONTENT_TYPES)).min(1).max(3),
    window: z.object({ start: HHmmSchema, end: HHmmSchema }).strict().nullable(),
    /** The business day may turn as late as 06:00. */
    cutoffMinutes: z.number().int().min(0).max(360).default(0),
    capacity: z.number().int().min(1).max(100_000),
    entry: EntryRuleSchema,
    joinUntilDay: z.number().int().min(1).max(21).nullable().default(null),
    points: PointsRulesSchema,
    makeup: MakeupPolicySchema,
    teacherIds: z.array(IdSchema).max(50).default([]),
    teacherTeams: z.record(IdSchema, z.array(IdSchema).max(50)).default({}),
  })
  .strict()

/** Creates take the form's request id (one per form opened): a double tap or a retry creates one document. */
export const CampCreateRequest = CampInputSchema.extend({ action: z.literal('createCamp'), requestId: RequestIdSchema }).strict()
export const CampUpdateRequest = CampInputSchema.partial()
  .extend({ action: z.literal('updateCamp'), campId: IdSchema, archived: z.boolean().optional() })
  .strict()
export const PeriodCreateRequest = PeriodInputSchema.extend({ action: z.literal('createPeriod'), requestId: RequestIdSchema }).strict()
/** Publishing is `status: 'open'`; closing goes through the completion flow, never a plain edit. */
export const PeriodUpdateRequest = PeriodInputSchema.omit({ campId: true, tasks: true })
  .partial()
  .extend({ action: z.literal('updatePeriod'), periodId: IdSchema, status: z.enum(['draft', 'open']).optional() })
  .strict()
export const SetTasksRequest = z.object({ action: z.literal('setTasks'), periodId: IdSchema, tasks: z.array(TaskSchema).max(21) }).strict()
/**
 * Binding the group a period's card was opened in (admins, or the period's teachers: policy `period.bindGroup`). The
 * group comes only from the CloudID, resolved by the function; `groupBinding` reads, `bindGroup` writes (idempotent).
 */
export const GroupBindingRequest = z
  .object({ action: z.literal('groupBinding'), periodId: IdSchema, groupCloudId: GroupCloudIdSchema })
  .strict()
export const BindGroupRequest = z.object({ action: z.literal('bindGroup'), periodId: IdSchema, groupCloudId: GroupCloudIdSchema }).strict()
/** Unbinding is done from the period admin page, which lists the stored groups. */
export const UnbindGroupRequest = z
  .object({ action: z.literal('unbindGroup'), periodId: IdSchema, groupId: z.string().min(1).max(128) })
  .strict()
/** Assign (`assigned: true`) or unassign a teacher, named by the handle a member search answered. */
export const SetPeriodTeacherRequest = z
  .object({ action: z.literal('setPeriodTeacher'), periodId: IdSchema, teacher: MemberHandleSchema, assigned: z.boolean() })
  .strict()
/** The period's teachers as names and handles. */
export const PeriodTeachersRequest = z.object({ action: z.literal('periodTeachers'), periodId: IdSchema }).strict()
export const ClosePeriodRequest = z.object({ action: z.literal('closePeriod'), periodId: IdSchema }).strict()

// ---- members

const limit = z.number().int().min(1).max(50).default(20)
export const CampListRequest = z
  .object({ action: z.literal('listCamps'), subject: z.enum(SUBJECTS).optional(), grade: z.enum(GRADES).optional(), limit })
  .strict()
export const CampDetailRequest = z.object({ action: z.literal('campDetail'), campId: IdSchema }).strict()
export const JoinRequest = z
  .object({
    action: z.literal('join'),
    periodId: IdSchema,
    inviteCode: z.string().max(32).optional(),
    groupCloudId: GroupCloudIdSchema.optional(),
  })
  .strict()
export const TodayRequest = z
  .object({ action: z.literal('today'), periodId: IdSchema, groupCloudId: GroupCloudIdSchema.optional() })
  .strict()
export const CheckinRequest = z
  .object({ action: z.literal('checkin'), periodId: IdSchema, ...content, groupCloudId: GroupCloudIdSchema.optional() })
  .strict()
export const EditCheckinRequest = z.object({ action: z.literal('editCheckin'), periodId: IdSchema, day: DaySchema, ...content }).strict()
export const MakeupRequest = z.object({ action: z.literal('makeup'), periodId: IdSchema, day: DaySchema }).strict()
export const CalendarRequest = z.object({ action: z.literal('calendar'), periodId: IdSchema }).strict()
export const ReminderRequest = z.object({ action: z.literal('setReminder'), periodId: IdSchema, time: HHmmSchema.nullable() }).strict()
export const LeaderboardRequest = z
  .object({
    action: z.literal('leaderboard'),
    periodId: IdSchema,
    board: z.enum(LEADERBOARDS),
    cursor: z
      .object({ before: z.string().min(1).max(200), offset: z.number().int().min(0).max(1_000_000) })
      .strict()
      .optional(),
    limit,
  })
  .strict()
/** Feed cursors carry times, never document ids (those hold openids). */
export const FeedRequest = z
  .object({
    action: z.literal('feed'),
    periodId: IdSchema,
    cursor: z
      .object({ beforeAt: EpochMsSchema, skip: z.number().int().min(0).max(1000) })
      .strict()
      .optional(),
    limit,
  })
  .strict()
export const CertificateRequest = z.object({ action: z.literal('certificate'), periodId: IdSchema }).strict()
/** The member's own check-in of a day with its teacher review (the review notification's landing page). */
export const MyCheckinRequest = z.object({ action: z.literal('myCheckin'), periodId: IdSchema, day: DaySchema }).strict()
/** 首页 / 我的 at a glance (contracts/home-views.ts): takes nothing but the caller. */
export const HomeRequest = z.object({ action: z.literal('home') }).strict()
/** The periods the caller joined, newest first (home page "我的打卡营"). */
export const MyPeriodsRequest = z.object({ action: z.literal('myPeriods'), limit }).strict()
/**
 * After `wx.requestSubscribeMessage` (asked right after a check-in): the template ids the member accepted. Each accepted
 * REMINDER_TEMPLATE_ID is one credit = one reminder; each accepted REVIEW_TEMPLATE_ID is one review notification.
 * `requestId` (one per prompt) makes a retry count once.
 */
export const SubscribedRequest = z
  .object({
    action: z.literal('subscribed'),
    periodId: IdSchema,
    accepted: z.array(z.string().min(1).max(128)).max(10),
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  })
  .strict()
/** Admin: every camp (archived and draft periods included), newest first, with the full documents for editing. */
export const AdminCampsRequest = z.object({ action: z.literal('adminCamps'), limit }).strict()
export const AdminCampRequest = z.object({ action: z.literal('adminCamp'), campId: IdSchema }).strict()

/**
 * The subscribe-message template of the daily reminder (id from the build environment, see subscribe-templates.ts).
 * Pages pass it to requestSubscribeMessage; the camp function sends it.
 */
export const REMINDER_TEMPLATE_ID = TEMPLATE_IDS.checkinReminder
/** Where a reminder opens the mini program (`?periodId=` is appended). */
export const REMINDER_PAGE = 'features/camp/pages/today/index'
/**
 * The subscribe-message template of "your check-in was reviewed" (fields in domain/review/notification.ts). Pages ask
 * for it together with the reminder in one requestSubscribeMessage and report the accepted ids with `subscribed`;
 * each accepted one is one review-notification credit (services/review/credits.ts).
 */
export const REVIEW_TEMPLATE_ID = TEMPLATE_IDS.reviewArrived

export const CampRequest = z.discriminatedUnion('action', [
  CampCreateRequest,
  CampUpdateRequest,
  PeriodCreateRequest,
  PeriodUpdateRequest,
  SetTasksRequest,
  SetPeriodTeacherRequest,
  PeriodTeachersRequest,
  ClosePeriodRequest,
  GroupBindingRequest,
  BindGroupRequest,
  UnbindGroupRequest,
  CampListRequest,
  CampDetailRequest,
  JoinRequest,
  TodayRequest,
  CheckinRequest,
  EditCheckinRequest,
  MakeupRequest,
  CalendarRequest,
  ReminderRequest,
  LeaderboardRequest,
  FeedRequest,
  CertificateRequest,
  MyCheckinRequest,
  MyPeriodsRequest,
  HomeRequest,
  SubscribedRequest,
  AdminCampsRequest,
  AdminCampRequest,
])
export type CampRequest = z.infer<typeof CampRequest>

// ---- labels

export const PERIOD_STATUS_LABEL: Readonly<Record<PeriodStatus, string>> = {
  draft: '草稿',
  open: '报名中',
  running: '进行中',
  ended: '已结束',
  closed: '已结营',
}
export const CONTENT_TYPE_LABEL: Readonly<Record<ContentType, string>> = { text: '文字', image: '图片', voice: '语音' }
export const ENTRY_LABEL: Readonly<Record<EntryRule['kind'], string>> = {
  open: '自由加入',
  invite_code: '凭邀请码加入',
  group: '打卡群成员加入',
}
export const MODERATION_LABEL: Readonly<Record<ModerationState, string>> = {
  pending: '审核中',
  pass: '已通过',
  review: '人工审核中',
  risky: '未通过审核',
}
export { PERIOD_STATUSES }
