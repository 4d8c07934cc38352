import type { ScoreScale, Verdict } from '../camp/model'
import { textLength } from '../camp/content'
import {
  isOwnAnnotation,
  MAX_ANNOTATED_IMAGES,
  MAX_COMMENT_CHARS,
  MAX_REDO_REASON_CHARS,
  MAX_VOICE_COMMENT_SEC,
  type Score,
  type ScoreInput,
  type VoiceComment,
} from './model'
import { rejectReview, type ReviewRejection } from './rejections'
import { parseScore } from './score'

/** What the teacher submits (already parsed by the contract schema) plus msgSecCheck's verdict on the comment. */
export interface ReviewInput {
  /** true when the page edits the teacher's own review; false for a fresh one (a retry of one's own fresh review is an edit). */
  edit: boolean
  comment: string
  voice: VoiceComment | null
  /** FileIDs of the teacher's annotated photos (the service has sealed them before planning; see isOwnAnnotation). */
  annotatedImages: string[]
  score: ScoreInput | null
  /** undefined = leave 精选 as it is. */
  featured?: boolean
  /** Non-null = return for redo with this reason. */
  redoReason: string | null
  /** msgSecCheck v2 on the comment (and reason), obtained before planning; 'pass' when there is no text. */
  commentVerdict: Verdict
}

/** The validated, normalised content of a review. */
export interface ReviewContent {
  comment: string
  voice: VoiceComment | null
  annotatedImages: string[]
  score: Score | null
  redoReason: string | null
}

/** Checks the content on its own (no documents); the first problem wins. */
export function checkReviewContent(scale: ScoreScale, teacherId: string, input: ReviewInput): ReviewContent | ReviewRejection {
  const comment = input.comment.trim()
  if (textLength(comment) > MAX_COMMENT_CHARS) return rejectReview('REVIEW.COMMENT_TOO_LONG', { max: MAX_COMMENT_CHARS })
  if (input.voice) {
    const { durationSec, fileId } = input.voice
    if (!Number.isFinite(durationSec) || durationSec <= 0) return rejectReview('REVIEW.VOICE_INVALID')
    if (durationSec > MAX_VOICE_COMMENT_SEC) return rejectReview('REVIEW.VOICE_TOO_LONG', { max: MAX_VOICE_COMMENT_SEC })
    // The teacher's own upload, or the sealed copy an edit sends back when it keeps the recording (like annotations).
    if (!isOwnAnnotation(fileId, teacherId)) return rejectReview('REVIEW.FOREIGN_FILE')
  }
  const annotatedImages = [...new Set(input.annotatedImages)]
  if (annotatedImages.length > MAX_ANNOTATED_IMAGES) return rejectReview('REVIEW.TOO_MANY_IMAGES', { max: MAX_ANNOTATED_IMAGES })
  if (annotatedImages.some((f) => !isOwnAnnotation(f, teacherId))) return rejectReview('REVIEW.FOREIGN_IMAGE')
  let score: Score | null = null
  if (input.score !== null) {
    score = parseScore(scale, input.score)
    if (!score) return rejectReview('REVIEW.INVALID_SCORE', { scale })
  }
  let redoReason: string | null = null
  if (input.redoReason !== null) {
    redoReason = input.redoReason.trim()
    if (!redoReason) return rejectReview('REVIEW.REDO_REASON_REQUIRED')
    if (textLength(redoReason) > MAX_REDO_REASON_CHARS) return rejectReview('REVIEW.REDO_REASON_TOO_LONG', { max: MAX_REDO_REASON_CHARS })
  }
  if (!comment && !input.voice && !score && !redoReason && annotatedImages.length === 0) return rejectReview('REVIEW.EMPTY')
  if (input.commentVerdict === 'risky') return rejectReview('REVIEW.COMMENT_RISKY')
  return { comment, voice: input.voice, annotatedImages, score, redoReason }
}
