import type { CheckinDoc, MediaCheck, PeriodDoc, Verdict } from '../camp/model'
import { resolveModeration } from '../camp/content'
import { MAX_REDOS } from '../camp/edit'
import type { Actor } from '../identity/policy'
import { checkReviewer } from './access'
import { rejectReview, type ReviewRejection } from './rejections'

/**
 * A teacher clears (`pass`) or rejects content that content security flagged 'review', from the same queue.
 * The decision is written into the verdicts themselves (text and each flagged media file), not only into
 * `moderation`: a late mediaCheckAsync callback recomputes moderation from the verdicts (camp/content.ts), and must
 * not undo the teacher. Files still being checked stay pending, so a cleared check-in shows only once they pass.
 *
 * Rejecting hides the content (moderation 'risky'), un-features it and, if the member has a redo left, returns it:
 * they may resubmit once (camp/edit.ts planEdit), keeping the day; otherwise it leaves the queue ('none').
 */
export type ModerationDecision = 'pass' | 'reject'

export type ModerationPatch = Pick<CheckinDoc, 'moderation' | 'textVerdict' | 'mediaChecks'> &
  Partial<Pick<CheckinDoc, 'reviewStatus' | 'featured' | 'featuredAt'>>

export interface ModerationPlan {
  ok: true
  /** Write inside a transaction (or with a condition) after checking the check-in's `moderation` is still 'review'. */
  checkinPatch: ModerationPatch
  checkin: CheckinDoc
}

export function planModeration(
  checkin: CheckinDoc,
  period: PeriodDoc,
  actor: Actor | null | undefined,
  decision: ModerationDecision,
  now: number,
): ModerationPlan | ReviewRejection {
  if (checkin.periodId !== period._id) throw new Error(`check-in ${checkin._id} is not in period ${period._id}`)
  const denied = checkReviewer(actor, 'review.moderate', period, checkin)
  if (denied) return denied
  if (checkin.moderation !== 'review') return rejectReview('REVIEW.NOT_FLAGGED', { moderation: checkin.moderation })
  const to: Verdict = decision === 'pass' ? 'pass' : 'risky'
  const textVerdict: Verdict = checkin.textVerdict === 'review' ? to : checkin.textVerdict
  const mediaChecks: MediaCheck[] = checkin.mediaChecks.map((c) => (c.verdict === 'review' ? { ...c, verdict: to } : c))
  const checkinPatch: ModerationPatch = { textVerdict, mediaChecks, moderation: resolveModeration(textVerdict, mediaChecks) }
  if (decision === 'reject') {
    checkinPatch.moderation = 'risky'
    if (checkin.featured) Object.assign(checkinPatch, { featured: false, featuredAt: null })
    if (!checkin.makeup && checkin.reviewStatus !== 'none') {
      checkinPatch.reviewStatus = checkin.redoCount < MAX_REDOS ? 'returned' : 'none'
    }
  }
  void now
  return { ok: true, checkinPatch, checkin: { ...checkin, ...checkinPatch } }
}
