import { GRADES, type Grade } from '../identity/member'
import { normalizePhone, MAINLAND_MOBILE } from '../mall/address'
import { rejectClass, type ClassRejection } from './rejections'
import { ACTIVE_STATUSES, type ClassSession, type FreeClass, type Signup } from './model'

/** wx-server-sdk's codes for a CloudID that cannot be resolved for this caller. */
const EXPIRED_CLOUD_ID = -601006

/**
 * The phone number inside resolved phone-number open data (`getOpenData` of the member's CloudID), or why there is
 * none. Only what WeChat resolved counts; a number the client typed is never accepted.
 */
export function phoneFromOpenData(resolved: unknown): { ok: true; phone: string } | ClassRejection {
  if (resolved === undefined || resolved === null) return rejectClass('CLASS.PHONE_REQUIRED')
  const r = resolved as { errCode?: unknown; data?: { phoneNumber?: unknown; purePhoneNumber?: unknown } }
  if (r.errCode === EXPIRED_CLOUD_ID) return rejectClass('CLASS.PHONE_EXPIRED')
  const raw = r.data?.purePhoneNumber ?? r.data?.phoneNumber
  if (typeof raw !== 'string') return rejectClass('CLASS.PHONE_INVALID')
  const phone = normalizePhone(raw)
  return MAINLAND_MOBILE.test(phone) ? { ok: true, phone } : rejectClass('CLASS.PHONE_INVALID')
}

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value)
}

export interface SignupCheckInput {
  cls: FreeClass | null
  session: ClassSession | null
  childGrade: unknown
  now: number
}

/** What a signup needs before the phone is resolved: the class on the shelf, its session not started, a grade. */
export function canSignUp({ cls, session, childGrade, now }: SignupCheckInput): { ok: true; childGrade: Grade } | ClassRejection {
  if (!cls || !cls.onShelf) return rejectClass('CLASS.NOT_FOUND')
  if (!session || session.classId !== cls._id) return rejectClass('CLASS.SESSION_NOT_FOUND')
  if (now >= session.startAt) return rejectClass('CLASS.SESSION_STARTED')
  if (!isGrade(childGrade)) return rejectClass('CLASS.GRADE_INVALID')
  return { ok: true, childGrade }
}

/**
 * What to do with the member's existing signup for the class (read in the signup transaction):
 * none or cancelled → sign up; active in the same session → a double tap or retry, answer with it;
 * anything else → refused (one signup per member per class).
 */
export type ExistingDecision = { kind: 'new' } | { kind: 'replay'; signup: Signup } | ClassRejection

export function decideExisting(existing: Signup | null, sessionId: string): ExistingDecision {
  if (!existing || existing.status === 'cancelled') return { kind: 'new' }
  if (ACTIVE_STATUSES.includes(existing.status) && existing.sessionId === sessionId) return { kind: 'replay', signup: existing }
  if (ACTIVE_STATUSES.includes(existing.status)) return rejectClass('CLASS.ALREADY_SIGNED_UP', { sessionId: existing.sessionId })
  return rejectClass('CLASS.SIGNUP_STATE', { status: existing.status })
}

export interface NewSignupInput {
  cls: FreeClass
  session: ClassSession
  memberId: string
  phone: string
  childGrade: Grade
  /** The seat shard taken, or null when the session is full (the member joins the waitlist). */
  seatShard: number | null
  previous: Signup | null
  now: number
}

/** The signup document to write. A re-signup after a cancel keeps the lead's stage and note (same person, same class). */
export function newSignup({ cls, session, memberId, phone, childGrade, seatShard, previous, now }: NewSignupInput): Signup {
  const confirmed = seatShard !== null
  return {
    _id: previous?._id ?? `${cls._id}:${memberId}`,
    classId: cls._id,
    sessionId: session._id,
    memberId,
    status: confirmed ? 'confirmed' : 'waitlisted',
    phone,
    childGrade,
    classTitle: cls.title,
    sessionStartAt: session.startAt,
    seatShard,
    waitlistedAt: confirmed ? null : now,
    stage: previous?.stage ?? 'new',
    note: previous?.note ?? '',
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    confirmedAt: confirmed ? now : null,
    cancelledAt: null,
    remindAt: previous?.remindAt ?? null,
  }
}

/** A waitlisted signup that got the seat `seatShard`. */
export function promoted(signup: Signup, seatShard: number, now: number): Signup {
  return { ...signup, status: 'confirmed', seatShard, waitlistedAt: null, confirmedAt: now, updatedAt: now }
}
