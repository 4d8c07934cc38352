/**
 * Cancel before the session starts: one transaction flips the signup to cancelled, gives its seat back to its
 * shard, reverses the signup award and records the `class_cancel` event; then the first waitlisted member of the session is promoted (waitlist.ts).
 * Two cancels racing write the same signup document, so one of them retries, finds it cancelled and does nothing.
 */
import { toMySignupView, type MySignupView } from '../../contracts/class-views'
import { planCancel, rejectClass, signupIdOf, type ClassRejection, type Signup } from '../../domain/classes'
import { isRejection, type Rejection } from '../../domain/kernel'
import { TxAbort, withTransaction } from '../../shared/db'
import { trackInTx } from '../tracking/track'
import { reverseSignupAwardInTx } from './award'
import { moveSeat, seatShardId } from './seats'
import { SEATS, SESSIONS, SIGNUPS, withoutId, repo } from './store'
import { fillFromWaitlist } from './waitlist'

type Outcome = { signup: Signup; changed: boolean; freedSeat: boolean } | Rejection

export async function cancelSignup(classId: string, memberId: string, now: number): Promise<MySignupView | ClassRejection | Rejection> {
  const id = signupIdOf(classId, memberId)
  const current = await repo.get(SIGNUPS, id)
  if (!current) return rejectClass('CLASS.SIGNUP_NOT_FOUND')
  const session = await repo.get(SESSIONS, current.sessionId)
  const out = await withTransaction<Outcome>(async (tx) => {
    const signup = await repo.getIn(tx, SIGNUPS, id)
    const startAt = signup && session && signup.sessionId === session._id ? session.startAt : (signup?.sessionStartAt ?? 0)
    const plan = planCancel(signup, memberId, startAt, now)
    if (!plan.ok) throw new TxAbort<Outcome>(plan)
    if (!plan.changed) return { signup: plan.signup, changed: false, freedSeat: false }
    const held = (signup as Signup).seatShard
    if (plan.freesSeat && held !== null) {
      const shard = await repo.getIn(tx, SEATS, seatShardId(plan.signup.sessionId, held))
      if (shard) await moveSeat(tx, shard, -1)
    }
    await reverseSignupAwardInTx(tx, classId, memberId, now)
    await repo
      .inTx(tx, SIGNUPS)
      .doc(id)
      .set({ data: withoutId(plan.signup) })
    // The event commits with the cancel: a retry after a lost answer finds it cancelled and records nothing more.
    await trackInTx(tx, { type: 'class_cancel', memberId, ref: classId }, now)
    return { signup: plan.signup, changed: true, freedSeat: plan.freesSeat }
  })
  if (isRejection(out)) return out
  if (out.freedSeat && session && session._id === out.signup.sessionId) await fillFromWaitlist(session, now)
  return toMySignupView(out.signup, now)
}
