import { callAction } from '@/shared/cloud'
import type { RequestOf, ResultOf } from '@cloud/contracts/calls'
import type { QueueCursor, QueueKind, VoiceComment } from '@cloud/domain/review'

/** Actions of the `review` function: requests as in contracts/review.ts, answers as in contracts/calls.ts. */

export const QUEUE_PAGE_SIZE = 20

/** The member's landing (`pages/comment/index?periodId&day`): the camp function's `myCheckin` answer. */
export type MyReviewView = ResultOf<'camp', 'myCheckin'>
export type PhrasesView = ResultOf<'review', 'listPhrases'>
/** A score as the review schema takes it: a number on a points scale, A/B/C on a grade scale. */
export type ReviewScore = NonNullable<RequestOf<'review', 'submitReview'>['score']>

/** What the queue shows; the review page keeps it to walk the same queue with `next`. */
export interface QueueFilter {
  kind: QueueKind
  /** undefined = all of the teacher's periods. */
  periodId?: string
  /** A business day, 'today' or 'all'. */
  day: string
  /** Operators only: one teacher's personal queue, or 'pool' (not dealt yet); undefined = everything. */
  assignee?: string
}

const filterPayload = (f: QueueFilter) => ({
  kind: f.kind,
  day: f.day,
  ...(f.periodId ? { periodId: f.periodId } : {}),
  ...(f.assignee ? { assignee: f.assignee } : {}),
})

export const queuePage = (filter: QueueFilter, cursor?: QueueCursor) =>
  callAction(
    'review',
    'queue',
    cursor ? { ...filterPayload(filter), cursor, limit: QUEUE_PAGE_SIZE } : { ...filterPayload(filter), limit: QUEUE_PAGE_SIZE },
  )

export const openReview = (checkinId: string) => callAction('review', 'open', { checkinId })

/** The item after `after` in the same queue, already opened (one call per "下一条"); null at the end of the queue. */
export const openNext = (filter: QueueFilter, after: QueueCursor) => callAction('review', 'next', { ...filterPayload(filter), after })

/** What a review carries besides its outcome; null = left out. */
export interface ReviewDraft {
  comment: string
  voice: VoiceComment | null
  /** FileIDs of the annotated photos (图片批注), in the order the member sees them; an edit replaces the stored list. */
  annotatedImages: string[]
  score: ReviewScore | null
  featured: boolean
  /** The comment started from the AI draft (recorded on the review for the audit). */
  fromDraft?: boolean
}

/** `requestId`: one per opened submission; the same submit arriving twice answers the first review, never an edit. */
export const submitReview = (checkinId: string, d: ReviewDraft, requestId: string) =>
  callAction('review', 'submitReview', {
    checkinId,
    comment: d.comment,
    voice: d.voice,
    annotatedImages: d.annotatedImages,
    score: d.score,
    featured: d.featured,
    requestId,
    ...(d.fromDraft ? { fromDraft: true } : {}),
  })

/** The AI draft of one submission, or the reason there is none (the editor then starts from the phrases). */
export const draftComment = (checkinId: string) => callAction('review', 'draft', { checkinId })

/** How many items after the open one get their draft prepared. */
export const PREFETCH_COUNT = 2

/** Prepares the drafts of the next items in the same queue (called after opening `after`; the answer is not needed). */
export const prefetchDrafts = (filter: QueueFilter, after: QueueCursor) =>
  callAction('review', 'prefetchDrafts', { ...filterPayload(filter), after, count: PREFETCH_COUNT })

/** The author's same-day edit; `redoReason` keeps (or makes) it a return for redo, null makes it a normal review. */
export const editReview = (checkinId: string, d: ReviewDraft, redoReason: string | null) =>
  callAction('review', 'editReview', {
    checkinId,
    comment: d.comment,
    voice: d.voice,
    annotatedImages: d.annotatedImages,
    score: d.score,
    featured: d.featured,
    redoReason,
  })

export const returnForRedo = (checkinId: string, d: Omit<ReviewDraft, 'featured'>, reason: string) =>
  callAction('review', 'returnForRedo', {
    checkinId,
    comment: d.comment,
    voice: d.voice,
    annotatedImages: d.annotatedImages,
    score: d.score,
    reason,
  })

export const moderate = (checkinId: string, decision: 'pass' | 'reject') => callAction('review', 'moderate', { checkinId, decision })

export const myStats = () => callAction('review', 'stats')
export const allTeacherStats = () => callAction('review', 'statsAll', { limit: 50 })
/** 批改时效: the last 7 Shanghai days (the server's default range); operators page through every teacher. */
export const mySla = (lastDays: number) => callAction('review', 'sla', { lastDays })
export const allSla = (lastDays: number, page = 0) => callAction('review', 'slaAll', { lastDays, page })

/** 点评分配 (operators): a period's teachers, their backlogs and presence, and the pool not dealt yet. */
export const distribution = (periodId: string) => callAction('review', 'distribution', { periodId })
export const setAway = (periodId: string, teacherId: string, away: boolean) =>
  callAction('review', 'setAway', { periodId, teacherId, away })
export const rebalance = (periodId: string) => callAction('review', 'rebalance', { periodId })
/** Places one waiting item with a teacher (pinned there); `force` takes it from a teacher who has it open. */
export const reassign = (checkinId: string, teacherId: string, force = false) =>
  callAction('review', 'reassign', { checkinId, teacherId, force })

export const listPhrases = () => callAction('review', 'listPhrases')
export const addPhrase = (text: string) => callAction('review', 'addPhrase', { text })
export const removePhrase = (text: string) => callAction('review', 'removePhrase', { text })
export const reorderPhrases = (phrases: string[]) => callAction('review', 'reorderPhrases', { phrases })

/** The member's own check-in of a day with its latest review (camp `myCheckin`). */
export const myReview = (periodId: string, day: string) => callAction('camp', 'myCheckin', { periodId, day })
