import { z } from 'zod'
import { EpochMsSchema } from './calendar'
import { LEAD_STAGES } from '../domain/classes'
import { GRADES, SUBJECTS } from '../domain/identity'
import { FileIdSchema } from './identity'
import { KeyPartSchema, PageLimitSchema } from './points'
import { TEMPLATE_IDS } from './subscribe-templates'
import { RequestIdSchema } from './points'

/** The session-reminder subscribe-message template (id from the build environment, see subscribe-templates.ts). */
export const CLASS_REMINDER_TEMPLATE_ID = TEMPLATE_IDS.classReminder

/** Inputs of the `classes` function (parsed at the handler); the views are in class-views.ts. */

const Text = (min: number, max: number) => z.string().trim().min(min).max(max)
const EpochMs = EpochMsSchema
const Cursor = z.string().regex(/^\d{1,15}$/)
const id = KeyPartSchema
const action = <A extends string>(name: A) => z.literal(name)

const ClassFields = {
  title: Text(1, 40),
  subject: z.enum(SUBJECTS),
  grades: z
    .array(z.enum(GRADES))
    .min(1)
    .max(GRADES.length)
    .refine((g) => new Set(g).size === g.length, '年级不能重复'),
  description: Text(0, 1000),
  coverFileId: FileIdSchema.nullable(),
  teacherName: Text(1, 20),
  signupPoints: z.number().int().min(0).max(10_000),
  onShelf: z.boolean(),
}

export const ClassCreateSchema = z
  .object({
    ...ClassFields,
    description: ClassFields.description.default(''),
    coverFileId: ClassFields.coverFileId.default(null),
    signupPoints: ClassFields.signupPoints.default(0),
    onShelf: ClassFields.onShelf.default(false),
  })
  .strict()
export type ClassCreateInput = z.infer<typeof ClassCreateSchema>

export const ClassPatchSchema = z
  .object(ClassFields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容')
export type ClassPatchInput = z.infer<typeof ClassPatchSchema>

const SessionFields = {
  startAt: EpochMs,
  durationMin: z.number().int().min(10).max(480),
  capacity: z.number().int().min(1).max(10_000),
}
export const SessionCreateSchema = z.object(SessionFields).strict()
export type SessionCreateInput = z.infer<typeof SessionCreateSchema>
export const SessionPatchSchema = z
  .object(SessionFields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容')
export type SessionPatchInput = z.infer<typeof SessionPatchSchema>

/**
 * The member's phone-number CloudID. The page passes `wx.cloud.CloudID(cloudID)` as a TOP-LEVEL field, which WeChat
 * replaces with `{ cloudID, data: { phoneNumber, … } }` (or `{ cloudID, errCode, errMsg }`) before the function runs.
 * The function resolves the cloudID itself with `getOpenData` and ignores any `data` in the event, which a client
 * could have written itself.
 */
export const PhoneCloudIdSchema = z.union([z.string().min(1).max(1024), z.object({ cloudID: z.string().min(1).max(1024) }).passthrough()])
export type PhoneCloudId = z.infer<typeof PhoneCloudIdSchema>

export const ClassesRequest = z.discriminatedUnion('action', [
  // member
  z
    .object({
      action: action('listClasses'),
      subject: z.enum(SUBJECTS).optional(),
      grade: z.enum(GRADES).optional(),
      cursor: Cursor.optional(),
      limit: PageLimitSchema,
    })
    .strict(),
  z.object({ action: action('getClass'), classId: id }).strict(),
  z
    .object({
      action: action('signUp'),
      classId: id,
      sessionId: id,
      phone: PhoneCloudIdSchema.optional(),
      // Checked by the domain so a wrong grade answers CLASS.GRADE_INVALID.
      childGrade: z.string().max(20),
    })
    .strict(),
  z.object({ action: action('cancelSignup'), classId: id }).strict(),
  z.object({ action: action('mySignups'), cursor: Cursor.optional(), limit: PageLimitSchema }).strict(),
  z.object({ action: action('subscribeReminder'), classId: id, accepted: z.array(z.string().max(128)).max(5) }).strict(),
  // admin
  z.object({ action: action('adminClasses'), cursor: Cursor.optional(), limit: PageLimitSchema }).strict(),
  z.object({ action: action('createClass'), cls: ClassCreateSchema, requestId: RequestIdSchema }).strict(),
  z.object({ action: action('updateClass'), classId: id, patch: ClassPatchSchema }).strict(),
  z.object({ action: action('addSession'), classId: id, session: SessionCreateSchema, requestId: RequestIdSchema }).strict(),
  z.object({ action: action('updateSession'), sessionId: id, patch: SessionPatchSchema }).strict(),
  // staff (admin or teacher)
  z.object({ action: action('roster'), sessionId: id }).strict(),
  z.object({ action: action('markAttendance'), signupId: z.string().max(200), mark: z.enum(['attended', 'absent']) }).strict(),
  z.object({ action: action('leads'), stage: z.enum(LEAD_STAGES).optional(), cursor: Cursor.optional(), limit: PageLimitSchema }).strict(),
  z
    .object({ action: action('updateLead'), signupId: z.string().max(200), stage: z.enum(LEAD_STAGES), note: Text(0, 200).optional() })
    .strict(),
])
export type ClassesRequest = z.infer<typeof ClassesRequest>
