import { rejectClass, type ClassRejection } from './rejections'
import type { LeadStage, Signup } from './model'

export type Attendance = 'attended' | 'absent'

/** Staff mark a confirmed signup attended or absent once the session has started; they may correct the mark later. */
export function planAttendance(
  signup: Signup | null,
  mark: Attendance,
  sessionStartAt: number,
  now: number,
): { ok: true; signup: Signup } | ClassRejection {
  if (!signup) return rejectClass('CLASS.SIGNUP_NOT_FOUND')
  if (!['confirmed', 'attended', 'absent'].includes(signup.status)) return rejectClass('CLASS.SIGNUP_STATE', { status: signup.status })
  if (now < sessionStartAt) return rejectClass('CLASS.SESSION_NOT_STARTED')
  return { ok: true, signup: { ...signup, status: mark, updatedAt: now } }
}

/**
 * The sales pipeline: new → contacted → booked (diagnosis booked) → paid, and lost from any open stage. A lost lead
 * can be reopened as contacted; paid is final. Staying on a stage only updates the note.
 */
const NEXT: Readonly<Record<LeadStage, readonly LeadStage[]>> = {
  new: ['contacted', 'booked', 'lost'],
  contacted: ['booked', 'lost'],
  booked: ['paid', 'lost'],
  paid: [],
  lost: ['contacted'],
}

export function canMoveLead(from: LeadStage, to: LeadStage): boolean {
  return from === to || NEXT[from].includes(to)
}

export function planLeadUpdate(
  signup: Signup | null,
  stage: LeadStage,
  note: string | undefined,
  now: number,
): { ok: true; signup: Signup } | ClassRejection {
  if (!signup) return rejectClass('CLASS.SIGNUP_NOT_FOUND')
  if (!canMoveLead(signup.stage, stage)) return rejectClass('CLASS.LEAD_STAGE', { from: signup.stage, to: stage })
  return { ok: true, signup: { ...signup, stage, note: note ?? signup.note, updatedAt: now } }
}

/** The stages staff may pick next for a lead (for the leads page's buttons). */
export const nextStages = (from: LeadStage): readonly LeadStage[] => NEXT[from]
