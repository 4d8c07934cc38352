import { z } from 'zod'
import type { ActionName } from '../domain/identity'
import {
  checkinIdParts,
  GRADE_VALUES,
  MAX_ANNOTATED_IMAGES,
  MAX_COMMENT_CHARS,
  MAX_PHRASE_CHARS,
  MAX_PHRASES,
  MAX_QUEUE_PAGE,
  MAX_REDO_REASON_CHARS,
  MAX_SLA_DAYS,
  MAX_VOICE_COMMENT_SEC,
  QUEUE_KINDS,
  type ReviewInput,
} from '../domain/review'
import { textLength } from '../domain/camp'
import { MAX_PREFETCH } from '../domain/review/draft-prompt'
import { DaySchema, EpochMsSchema } from './calendar'
import { IdSchema } from './camp'
import { FileIdSchema } from './identity'
import { RequestIdSchema } from './points'

/**
 * Inputs of the `review` function's actions, parsed at the handler (all `.strict()`, every string and list bounded).
 * Response views are in ./review-views.ts. Limits are counted in characters as people count them (an emoji is one).
 */

const chars = (max: number, message: string) =>
  z
    .string()
    .max(max * 4)
    .refine((s) => textLength(s) <= max, message)

export const CheckinIdSchema = z
  .string()
  .max(200)
  .refine((s) => {
    const parts = checkinIdParts(s)
    return parts !== null && DaySchema.safeParse(parts.day).success
  }, '打卡编号不正确')
export const CommentSchema = chars(MAX_COMMENT_CHARS, `评语不能超过 ${MAX_COMMENT_CHARS} 字`)
export const VoiceCommentSchema = z
  .object({
    fileId: FileIdSchema,
    durationSec: z.number().positive().max(MAX_VOICE_COMMENT_SEC, `语音点评不能超过 ${MAX_VOICE_COMMENT_SEC} 秒`),
  })
  .strict()
/** 1–5 stars or A/B/C; which one fits is the camp's choice, checked by the domain (REVIEW.INVALID_SCORE). */
/**
 * The teacher's annotated photos (图片批注), each uploaded under the teacher's own review folder (or a sealed copy the
 * function made of one, as an edit sends back what it keeps). More than MAX_ANNOTATED_IMAGES is a malformed request
 * (REQUEST.INVALID): the page never offers a tenth. Whose folder, which environment and whether the file exists are
 * the service's checks (REVIEW.FOREIGN_IMAGE).
 */
export const AnnotatedImagesSchema = z.array(FileIdSchema).max(MAX_ANNOTATED_IMAGES, `最多添加 ${MAX_ANNOTATED_IMAGES} 张批注图片`)
export const ScoreInputSchema = z.union([z.number().int().min(1).max(5), z.enum(GRADE_VALUES)])
export const RedoReasonSchema = chars(MAX_REDO_REASON_CHARS, `退回原因不能超过 ${MAX_REDO_REASON_CHARS} 字`).refine(
  (s) => s.trim().length > 0,
  '请填写退回重做的原因',
)
export const PhraseSchema = chars(MAX_PHRASE_CHARS, `常用语不能超过 ${MAX_PHRASE_CHARS} 字`)
export const QueueCursorSchema = z.object({ submittedAt: EpochMsSchema, id: CheckinIdSchema }).strict()
/** A business day, 'today' (default) or 'all'. */
export const QueueDaySchema = z.union([DaySchema, z.literal('today'), z.literal('all')])

const queueFilter = {
  kind: z.enum(QUEUE_KINDS).default('pending'),
  periodId: IdSchema.optional(),
  day: QueueDaySchema.default('today'),
  /**
   * Whose items (issue #17 item 2). Teachers always get their own personal queue (a teacher passing another
   * teacher's id is refused: REVIEW.NOT_TEACHER). Operators see everything by default, or one teacher's queue, or
   * 'pool' (waiting items no teacher holds yet).
   */
  assignee: z.union([IdSchema, z.literal('pool')]).optional(),
}
const reviewContent = {
  checkinId: CheckinIdSchema,
  comment: CommentSchema.default(''),
  voice: VoiceCommentSchema.nullable().default(null),
  /** Omitted = none; an edit replaces the stored list with this one. */
  annotatedImages: AnnotatedImagesSchema.default([]),
  score: ScoreInputSchema.nullable().default(null),
}

export const QueueRequest = z
  .object({
    action: z.literal('queue'),
    ...queueFilter,
    cursor: QueueCursorSchema.optional(),
    limit: z.number().int().min(1).max(MAX_QUEUE_PAGE).default(20),
  })
  .strict()
/** The item after `after` in the same filter and order; the review page moves on without the list. */
export const NextRequest = z.object({ action: z.literal('next'), ...queueFilter, after: QueueCursorSchema }).strict()
export const OpenRequest = z.object({ action: z.literal('open'), checkinId: CheckinIdSchema }).strict()
export const SubmitReviewRequest = z
  .object({
    action: z.literal('submitReview'),
    ...reviewContent,
    featured: z.boolean().optional(),
    requestId: RequestIdSchema.optional(),
    /** The comment started from the AI draft (kept on the review for the audit). */
    fromDraft: z.boolean().optional(),
  })
  .strict()
/** The author's same-day edit; `redoReason` set = (still) returned for redo, null = a normal review. */
export const EditReviewRequest = z
  .object({
    action: z.literal('editReview'),
    ...reviewContent,
    featured: z.boolean().optional(),
    redoReason: RedoReasonSchema.nullable().default(null),
  })
  .strict()
export const ReturnForRedoRequest = z.object({ action: z.literal('returnForRedo'), ...reviewContent, reason: RedoReasonSchema }).strict()
export const FeatureRequest = z.object({ action: z.literal('feature'), checkinId: CheckinIdSchema, featured: z.boolean() }).strict()
export const ModerateRequest = z
  .object({ action: z.literal('moderate'), checkinId: CheckinIdSchema, decision: z.enum(['pass', 'reject']) })
  .strict()
export const StatsRequest = z.object({ action: z.literal('stats'), day: DaySchema.optional() }).strict()
export const StatsAllRequest = z
  .object({ action: z.literal('statsAll'), day: DaySchema.optional(), limit: z.number().int().min(1).max(100).default(50) })
  .strict()
/** The SLA dashboard over Shanghai days from..to (default the last 7 days up to today; at most MAX_SLA_DAYS). */
const slaRange = {
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  /** The last N Shanghai days up to `to` (default today), when `from` is not given. */
  lastDays: z.number().int().min(1).max(MAX_SLA_DAYS).optional(),
}
export const SlaRequest = z.object({ action: z.literal('sla'), ...slaRange }).strict()
/** Every teacher, a page of teachers at a time (page size from the range: teachers × days ≤ MAX_SLA_IDS). */
export const SlaAllRequest = z
  .object({ action: z.literal('slaAll'), ...slaRange, page: z.number().int().min(0).max(1000).default(0) })
  .strict()
export const ListPhrasesRequest = z.object({ action: z.literal('listPhrases') }).strict()
export const AddPhraseRequest = z
  .object({ action: z.literal('addPhrase'), text: PhraseSchema, position: z.number().int().min(0).max(MAX_PHRASES).optional() })
  .strict()
export const UpdatePhraseRequest = z.object({ action: z.literal('updatePhrase'), from: PhraseSchema, to: PhraseSchema }).strict()
export const RemovePhraseRequest = z.object({ action: z.literal('removePhrase'), text: PhraseSchema }).strict()
export const ReorderPhrasesRequest = z
  .object({ action: z.literal('reorderPhrases'), phrases: z.array(PhraseSchema).max(MAX_PHRASES) })
  .strict()

/** The AI draft for one submission the caller may review (made on the first request, cached after). */
export const DraftRequest = z.object({ action: z.literal('draft'), checkinId: CheckinIdSchema }).strict()
/** Prepares drafts for the next `count` items after `after` in the same queue filter (called after opening `after`). */
export const PrefetchDraftsRequest = z
  .object({
    action: z.literal('prefetchDrafts'),
    ...queueFilter,
    after: QueueCursorSchema,
    count: z.number().int().min(1).max(MAX_PREFETCH).default(2),
  })
  .strict()

/** Operators: how a period's waiting items are spread over its teachers (backlogs, who is present, the pool). */
export const DistributionRequest = z.object({ action: z.literal('distribution'), periodId: IdSchema }).strict()
/** Operators mark a teacher away (their unopened items flow to the present teachers) or back. */
export const SetAwayRequest = z
  .object({ action: z.literal('setAway'), periodId: IdSchema, teacherId: IdSchema, away: z.boolean() })
  .strict()
/** Operators: deal the pool and even out the backlogs now (the timer does the same every minute). */
export const RebalanceRequest = z.object({ action: z.literal('rebalance'), periodId: IdSchema }).strict()
/**
 * Operators place one waiting item with a teacher of its period who may review it (team scope included); the item is
 * pinned there (rebalancing leaves it). `force` breaks another teacher's live lease (they are then refused at submit).
 */
export const ReassignRequest = z
  .object({ action: z.literal('reassign'), checkinId: CheckinIdSchema, teacherId: IdSchema, force: z.boolean().default(false) })
  .strict()

export const ReviewRequest = z.discriminatedUnion('action', [
  QueueRequest,
  NextRequest,
  OpenRequest,
  SubmitReviewRequest,
  EditReviewRequest,
  ReturnForRedoRequest,
  FeatureRequest,
  ModerateRequest,
  StatsRequest,
  StatsAllRequest,
  SlaRequest,
  SlaAllRequest,
  ListPhrasesRequest,
  AddPhraseRequest,
  UpdatePhraseRequest,
  RemovePhraseRequest,
  ReorderPhrasesRequest,
  DraftRequest,
  PrefetchDraftsRequest,
  DistributionRequest,
  SetAwayRequest,
  RebalanceRequest,
  ReassignRequest,
])
export type ReviewRequest = z.infer<typeof ReviewRequest>
export type ReviewRequestAction = ReviewRequest['action']

/** Which policy rule (../domain/identity/policy.ts) each action declares; the handler calls `can` with it. */
export const REVIEW_ACTION_RULE: Readonly<Record<ReviewRequestAction, ActionName>> = {
  queue: 'review.queue',
  next: 'review.queue',
  open: 'review.open',
  submitReview: 'review.submit',
  editReview: 'review.submit',
  returnForRedo: 'review.redo',
  feature: 'review.feature',
  moderate: 'review.moderate',
  stats: 'review.stats',
  statsAll: 'review.statsAll',
  sla: 'review.sla',
  slaAll: 'review.slaAll',
  listPhrases: 'review.phrases',
  addPhrase: 'review.phrases',
  updatePhrase: 'review.phrases',
  removePhrase: 'review.phrases',
  reorderPhrases: 'review.phrases',
  draft: 'review.open',
  prefetchDrafts: 'review.open',
  distribution: 'review.assign',
  setAway: 'review.assign',
  rebalance: 'review.assign',
  reassign: 'review.assign',
}

type ReviewWrite = z.infer<typeof SubmitReviewRequest> | z.infer<typeof EditReviewRequest> | z.infer<typeof ReturnForRedoRequest>

/** A parsed write request → planReview's input; `commentVerdict` is msgSecCheck's answer on comment + reason. */
export function toReviewInput(request: ReviewWrite, commentVerdict: ReviewInput['commentVerdict']): ReviewInput {
  const base = {
    comment: request.comment,
    voice: request.voice,
    annotatedImages: request.annotatedImages,
    score: request.score,
    commentVerdict,
  }
  if (request.action === 'returnForRedo') return { ...base, edit: false, redoReason: request.reason }
  if (request.action === 'editReview') return { ...base, edit: true, featured: request.featured, redoReason: request.redoReason }
  return { ...base, edit: false, featured: request.featured, redoReason: null }
}
