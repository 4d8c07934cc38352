/**
 * Sign up for one session: class + session read, the phone CloudID resolved, then one transaction that reads the
 * member's signup for the class (its `_id` is `{classId}:{memberId}`: a double tap or a retry lands on it), takes a
 * seat from a shard or joins the waitlist, writes the signup and, for a confirmed one, the points award.
 */
import type { PhoneCloudId } from '../../contracts/classes'
import { toMySignupView, type MySignupView } from '../../contracts/class-views'
import { canSignUp, decideExisting, newSignup, signupIdOf, type ClassRejection, type Signup } from '../../domain/classes'
import { isRejection, type Rejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import type { EventInput } from '../../domain/identity'
import { trackInTx } from '../tracking/track'
import { awardSignupInTx } from './award'
import { resolvePhone } from './phone'
import { findFreeSeat, moveSeat } from './seats'
import { CLASSES, SESSIONS, SIGNUPS, withoutId, type ClassSession, type FreeClass, repo } from './store'
import { fillFromWaitlist, waitlistPosition } from './waitlist'

export interface SignUpInput {
  memberId: string
  classId: string
  sessionId: string
  phone: PhoneCloudId | undefined
  childGrade: string
  now: number
}

type Outcome = { signup: Signup; changed: boolean } | Rejection

const signupEvent = (s: Signup): EventInput => ({
  type: 'class_signup',
  memberId: s.memberId,
  ref: s.classId,
  props: { status: s.status, grade: s.childGrade },
})

export async function signUp(input: SignUpInput): Promise<MySignupView | ClassRejection | Rejection> {
  const { memberId, classId, sessionId, now } = input
  const [cls, session] = await Promise.all([repo.get(CLASSES, classId), repo.get(SESSIONS, sessionId)])
  const check = canSignUp({ cls, session, childGrade: input.childGrade, now })
  if (!check.ok) return check
  const phone = await resolvePhone(input.phone)
  if (!phone.ok) return phone
  const theClass = cls as FreeClass
  const theSession = session as ClassSession
  const id = signupIdOf(classId, memberId)
  let out: Outcome
  try {
    out = await withTransaction<Outcome>(async (tx) => {
      const existing = await repo.getIn(tx, SIGNUPS, id)
      const decision = decideExisting(existing, sessionId)
      if ('ok' in decision) throw new TxAbort<Outcome>(decision)
      if (decision.kind === 'replay') return { signup: decision.signup, changed: false }
      const seat = await findFreeSeat(tx, theSession)
      if (seat) await moveSeat(tx, seat, 1)
      const signup = newSignup({
        cls: theClass,
        session: theSession,
        memberId,
        phone: phone.phone,
        childGrade: check.childGrade,
        seatShard: seat ? seat.k : null,
        previous: existing,
        now,
      })
      if (existing)
        await repo
          .inTx(tx, SIGNUPS)
          .doc(id)
          .set({ data: withoutId(signup) })
      else await repo.inTx(tx, SIGNUPS).add({ data: signup })
      if (seat) await awardSignupInTx(tx, theClass, memberId, now)
      // The first signup for a class (its event key is once per class and member) qualifies an invite: it commits here.
      if (!existing) await trackInTx(tx, signupEvent(signup), now)
      return { signup, changed: true }
    })
  } catch (err) {
    // Two first taps at once: the other one's signup is the answer.
    if (!isDuplicateKey(err)) throw err
    const existing = await repo.get(SIGNUPS, id)
    const decision = decideExisting(existing, sessionId)
    if (!existing || 'ok' in decision) throw err
    out = { signup: existing, changed: false }
  }
  if (isRejection(out)) return out
  let signup = out.signup
  if (out.changed) {
    if (signup.status === 'waitlisted' && (await fillFromWaitlist(theSession, now)) > 0) signup = (await repo.get(SIGNUPS, id)) ?? signup
  }
  return toMySignupView(signup, now, await waitlistPosition(signup))
}
