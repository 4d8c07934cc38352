import { rejectClass, type ClassRejection } from './rejections'
import { ACTIVE_STATUSES, type Signup } from './model'

export type CancelDecision =
  { ok: true; changed: false; signup: Signup } | { ok: true; changed: true; signup: Signup; freesSeat: boolean } | ClassRejection

/**
 * A member cancels their own signup before the session starts. A repeated cancel finds it cancelled and changes
 * nothing; a confirmed one frees its seat (the caller then promotes the first waitlisted member of the session).
 */
export function planCancel(signup: Signup | null, memberId: string, sessionStartAt: number, now: number): CancelDecision {
  if (!signup || signup.memberId !== memberId) return rejectClass('CLASS.SIGNUP_NOT_FOUND')
  if (signup.status === 'cancelled') return { ok: true, changed: false, signup }
  if (!ACTIVE_STATUSES.includes(signup.status)) return rejectClass('CLASS.SIGNUP_STATE', { status: signup.status })
  if (now >= sessionStartAt) return rejectClass('CLASS.SESSION_STARTED')
  const next: Signup = {
    ...signup,
    status: 'cancelled',
    seatShard: null,
    waitlistedAt: null,
    cancelledAt: now,
    updatedAt: now,
    remindAt: null,
  }
  return { ok: true, changed: true, signup: next, freesSeat: signup.status === 'confirmed' }
}
