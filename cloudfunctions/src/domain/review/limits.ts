/**
 * The review form's limits. This module imports nothing, so the mini program imports these values as they are
 * (check-deps rule `client-pure-values`) instead of repeating them.
 */
export const MAX_COMMENT_CHARS = 500
export const MAX_VOICE_COMMENT_SEC = 60
export const MAX_REDO_REASON_CHARS = 100
/** Photos a teacher may annotate (图片批注) for one review. */
export const MAX_ANNOTATED_IMAGES = 9
