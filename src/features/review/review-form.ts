import type { ReviewOpenView } from '@cloud/contracts/review-views'
import { MAX_ANNOTATED_IMAGES, MAX_COMMENT_CHARS, MAX_REDO_REASON_CHARS, MAX_VOICE_COMMENT_SEC } from '@cloud/domain/review/limits'
import type { ReviewScore } from './api'

/** The review page's form as plain data, so its rules are tested without a page. */

/** The review function's own limits (domain/review/limits.ts, a module with no imports). */
export const MAX_COMMENT = MAX_COMMENT_CHARS
export const MAX_REASON = MAX_REDO_REASON_CHARS
export const MAX_VOICE_SEC = MAX_VOICE_COMMENT_SEC
export const MAX_ANNOTATIONS = MAX_ANNOTATED_IMAGES

export interface ReviewForm {
  comment: string
  score: ReviewScore | null
  featured: boolean
  /** 退回重做的原因 (only sent when returning, or when editing a returned review). */
  reason: string
  /**
   * FileIDs of the photos the teacher annotated for this review: new ones uploaded under the teacher's review folder,
   * kept ones as the review stores them (the function's sealed copies). Sent with submit, edit and return; an edit
   * replaces the stored list with this one.
   */
  annotatedImages: string[]
}

/**
 * new: nobody reviewed this round yet. edit: the viewer's own review, still the same day.
 * readonly: someone else's review, or the viewer's from an earlier day.
 */
export type ReviewMode = 'new' | 'edit' | 'readonly'

export function modeOf(view: ReviewOpenView): ReviewMode {
  if (!view.review) return 'new'
  return view.review.editable ? 'edit' : 'readonly'
}

export function formOf(view: ReviewOpenView): ReviewForm {
  const r = view.review
  if (!r || !r.editable) return { comment: '', score: null, featured: view.item.featured, reason: '', annotatedImages: [] }
  return {
    comment: r.comment,
    score: r.score ? r.score.value : null,
    featured: r.featured,
    reason: r.redoReason ?? '',
    annotatedImages: r.annotatedImages,
  }
}

/** Characters as people count them (an emoji is one), like the server's limit. */
export const charCount = (s: string): number => [...s].length

/**
 * A quick phrase added to the comment: after what is there, on a new line if the comment does not already end
 * with a break. Null when the result would pass the comment limit.
 */
export function withPhrase(comment: string, phrase: string): string | null {
  const joined = comment.trim() === '' ? phrase : /\s$/.test(comment) ? `${comment}${phrase}` : `${comment}\n${phrase}`
  return charCount(joined) > MAX_COMMENT ? null : joined
}

/** Why the form cannot be sent as it is (over a limit), or null. Nothing is cut: the teacher shortens it. */
export function overLimit(form: Pick<ReviewForm, 'comment' | 'reason'>, withReason: boolean): string | null {
  const over = charCount(form.comment) - MAX_COMMENT
  if (over > 0) return `评语不能超过 ${MAX_COMMENT} 字，请删去 ${over} 字`
  const overReason = charCount(form.reason) - MAX_REASON
  if (withReason && overReason > 0) return `退回原因不能超过 ${MAX_REASON} 字，请删去 ${overReason} 字`
  return null
}

/** Featuring needs content that passed content security (the server says the same with REVIEW.NOT_FEATURABLE). */
export const canFeature = (view: ReviewOpenView): boolean => view.item.moderation.value === 'pass'
