/**
 * Where free classes keep things.
 * - `classes`: the offer (configuration, read by signups, never written by them).
 * - `class_sessions`: time slots; read by signups, written only by admins.
 * - `class_seats`: each session's capacity as seat shards `{sessionId}~{k}` (seats.ts). A signup takes a seat from
 *   one shard inside its transaction, so capacity holds exactly under concurrency, and a rush of signups for one
 *   session spreads its writes over up to 8 small documents instead of one hot counter on the session.
 * - `class_signups`: one per member per class, `_id` = `{classId}:{memberId}`; it is also the sales lead.
 */
import type { ClassSession, FreeClass, Signup } from '../../domain/classes'
import { byIds, db } from '../../shared/db'

export const CLASSES = 'classes'
export const SESSIONS = 'class_sessions'
export const SEATS = 'class_seats'
export const SIGNUPS = 'class_signups'
export const MEMBERS = 'members'

export type { ClassSession, FreeClass, Signup }

export { withoutId } from '../../shared/db'

/** Sessions of one class, earliest first (index class_start); a class has a handful. */
export async function sessionsOf(classId: string): Promise<ClassSession[]> {
  const res = (await db().collection(SESSIONS).where({ classId }).orderBy('startAt', 'asc').limit(100).get()) as unknown as {
    data: ClassSession[]
  }
  return res.data
}

/** Display names for staff views. */
export async function nicknamesOf(memberIds: readonly string[]): Promise<Map<string, string>> {
  const docs = await byIds<{ _id: string; nickname?: string }>(MEMBERS, memberIds)
  return new Map([...docs.values()].map((m) => [m._id, m.nickname ?? '']))
}

export interface PageQuery {
  cursor?: string
  limit: number
}

/** One page newest first by `createdAt`; the cursor is the last item's `createdAt`. */
export async function pageBy<T extends { createdAt: number }>(collection: string, where: Record<string, unknown>, q: PageQuery) {
  const _ = db().command
  const filter = q.cursor ? { ...where, createdAt: _.lt(Number(q.cursor)) } : where
  const res = (await db()
    .collection(collection)
    .where(filter)
    .orderBy('createdAt', 'desc')
    .limit(q.limit + 1)
    .get()) as unknown as { data: T[] }
  const items = res.data.slice(0, q.limit)
  return { items, cursor: res.data.length > q.limit ? String(items[items.length - 1].createdAt) : null }
}
