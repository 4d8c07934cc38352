/**
 * The camp repository: its collections and the small reads every camp use case shares. Documents are the domain's
 * (domain/camp/model.ts); seat shards are this layer's own (./seats.ts). Other features read camp data through
 * ./lookups.ts and write it inside their transactions through ./checkin-tx.ts.
 */
import type { PeriodDoc } from '../../domain/camp'
import { enrollmentId, rejectCamp, type CampRejection } from '../../domain/camp'
import { repository } from '../../shared/repository'

export const CAMPS = 'camps'
export const PERIODS = 'periods'
export const SEATS = 'period_seats'
export const ENROLLMENTS = 'enrollments'
export const CHECKINS = 'checkins'
export const QUEUE_COUNTERS = 'queue_counters'
export const SYS_META = 'sys_meta'

export const repo = repository('camp')

export const getPeriod = (periodId: string) => repo.get(PERIODS, periodId)
export const getCamp = (campId: string) => repo.get(CAMPS, campId)
export const getEnrollment = (periodId: string, memberId: string) => repo.get(ENROLLMENTS, enrollmentId(periodId, memberId))
export const getCheckin = (id: string) => repo.get(CHECKINS, id)

const asVisible = (period: PeriodDoc | null): PeriodDoc | CampRejection =>
  period && period.status !== 'draft' ? period : rejectCamp('CAMP.PERIOD_NOT_FOUND')

/** A period members may see: drafts do not exist for them. */
export async function visiblePeriod(periodId: string): Promise<PeriodDoc | CampRejection> {
  return asVisible(await getPeriod(periodId))
}

/**
 * Published periods cached per warm instance for PERIOD_TTL_MS, for the check-in hot path only: it saves one read
 * per check-in. A period edited through another instance is seen here at most that long after the edit; membership,
 * the one-per-day key and points are decided in the check-in's transaction, never from this copy. Drafts and missing
 * periods are not cached, so a period is checkable as soon as it is published.
 */
export const PERIOD_TTL_MS = 10_000
const PERIOD_CACHE_MAX = 200
const periodCache = new Map<string, { period: PeriodDoc; at: number }>()

export async function cachedVisiblePeriod(periodId: string, now: number): Promise<PeriodDoc | CampRejection> {
  const hit = periodCache.get(periodId)
  if (hit && now >= hit.at && now - hit.at < PERIOD_TTL_MS) return hit.period
  const out = asVisible(await getPeriod(periodId))
  if ('ok' in out) periodCache.delete(periodId)
  else {
    if (periodCache.size >= PERIOD_CACHE_MAX) periodCache.clear()
    periodCache.set(periodId, { period: out, at: now })
  }
  return out
}

/** An edit made by this instance is seen by its next check-in at once. */
export function forgetPeriod(periodId: string): void {
  periodCache.delete(periodId)
}
