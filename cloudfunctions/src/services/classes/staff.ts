/** Staff (admin or teacher): a session's roster, attendance, and the lead pipeline over all signups. */
import { toSessionView, toStaffSignupView, type LeadPage, type RosterView, type StaffSignupView } from '../../contracts/class-views'
import {
  planAttendance,
  planLeadUpdate,
  rejectClass,
  type Attendance,
  type ClassRejection,
  type LeadStage,
  type Signup,
} from '../../domain/classes'
import { isRejection } from '../../domain/kernel'
import { TxAbort, withTransaction, type Tx } from '../../shared/db'
import { trackInTx, trackOnceInTx } from '../tracking/track'
import { takenOf } from './seats'
import { CLASSES, nicknamesOf, pageBy, SESSIONS, SIGNUPS, withoutId, type PageQuery, repo } from './store'
import { command } from '../../shared/repository'

/** The biggest roster one call returns (sessions are small classes; a bigger one is cut and says so by its length). */
const ROSTER_MAX = 500

async function withNames(signups: Signup[]): Promise<StaffSignupView[]> {
  const names = await nicknamesOf(signups.map((s) => s.memberId))
  return signups.map((s) => toStaffSignupView(s, names.get(s.memberId) ?? ''))
}

/** Index session_status_waited: the seated (confirmed/attended/absent) in signup order, then the waitlist in order. */
export async function roster(sessionId: string, now: number): Promise<RosterView | ClassRejection> {
  const session = await repo.get(SESSIONS, sessionId)
  if (!session) return rejectClass('CLASS.SESSION_NOT_FOUND')
  const _ = command()
  const [seated, waiting, cls, taken] = await Promise.all([
    repo
      .col(SIGNUPS)
      .where({ sessionId, status: _.in(['confirmed', 'attended', 'absent']) })
      .orderBy('confirmedAt', 'asc')
      .limit(ROSTER_MAX)
      .get(),
    repo.col(SIGNUPS).where({ sessionId, status: 'waitlisted' }).orderBy('waitlistedAt', 'asc').limit(ROSTER_MAX).get(),
    repo.get(CLASSES, session.classId),
    takenOf([sessionId]),
  ])
  return {
    session: toSessionView(session, taken.get(sessionId) ?? 0, now),
    classTitle: cls?.title ?? '',
    confirmed: await withNames(seated.data),
    waitlisted: await withNames(waiting.data),
  }
}

/** Writes the planned signup in one transaction; `alongside` adds what must commit with it (the action's event). */
async function updateSignup(
  signupId: string,
  plan: (s: Signup | null) => { ok: true; signup: Signup } | ClassRejection,
  alongside: (tx: Tx, before: Signup, after: Signup) => Promise<void>,
): Promise<{ before: Signup; after: Signup } | ClassRejection> {
  return withTransaction(async (tx) => {
    const current = await repo.getIn(tx, SIGNUPS, signupId)
    const out = plan(current)
    if (!out.ok) throw new TxAbort<ClassRejection>(out)
    await repo
      .inTx(tx, SIGNUPS)
      .doc(signupId)
      .set({ data: withoutId(out.signup) })
    await alongside(tx, current as Signup, out.signup)
    return { before: current as Signup, after: out.signup }
  })
}

/**
 * Attendance, and the `class_attend` event in the same transaction (exactly once: a retry after a lost answer finds
 * the mark committed with its event). The event is keyed per signup; marking attended again after an "absent" finds
 * it already there and adds nothing.
 */
export async function markAttendance(signupId: string, mark: Attendance, now: number): Promise<StaffSignupView | ClassRejection> {
  const out = await updateSignup(
    signupId,
    (s) => planAttendance(s, mark, s?.sessionStartAt ?? 0, now),
    async (tx, _before, after) => {
      if (mark !== 'attended') return
      await trackOnceInTx(tx, { type: 'class_attend', memberId: after.memberId, ref: signupId }, now)
    },
  )
  if (isRejection(out)) return out
  return (await withNames([out.after]))[0]
}

/** A lead's stage, and its `lead_stage` event in the same transaction when the stage moved. */
export async function updateLead(
  signupId: string,
  stage: LeadStage,
  note: string | undefined,
  staffId: string,
  now: number,
): Promise<StaffSignupView | ClassRejection> {
  const out = await updateSignup(
    signupId,
    (s) => planLeadUpdate(s, stage, note, now),
    async (tx, before, after) => {
      if (before.stage === stage) return
      const props = { from: before.stage, to: stage, classId: after.classId, by: staffId }
      await trackInTx(tx, { type: 'lead_stage', memberId: after.memberId, props }, now)
    },
  )
  if (isRejection(out)) return out
  return (await withNames([out.after]))[0]
}

/** Index stage_created (or created without a stage), newest first. */
export async function leads(stage: LeadStage | undefined, q: PageQuery): Promise<LeadPage> {
  const page = await pageBy(SIGNUPS, stage ? { stage } : {}, q)
  return { items: await withNames(page.items), cursor: page.cursor }
}
