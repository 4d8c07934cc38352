/**
 * The analytics repository: the pre-computed documents (day stats, funnels, layers and their paths, conversion rounds
 * and conversions, recompute runs) and the layer cursor in sys_meta. Camp records, members and events come through
 * their owners' exports (camp/analytics-reads.ts, identity/lookups.ts, tracking/lookups.ts). Reads page by `_id` with at
 * most 1000 documents each (the server-side limit), so a 10,000-member period is ten small reads, never one big one.
 */
import type { EnrollmentDoc } from '../../domain/camp'
import type { MemberDoc } from '../../domain/identity'
import type { CollectionDocs, OwnedBy } from '../../schema/collections'
import { MAX_GET, withoutId } from '../../shared/db'
import { idPages, repository } from '../../shared/repository'
import { enrollmentPages } from '../camp/analytics-reads'
import { membersByIds } from '../identity/lookups'

export const DAY_STATS = 'period_day_stats'
export const FUNNELS = 'period_funnels'
export const MEMBER_LAYERS = 'member_layers'
export const LAYER_PATHS = 'layer_paths'
export const ROUNDS = 'conversion_rounds'
export const CONVERSIONS = 'conversions'
export const RUNS = 'analytics_runs'
export const SYS_META = 'sys_meta'

export const repo = repository('analytics')

type Owned = OwnedBy<'analytics'>

/** The one `layer_paths` document: transitions are counted only by the layer timer and conversions, never per member. */
export const PATHS_ID = 'all'

export const MAX_PAGE = MAX_GET

/** Every document of an analytics collection matching `where`, page by page in `_id` order. */
export const pagesOf = <K extends Owned>(
  collection: K,
  where: Record<string, unknown>,
  size = MAX_PAGE,
): AsyncGenerator<CollectionDocs[K][]> => idPages<CollectionDocs[K]>(repo.col(collection), where, size)

/** A period's enrollments with the member records of each page, page by page. */
export async function* enrolledPages(periodId: string): AsyncGenerator<{ enrollment: EnrollmentDoc; member: MemberDoc | undefined }[]> {
  for await (const page of enrollmentPages(periodId)) {
    const members = await membersByIds(page.map((e) => e.memberId))
    yield page.map((enrollment) => ({ enrollment, member: members.get(enrollment.memberId) }))
  }
}

export { withoutId }

/** Overwrites a whole document (`set` = upsert without merge), so recomputing never leaves stale fields behind. */
export async function overwrite<K extends Owned>(collection: K, doc: CollectionDocs[K]): Promise<void> {
  await repo
    .col(collection)
    .doc(doc._id)
    .set({ data: withoutId(doc) })
}
