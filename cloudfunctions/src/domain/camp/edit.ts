import type { CheckinSubmission } from './checkin'
import { checkContent, initialModeration } from './content'
import type { CheckinDoc, PeriodDoc } from './model'
import { todayOf } from './period-time'
import { rejectCamp, type CampRejection } from './rejections'

/** A check-in returned for redo (issue 6) may be resubmitted this many times. */
export const MAX_REDOS = 1

/** The fields an edit rewrites; `checkin` is the whole document after the edit. */
export type CheckinEdit = Pick<
  CheckinDoc,
  'content' | 'moderation' | 'textVerdict' | 'mediaChecks' | 'editedAt' | 'reviewStatus' | 'redoCount'
>

/**
 * Same-day edit by the author, or the one resubmission after a teacher returned it for redo (which keeps the
 * original day, whenever it happens). Content is checked again and moderation starts over, so edited content is
 * hidden from others until it passes. Points never change on edit.
 *
 * Write `patch` with a conditional update (`where({ _id, editedAt: checkin.editedAt, reviewStatus: checkin.reviewStatus })`)
 * or inside a transaction, so a teacher's concurrent review is not overwritten.
 * Wrap `content` in `_.set(...)`: `update` would flatten it into dot paths, and `content.voice.fileId` cannot be set
 * inside a null `content.voice`.
 */
export function planEdit(
  period: PeriodDoc,
  checkin: CheckinDoc,
  actorId: string,
  submission: CheckinSubmission,
  now: number,
): { ok: true; checkin: CheckinDoc; patch: CheckinEdit; redo: boolean } | CampRejection {
  if (checkin.periodId !== period._id) throw new Error(`check-in ${checkin._id} is not in period ${period._id}`)
  if (checkin.memberId !== actorId) return rejectCamp('CAMP.NOT_AUTHOR')
  if (checkin.makeup) return rejectCamp('CAMP.MAKEUP_NOT_EDITABLE')
  if (period.status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  const redo = checkin.reviewStatus === 'returned' && checkin.redoCount < MAX_REDOS
  if (!redo) {
    if (todayOf(period, now) !== checkin.submittedDay) return rejectCamp('CAMP.EDIT_DAY_PASSED', { day: checkin.submittedDay })
    if (checkin.reviewStatus !== 'pending') return rejectCamp('CAMP.ALREADY_REVIEWED')
  }
  const bad = checkContent(period, actorId, submission.content, submission.textVerdict)
  if (bad) return bad
  const patch: CheckinEdit = {
    content: submission.content,
    ...initialModeration(submission.content, submission.textVerdict),
    editedAt: now,
    reviewStatus: 'pending',
    redoCount: redo ? checkin.redoCount + 1 : checkin.redoCount,
  }
  return { ok: true, checkin: { ...checkin, ...patch }, patch, redo }
}
