import { callCloud } from '@/shared/cloud'
import type { MyCheckinView } from '@cloud/contracts/camp-results'
import type { QueueItemView, QueuePageView, ReviewOpenView, ReviewView, TeacherStatsView } from '@cloud/contracts/review-views'
import type { QueueCursor, QueueKind, ScoreInput, VoiceComment } from '@cloud/domain/review'

/** Actions of the `review` function: requests as in contracts/review.ts, answers as in ReviewResults (contracts/review-views.ts). */

export const QUEUE_PAGE_SIZE = 20

/** The member's landing (`pages/comment/index?periodId&day`): the camp function's `myCheckin` answer. */
export type MyReviewView = MyCheckinView

export interface PhrasesView {
  phrases: string[]
}

export interface TeacherStatsListView {
  items: TeacherStatsView[]
}

export interface ReviewResults {
  queue: QueuePageView
  /** The next item opened, or null at the end of the queue. */
  next: ReviewOpenView | null
  open: ReviewOpenView
  submitReview: ReviewView
  editReview: ReviewView
  returnForRedo: ReviewView
  moderate: QueueItemView
  stats: TeacherStatsView
  statsAll: TeacherStatsListView
  listPhrases: PhrasesView
  addPhrase: PhrasesView
  removePhrase: PhrasesView
  reorderPhrases: PhrasesView
}

const call = <A extends keyof ReviewResults>(action: A, payload: Record<string, unknown> = {}) =>
  callCloud<ReviewResults[A]>('review', action, payload)

/** What the queue shows; the review page keeps it to walk the same queue with `next`. */
export interface QueueFilter {
  kind: QueueKind
  /** undefined = all of the teacher's periods. */
  periodId?: string
  /** A business day, 'today' or 'all'. */
  day: string
}

const filterPayload = (f: QueueFilter) => (f.periodId ? { kind: f.kind, periodId: f.periodId, day: f.day } : { kind: f.kind, day: f.day })

export const queuePage = (filter: QueueFilter, cursor?: QueueCursor) =>
  call(
    'queue',
    cursor ? { ...filterPayload(filter), cursor, limit: QUEUE_PAGE_SIZE } : { ...filterPayload(filter), limit: QUEUE_PAGE_SIZE },
  )

export const openReview = (checkinId: string) => call('open', { checkinId })

/** The item after `after` in the same queue, already opened (one call per "下一条"); null at the end of the queue. */
export const openNext = (filter: QueueFilter, after: QueueCursor) => call('next', { ...filterPayload(filter), after })

/** What a review carries besides its outcome; null = left out. */
export interface ReviewDraft {
  comment: string
  voice: VoiceComment | null
  score: ScoreInput | null
  featured: boolean
}

/** `requestId`: one per opened submission; the same submit arriving twice answers the first review, never an edit. */
export const submitReview = (checkinId: string, d: ReviewDraft, requestId: string) =>
  call('submitReview', { checkinId, comment: d.comment, voice: d.voice, score: d.score, featured: d.featured, requestId })

/** The author's same-day edit; `redoReason` keeps (or makes) it a return for redo, null makes it a normal review. */
export const editReview = (checkinId: string, d: ReviewDraft, redoReason: string | null) =>
  call('editReview', { checkinId, comment: d.comment, voice: d.voice, score: d.score, featured: d.featured, redoReason })

export const returnForRedo = (checkinId: string, d: Omit<ReviewDraft, 'featured'>, reason: string) =>
  call('returnForRedo', { checkinId, comment: d.comment, voice: d.voice, score: d.score, reason })

export const moderate = (checkinId: string, decision: 'pass' | 'reject') => call('moderate', { checkinId, decision })

export const myStats = () => call('stats')
export const allTeacherStats = () => call('statsAll', { limit: 50 })

export const listPhrases = () => call('listPhrases')
export const addPhrase = (text: string) => call('addPhrase', { text })
export const removePhrase = (text: string) => call('removePhrase', { text })
export const reorderPhrases = (phrases: string[]) => call('reorderPhrases', { phrases })

/** The member's own check-in of a day with its latest review (camp `myCheckin`). */
export const myReview = (periodId: string, day: string) => callCloud<MyCheckinView>('camp', 'myCheckin', { periodId, day })
