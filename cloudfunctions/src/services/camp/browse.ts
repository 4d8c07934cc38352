/** Browsing camps: the list (published periods only) and one camp's page, which records `view_camp`. */
import type { CampListView } from '../../contracts/camp-results'
import { toCampView, type CampView } from '../../contracts/camp-views'
import { rejectCamp, type CampRejection } from '../../domain/camp'
import { command } from '../../shared/repository'
import { track } from '../tracking/track'
import { CAMPS, getCamp, PERIODS, repo } from './store'

/** Periods per camp page; older ones stay in the admin view. */
const PERIODS_SHOWN = 50

export interface CampFilter {
  subject?: string
  grade?: string
  limit: number
}

/** Two requests: the camps (index { archived, subject?, gradeTags?, createdAt }), then their open periods. */
export async function listCamps(filter: CampFilter, now: number): Promise<CampListView> {
  const where: Record<string, unknown> = { archived: false }
  if (filter.subject) where.subject = filter.subject
  if (filter.grade) where.gradeTags = filter.grade
  const camps = await repo.col(CAMPS).where(where).orderBy('createdAt', 'desc').limit(filter.limit).get()
  if (camps.data.length === 0) return { items: [] }
  const _ = command()
  const periods = await repo
    .col(PERIODS)
    .where({ campId: _.in(camps.data.map((c) => c._id)), status: 'open' })
    .orderBy('startDay', 'asc')
    .limit(1000)
    .get()
  return {
    items: camps.data.map((c) =>
      toCampView(
        c,
        periods.data.filter((p) => p.campId === c._id),
        now,
      ),
    ),
  }
}

export async function campDetail(campId: string, memberId: string, now: number): Promise<CampView | CampRejection> {
  const camp = await getCamp(campId)
  if (!camp) return rejectCamp('CAMP.NOT_FOUND')
  const _ = command()
  const periods = await repo
    .col(PERIODS)
    .where({ campId, status: _.neq('draft') })
    .orderBy('index', 'desc')
    .limit(PERIODS_SHOWN)
    .get()
  // Once per member, camp and day (the event's `_id`), so a page refresh is not a second view.
  await track({ type: 'view_camp', memberId, campId, props: { periods: periods.data.length } }, now)
  return toCampView(camp, periods.data, now)
}
