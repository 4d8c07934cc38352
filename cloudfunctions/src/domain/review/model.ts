import { isOwnFile, isSealedFile } from '../media'
import type { ScoreScale, Verdict } from '../camp/model'
import type { DraftUse } from './draft-use'

/**
 * Teacher review documents. A review lives in its OWN collection, not as fields on the CheckinDoc, because:
 *  - "the first review wins" must be decided by the database, not by read-then-write: the review's `_id` is derived from
 *    the check-in (`review:{checkinId}:{round}`), so a second teacher's insert fails with a duplicate key (-502001).
 *    An insert with `_id` is atomic inside a transaction, together with the check-in patch, the featured ledger entry
 *    and nothing else; a conditional `where().update()` would NOT be (the SDK runs it outside the transaction).
 *  - the check-in stays small for the feed and the queue; the comment (≤ 500 chars + voice) is read only where shown,
 *    by its derived id (no query).
 * The check-in keeps what its indexes need: `reviewStatus` (queue) and `featured`/`featuredAt` (feed). Featured is
 * stored ONLY on the check-in (one source of truth for the feed); a review view reads it from there.
 *
 * `round` is the check-in's `redoCount` when it was reviewed: 0 for the original, 1 for the one resubmission after a
 * "return for redo". Each round has its own first-review-wins key.
 *
 * Collections (suggested names):
 *  reviews         ReviewDoc           _id `review:{checkinId}:{round}`; indexes { reviewerId, reviewedAt -1 }, { periodId, reviewedAt -1 }
 *  reviewStats     TeacherDayStatsDoc  _id `stats:{teacherId}:{day}` (see stats-counter.ts); index { day }
 *  reviewPhrases   PhrasesDoc          _id `phrases:{teacherId}` (see phrases.ts)
 */

export { MAX_ANNOTATED_IMAGES, MAX_COMMENT_CHARS, MAX_REDO_REASON_CHARS, MAX_VOICE_COMMENT_SEC } from './limits'

/** Teachers upload voice comments under `reviews/{teacherId}/…`, so a fileID proves whose recording it is. */
export const REVIEW_UPLOAD_DIR = 'reviews'

export const STAR_VALUES = [1, 2, 3, 4, 5] as const
export const GRADE_VALUES = ['A', 'B', 'C'] as const
export type Stars = (typeof STAR_VALUES)[number]
export type Grade = (typeof GRADE_VALUES)[number]

/** A score remembers its scale, so changing a camp's scale later never misreads old reviews. */
export type Score = { scale: 'stars5'; value: Stars } | { scale: 'abc'; value: Grade }
export type { ScoreScale }

/** What the page sends as a score: 1–5 for stars, 'A' | 'B' | 'C' for grades. */
export type ScoreInput = number | string

export interface VoiceComment {
  fileId: string
  durationSec: number
}

/** reviewed: done. returned: sent back for the member's one redo (with `redoReason`). */
export type ReviewOutcome = 'reviewed' | 'returned'

export interface ReviewDoc {
  /** `review:{checkinId}:{round}` — the first-review-wins key. */
  _id: string
  /** The submitting page's request id: the same submit arriving again answers this review instead of editing it. */
  requestId?: string
  /** Whether the comment started from an AI draft served to this teacher, and how much they changed it (draft-use.ts). */
  draft?: DraftUse
  checkinId: string
  round: number
  periodId: string
  campId: string
  memberId: string
  /** The check-in's business day and 第 N 天. */
  day: string
  dayIndex: number
  teamId: string | null
  reviewerId: string
  /** The teacher's nickname when reviewing, so "already reviewed by 王老师" needs no extra read. */
  reviewerName: string
  comment: string
  voice: VoiceComment | null
  /**
   * The photos the teacher annotated (图片批注): sealed copies under `sealed/{teacher's public id}/`, never the
   * teacher's own upload folder (whose path holds the openid). Absent on reviews written before annotations.
   */
  annotatedImages?: string[]
  score: Score | null
  outcome: ReviewOutcome
  redoReason: string | null
  /** msgSecCheck's verdict on the comment (risky comments are refused before planning). */
  commentVerdict: Verdict
  /** When the check-in entered the queue (see queuedAt in queue.ts) and how long it waited, in whole minutes. */
  queuedAt: number
  waitMinutes: number
  reviewedAt: number
  /** Business day of reviewedAt under the period's cut-off: the author may edit until it turns. */
  reviewedDay: string
  editedAt: number | null
}

/** The review's id for a check-in round. Check-in ids never contain anything but `[A-Za-z0-9_.:-]`. */
export function reviewId(checkinId: string, round: number): string {
  if (!checkinId) throw new RangeError('checkinId is required')
  if (!Number.isInteger(round) || round < 0) throw new RangeError(`invalid review round: ${round}`)
  return `review:${checkinId}:${round}`
}

/** The cloudPath pages upload a voice comment to. */
export function reviewUploadPath(teacherId: string, periodId: string, fileName: string): string {
  return `${REVIEW_UPLOAD_DIR}/${teacherId}/${periodId}/${fileName}`
}

/** The same strict rule as members' uploads (domain/media): plain segments, the folder right after the bucket. */
export function isOwnReviewUpload(fileId: string, teacherId: string, envId?: string): boolean {
  return isOwnFile(fileId, REVIEW_UPLOAD_DIR, teacherId, envId)
}

/**
 * Whether a review may show the image as the teacher's annotation: an upload in the teacher's own review folder, or a
 * sealed copy the function made of one (what an edit sends back for the images it keeps). `envId`, when known, must
 * be the fileID's environment too.
 */
export function isOwnAnnotation(fileId: string, teacherId: string, envId?: string): boolean {
  return isOwnReviewUpload(fileId, teacherId, envId) || isSealedFile(fileId, teacherId, envId)
}

const CHECKIN_ID = /^checkin:([A-Za-z0-9_-]{1,64}):(\d{4}-\d{2}-\d{2}):([A-Za-z0-9_-]{1,64})$/

/** `checkin:{periodId}:{day}:{memberId}` → its parts (the handler finds the period without a query), or null. */
export function checkinIdParts(id: string): { periodId: string; day: string; memberId: string } | null {
  const m = CHECKIN_ID.exec(id)
  return m ? { periodId: m[1], day: m[2], memberId: m[3] } : null
}
