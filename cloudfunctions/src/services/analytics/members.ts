/** 转化登记's member picker: one page of a period's enrollments (index `{periodId, _id}`) with names and conversions. */
import type { PeriodMembersPage } from '../../contracts/analytics'
import { enrollmentId, type EnrollmentDoc } from '../../domain/camp'
import { conversionId, rejectAnalytics, type AnalyticsCode, type ConversionDoc } from '../../domain/analytics'
import type { MemberDoc } from '../../domain/identity'
import type { Rejection } from '../../domain/kernel'
import { db } from '../../shared/db'
import { roundsOf, toConversionView } from './conversions'
import { byIds, CONVERSIONS, ENROLLMENTS, getPeriod, MEMBERS } from './store'

export async function periodMembers(
  periodId: string,
  after: string | undefined,
  limit: number,
): Promise<PeriodMembersPage | Rejection<AnalyticsCode>> {
  const period = await getPeriod(periodId)
  if (!period || period.status === 'draft') return rejectAnalytics('ANALYTICS.PERIOD_NOT_FOUND')
  const _ = db().command
  const where: Record<string, unknown> = { periodId }
  if (after) where._id = _.gt(enrollmentId(periodId, after))
  const res = await db()
    .collection(ENROLLMENTS)
    .where(where)
    .orderBy('_id', 'asc')
    .limit(limit + 1)
    .get()
  const all = res.data as unknown as EnrollmentDoc[]
  const page = all.slice(0, limit)
  const ids = page.map((e) => e.memberId)
  const [members, conversions, rounds] = await Promise.all([
    byIds<MemberDoc>(MEMBERS, ids),
    byIds<ConversionDoc>(
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
