/**
 * Where analytics keeps its pre-computed documents, and the paged reads every job shares. Reads page by `_id` with at
 * most 1000 documents each (the server-side limit), so a 10,000-member period is ten small reads, never one big one.
 */
import type { EnrollmentDoc } from '../../domain/camp'
import type { MemberDoc } from '../../domain/identity'
import { byIds, db, MAX_GET, withoutId } from '../../shared/db'
import { CAMPS, ENROLLMENTS, getPeriod, PERIODS, SYS_META } from '../camp/store'
import { MEMBERS } from '../identity/store'
import { EVENTS } from '../tracking/store'

// The owners' collection names, re-exported for the analytics jobs that read them.
export { byIds, CAMPS, ENROLLMENTS, EVENTS, getPeriod, MEMBERS, PERIODS, SYS_META }

export const DAY_STATS = 'period_day_stats'
export const FUNNELS = 'period_funnels'
export const MEMBER_LAYERS = 'member_layers'
export const LAYER_PATHS = 'layer_paths'
export const ROUNDS = 'conversion_rounds'
export const CONVERSIONS = 'conversions'
export const RUNS = 'analytics_runs'

/** The one `layer_paths` document: transitions are counted only by the layer timer and conversions, never per member. */
export const PATHS_ID = 'all'

export const MAX_PAGE = MAX_GET

/** Every document matching `where`, page by page in `_id` order (an index on `{…where, _id}` keeps each page cheap). */
export async function* pagesOf<T extends { _id: string }>(
  collection: string,
  where: Record<string, unknown>,
  size = MAX_PAGE,
): AsyncGenerator<T[]> {
  const _ = db().command
  let after: string | null = null
  for (;;) {
    const query = after === null ? where : { ...where, _id: _.gt(after) }
    const res = await db().collection(collection).where(query).orderBy('_id', 'asc').limit(size).get()
    const docs = res.data as unknown as T[]
    if (docs.length > 0) yield docs
    if (docs.length < size) return
    after = docs[docs.length - 1]._id
  }
}

/** A period's enrollments with the member records of each page, page by page. */
export async function* enrolledPages(periodId: string): AsyncGenerator<{ enrollment: EnrollmentDoc; member: MemberDoc | undefined }[]> {
  for await (const page of pagesOf<EnrollmentDoc>(ENROLLMENTS, { periodId })) {
    const members = await byIds<MemberDoc>(
      MEMBERS,
      page.map((e) => e.memberId),
    )
    yield page.map((enrollment) => ({ enrollment, member: members.get(enrollment.memberId) }))
  }
}

export { withoutId }

/** Overwrites a whole document (`set` = upsert without merge), so recomputing never leaves stale fields behind. */
export async function overwrite<T extends { _id: string }>(collection: string, doc: T): Promise<void> {
  await db()
    .collection(collection)
    .doc(doc._id)
    .set({ data: withoutId(doc) })
}
