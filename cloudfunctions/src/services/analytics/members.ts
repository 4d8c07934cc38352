/** 转化登记's member picker: one page of a period's enrollments (index `{periodId, _id}`) with names and conversions. */
import type { PeriodMembersPage } from '../../contracts/analytics'
import { conversionId, rejectAnalytics, type AnalyticsCode } from '../../domain/analytics'
import type { Rejection } from '../../domain/kernel'
import { enrollmentsAfter, periodOf } from '../camp/analytics-reads'
import { membersByIds } from '../identity/lookups'
import { roundsOf, toConversionView } from './conversions'
import { CONVERSIONS, repo } from './store'

export async function periodMembers(
  periodId: string,
  after: string | undefined,
  limit: number,
): Promise<PeriodMembersPage | Rejection<AnalyticsCode>> {
  const period = await periodOf(periodId)
  if (!period || period.status === 'draft') return rejectAnalytics('ANALYTICS.PERIOD_NOT_FOUND')
  const all = await enrollmentsAfter(periodId, after, limit + 1)
  const page = all.slice(0, limit)
  const ids = page.map((e) => e.memberId)
  const [members, conversions, rounds] = await Promise.all([
    membersByIds(ids),
    repo.byIds(
      CONVERSIONS,
      ids.map((id) => conversionId(periodId, id)),
    ),
    roundsOf(periodId),
  ])
  const min = period.points.completion.minCheckins
  return {
    items: page.map((e) => {
      const c = conversions.get(conversionId(periodId, e.memberId))
      return {
        memberId: e.memberId,
        nickname: members.get(e.memberId)?.nickname || '学员',
        checkins: e.checkins,
        makeups: e.makeups,
        completed: e.checkins + e.makeups >= min,
        conversion: c ? toConversionView(c) : null,
      }
    }),
    next: all.length > limit ? page[page.length - 1].memberId : null,
    rounds,
  }
}
