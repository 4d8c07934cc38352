/** Admin writes: classes, their sessions and each session's seat shards. */
import type { ClassCreateInput, ClassPatchInput, SessionCreateInput, SessionPatchInput } from '../../contracts/classes'
import { toClassView, toSessionView, type ClassView, type SessionView } from '../../contracts/class-views'
import { reminderDueAt, rejectClass, reshare, type ClassRejection } from '../../domain/classes'
import { isRejection, type Rejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'
import { newSeatShards, readShards, shardCount } from './seats'
import { CLASSES, SEATS, SESSIONS, SIGNUPS, type ClassSession, type FreeClass, repo } from './store'
import { fillFromWaitlist } from './waitlist'
import { createdId } from '../../shared/created-id'
import { command } from '../../shared/repository'

/** One class per request id: a repeat of the same form answers the first class. */
export async function createClass(input: ClassCreateInput, requestId: string, adminId: string, now: number): Promise<ClassView> {
  const cls: FreeClass = { _id: `cls-${createdId('class', adminId, requestId)}`, ...input, createdAt: now, updatedAt: now }
  try {
    await repo.col(CLASSES).add({ data: cls })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const first = await repo.get(CLASSES, cls._id)
    if (!first) throw err
    return toClassView(first)
  }
  return toClassView(cls)
}

export async function updateClass(classId: string, patch: ClassPatchInput, now: number): Promise<ClassView | ClassRejection> {
  const cls = await repo.get(CLASSES, classId)
  if (!cls) return rejectClass('CLASS.NOT_FOUND')
  await repo
    .col(CLASSES)
    .doc(classId)
    .update({ data: wholeFields({ ...patch, updatedAt: now }) })
  return toClassView({ ...cls, ...patch, updatedAt: now })
}

/** One session per request id (a repeat answers the first one; its seat shards commit with it). */
export async function addSession(
  classId: string,
  input: SessionCreateInput,
  requestId: string,
  adminId: string,
  now: number,
): Promise<SessionView | ClassRejection> {
  const cls = await repo.get(CLASSES, classId)
  if (!cls) return rejectClass('CLASS.NOT_FOUND')
  if (input.startAt <= now) return rejectClass('CLASS.INVALID', { field: 'startAt' }, '开始时间须晚于现在')
  const session: ClassSession = {
    _id: `ses-${createdId('session', adminId, requestId)}`,
    classId,
    ...input,
    seatShards: shardCount(input.capacity),
    createdAt: now,
    updatedAt: now,
  }
  const first = await withTransaction(async (tx) => {
    const existing = await repo.getIn(tx, SESSIONS, session._id)
    if (existing) return existing
    await repo.inTx(tx, SESSIONS).add({ data: session })
    for (const { _id, ...shard } of newSeatShards(session._id, session.capacity, session.seatShards))
      await repo.inTx(tx, SEATS).doc(_id).set({ data: shard })
    return null
  })
  return first ? toSessionView(first, 0, now) : toSessionView(session, 0, now)
}

/**
 * Edit a session that has not started. A new capacity is spread over the same shards, each keeping at least the
 * seats it has given out, inside one transaction with the signups' seat writes; it cannot go below the seats taken.
 * A new start time is copied onto the session's signups (their snapshot and reminder time).
 */
export async function updateSession(
  sessionId: string,
  patch: SessionPatchInput,
  now: number,
): Promise<SessionView | ClassRejection | Rejection> {
  const before = await repo.get(SESSIONS, sessionId)
  if (!before) return rejectClass('CLASS.SESSION_NOT_FOUND')
  if (now >= before.startAt) return rejectClass('CLASS.SESSION_STARTED')
  if (patch.startAt !== undefined && patch.startAt <= now) return rejectClass('CLASS.INVALID', { field: 'startAt' }, '开始时间须晚于现在')
  const out = await withTransaction<{ session: ClassSession; taken: number } | ClassRejection>(async (tx) => {
    const session = await repo.getIn(tx, SESSIONS, sessionId)
    if (!session) throw new TxAbort(rejectClass('CLASS.SESSION_NOT_FOUND'))
    const shards = await readShards(tx, session)
    const taken = shards.reduce((sum, s) => sum + s.taken, 0)
    const next: ClassSession = { ...session, ...patch, updatedAt: now }
    if (next.capacity < taken) throw new TxAbort(rejectClass('CLASS.CAPACITY_BELOW_TAKEN', { taken }))
    await repo
      .inTx(tx, SESSIONS)
      .doc(sessionId)
      .update({ data: wholeFields({ ...patch, updatedAt: now }) })
    if (patch.capacity !== undefined) {
      const capacities = reshare(
        next.capacity,
        shards.map((s) => s.taken),
      )
      for (let i = 0; i < shards.length; i++)
        await repo
          .inTx(tx, SEATS)
          .doc(shards[i]._id)
          .update({ data: { capacity: capacities[i] } })
    }
    return { session: next, taken }
  })
  if (isRejection(out)) return out
  if (patch.startAt !== undefined && patch.startAt !== before.startAt) {
    const _ = command()
    await repo
      .col(SIGNUPS)
      .where({ sessionId })
      .update({ data: { sessionStartAt: patch.startAt } })
    await repo
      .col(SIGNUPS)
      .where({ sessionId, remindAt: _.neq(null) })
      .update({ data: { remindAt: reminderDueAt(patch.startAt) } })
  }
  const promoted = patch.capacity !== undefined && patch.capacity > before.capacity ? await fillFromWaitlist(out.session, now) : 0
  return toSessionView(out.session, out.taken + promoted, now)
}
