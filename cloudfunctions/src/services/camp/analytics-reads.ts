/**
 * Camp records as analytics reads them (analytics never names a camp collection): periods and camps for the dashboards
 * and jobs, a period's enrollments and on-time check-ins page by page for the recomputes, and the check-ins in
 * submission order that the layer timer turns into `checkin` events (tracking/checkin-events.ts takes them as
 * `checkinReads`, so tracking does not import camp). Every read is the one the analytics code made before.
 */
import { enrollmentId, type CampDoc, type CheckinDoc, type EnrollmentDoc, type PeriodDoc } from '../../domain/camp'
import { afterCursor, command, idPages } from '../../shared/repository'
import type { CheckinReads } from '../tracking/checkin-events'
import { CAMPS, CHECKINS, ENROLLMENTS, PERIODS, repo } from './store'

/** One period, or null (one request). */
export const periodOf = (periodId: string): Promise<PeriodDoc | null> => repo.get(PERIODS, periodId)

/** One camp, or null (one request). */
export const campOf = (campId: string): Promise<CampDoc | null> => repo.get(CAMPS, campId)

/** Camps by `_id`: one request per 1000 ids. */
export const campsByIds = (campIds: readonly string[]): Promise<Map<string, CampDoc>> => repo.byIds(CAMPS, campIds)

/** Up to `limit` periods in one of `statuses` (index status), in no particular order (one request). */
export async function periodsIn(statuses: readonly PeriodDoc['status'][], limit: number): Promise<PeriodDoc[]> {
  const _ = command()
  const res = await repo
    .col(PERIODS)
    .where({ status: _.in([...statuses]) })
    .limit(limit)
    .get()
  return res.data
}

/** Up to `limit` periods in one of `statuses`, the latest `startDay` first (one request). */
export async function latestPeriodsIn(statuses: readonly PeriodDoc['status'][], limit: number): Promise<PeriodDoc[]> {
  const _ = command()
  const res = await repo
    .col(PERIODS)
    .where({ status: _.in([...statuses]) })
    .orderBy('startDay', 'desc')
    .limit(limit)
    .get()
  return res.data
}

/** The member's enrollment in the period, or null (one request). */
export const enrollmentOf = (periodId: string, memberId: string): Promise<EnrollmentDoc | null> =>
  repo.get(ENROLLMENTS, enrollmentId(periodId, memberId))

/** Up to `limit` of a period's enrollments in `_id` order, after the member `afterMemberId`'s (index `{periodId, _id}`). */
export async function enrollmentsAfter(periodId: string, afterMemberId: string | undefined, limit: number): Promise<EnrollmentDoc[]> {
  const _ = command()
  const where: Record<string, unknown> = { periodId }
  if (afterMemberId) where._id = _.gt(enrollmentId(periodId, afterMemberId))
  const res = await repo.col(ENROLLMENTS).where(where).orderBy('_id', 'asc').limit(limit).get()
  return res.data
}

/** A period's enrollments, page by page in `_id` order (at most 1000 each). */
export const enrollmentPages = (periodId: string): AsyncGenerator<EnrollmentDoc[]> => idPages(repo.col(ENROLLMENTS), { periodId })

/** A period's on-time (not make-up) check-ins of one business day, page by page (index `{periodId, day, makeup}`). */
export const onTimeCheckinPages = (periodId: string, day: string): AsyncGenerator<CheckinDoc[]> =>
  idPages(repo.col(CHECKINS), { periodId, day, makeup: false })

/** The check-ins in submission order (index `{submittedAt, _id}`), for the `checkin` events derived from them. */
export const checkinReads: CheckinReads = {
  submittedAfter: (cursor, limit) =>
    afterCursor(
      async (where, n) =>
        (
          await repo
            .col(CHECKINS)
            .where(where)
            .orderBy('submittedAt', 'asc')
            .orderBy('_id', 'asc')
            .limit(n)
            .field({ _id: true, submittedAt: true, makeup: true })
            .get()
        ).data,
      'submittedAt',
      cursor,
      limit,
    ),
  byIds: (ids) => repo.byIds(CHECKINS, ids),
}
