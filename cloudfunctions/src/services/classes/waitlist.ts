/**
 * Promotion from a session's waitlist (order: `waitlistedAt`, then `_id`; index session_status_waited). Runs after a
 * cancel frees a seat, after a capacity increase, and after a signup lands on the waitlist (a cancel that committed
 * while that signup's transaction ran could not see it). Each promotion is one transaction that re-reads the
 * candidate and takes a free seat, so two racing cancels promote two different members, never one twice.
 */
import { promoted, type Signup } from '../../domain/classes'
import { withTransaction } from '../../shared/db'
import { trackInTx } from '../tracking/track'
import { awardSignupInTx } from './award'
import { findFreeSeat, moveSeat, takenOf } from './seats'
import { CLASSES, SESSIONS, SIGNUPS, withoutId, type ClassSession, type FreeClass, repo } from './store'
import { command } from '../../shared/repository'

const MAX_PROMOTIONS_PER_RUN = 50

async function firstWaitlisted(sessionId: string): Promise<Signup | null> {
  const res = await repo
    .col(SIGNUPS)
    .where({ sessionId, status: 'waitlisted' })
    .orderBy('waitlistedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(1)
    .get()
  return res.data[0] ?? null
}

type Step = { kind: 'promoted'; signup: Signup } | { kind: 'done' } | { kind: 'again' }

async function promoteOne(cls: FreeClass, session: ClassSession, now: number): Promise<Step> {
  return withTransaction<Step>(async (tx) => {
    const first = await firstWaitlisted(session._id)
    if (!first) return { kind: 'done' }
    const candidate = await repo.getIn(tx, SIGNUPS, first._id)
    // Changed since the query (promoted or cancelled by someone else): look again.
    if (!candidate || candidate.status !== 'waitlisted' || candidate.sessionId !== session._id) return { kind: 'again' }
    const seat = await findFreeSeat(tx, session)
    if (!seat) return { kind: 'done' }
    await moveSeat(tx, seat, 1)
    const next = promoted(candidate, seat.k, now)
    await repo
      .inTx(tx, SIGNUPS)
      .doc(next._id)
      .set({ data: withoutId(next) })
    await awardSignupInTx(tx, cls, next.memberId, now)
    // The event commits with the promotion (never lost to a failed insert after it, never written without it).
    await trackInTx(tx, { type: 'class_promoted', memberId: next.memberId, ref: next.classId }, now)
    return { kind: 'promoted', signup: next }
  })
}

/** Fills free seats of a session from its waitlist, first come first served; answers how many were promoted. */
export async function fillFromWaitlist(session: ClassSession, now: number): Promise<number> {
  if (now >= session.startAt) return 0
  const cls = await repo.get(CLASSES, session.classId)
  if (!cls) return 0
  let count = 0
  for (let i = 0; i < MAX_PROMOTIONS_PER_RUN; i++) {
    const step = await promoteOne(cls, session, now)
    if (step.kind === 'done') break
    if (step.kind === 'promoted') count++
  }
  return count
}

const SWEEP_PAGE = 1000
/** Sessions one sweep looks at, at most (the nearest first); the rest wait for the next run. */
const SWEEP_SESSIONS = 200

export interface WaitlistSweep {
  sessions: number
  withFreeSeats: number
  promoted: number
}

/**
 * The timer's repair: a function that crashed between a cancel (or a capacity increase) and its promotion leaves a
 * free seat with members still waiting. Sessions to come that have a waitlist (index { status, sessionStartAt }) are
 * checked against their seat shards in one query, and only those with a free seat run the promotion.
 */
export async function sweepWaitlists(now: number): Promise<WaitlistSweep> {
  const _ = command()
  const res = await repo
    .col(SIGNUPS)
    .where({ status: 'waitlisted', sessionStartAt: _.gt(now) })
    .orderBy('sessionStartAt', 'asc')
    .limit(SWEEP_PAGE)
    .get()
  const ids = [...new Set(res.data.map((s) => s.sessionId))].slice(0, SWEEP_SESSIONS)
  const [sessions, taken] = await Promise.all([repo.byIds(SESSIONS, ids), takenOf(ids)])
  const open = [...sessions.values()].filter((s) => (taken.get(s._id) ?? 0) < s.capacity)
  let count = 0
  for (const session of open) count += await fillFromWaitlist(session, now)
  return { sessions: ids.length, withFreeSeats: open.length, promoted: count }
}

/** 1-based place of a waitlisted signup in its session's queue (the promotion order: `waitlistedAt`, then `_id`). */
export async function waitlistPosition(s: Signup): Promise<number | null> {
  if (s.status !== 'waitlisted' || s.waitlistedAt === null) return null
  const _ = command()
  const count = (where: Record<string, unknown>) => repo.count(SIGNUPS, { sessionId: s.sessionId, status: 'waitlisted', ...where })
  const [earlier, tied] = await Promise.all([
    count({ waitlistedAt: _.lt(s.waitlistedAt) }),
    count({ waitlistedAt: s.waitlistedAt, _id: _.lt(s._id) }),
  ])
  return earlier + tied + 1
}
