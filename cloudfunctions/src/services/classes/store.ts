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
import type { CollectionDocs } from '../../schema/collections'
import { command, repository } from '../../shared/repository'
import { membersByIds } from '../identity/lookups'

export const CLASSES = 'classes'
export const SESSIONS = 'class_sessions'
export const SEATS = 'class_seats'
export const SIGNUPS = 'class_signups'

export const repo = repository('classes')

export type { ClassSession, FreeClass, Signup }

export { withoutId } from '../../shared/db'

/** Sessions of one class, earliest first (index class_start); a class has a handful. */
export async function sessionsOf(classId: string): Promise<ClassSession[]> {
  const res = await repo.col(SESSIONS).where({ classId }).orderBy('startAt', 'asc').limit(100).get()
  return res.data
}

/** Display names for staff views. */
export async function nicknamesOf(memberIds: readonly string[]): Promise<Map<string, string>> {
  const docs = await membersByIds(memberIds)
  return new Map([...docs.values()].map((m) => [m._id, m.nickname ?? '']))
}

export interface PageQuery {
  cursor?: string
  limit: number
}

/** One page newest first by `createdAt`; the cursor is the last item's `createdAt`. */
export async function pageBy<K extends typeof CLASSES | typeof SIGNUPS>(collection: K, where: Record<string, unknown>, q: PageQuery) {
  const _ = command()
  const filter = q.cursor ? { ...where, createdAt: _.lt(Number(q.cursor)) } : where
  const res: { data: CollectionDocs[K][] } = await repo
    .col(collection)
    .where(filter)
    .orderBy('createdAt', 'desc')
    .limit(q.limit + 1)
    .get()
  const items = res.data.slice(0, q.limit)
  return { items, cursor: res.data.length > q.limit ? String(items[items.length - 1].createdAt) : null }
}
