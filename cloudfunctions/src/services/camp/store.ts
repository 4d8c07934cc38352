/**
 * Camp collections and the small reads every camp use case shares. Documents are the domain's (domain/camp/model.ts);
 * seat shards are this layer's own (./seats.ts).
 */
import type { CampDoc, CheckinDoc, EnrollmentDoc, PeriodDoc } from '../../domain/camp'
import { enrollmentId, rejectCamp, type CampRejection } from '../../domain/camp'
import type { MemberDoc } from '../../domain/identity'
import { getOrNull } from '../../shared/db'
import { repository } from '../../shared/repository'

export const CAMPS = 'camps'
export const PERIODS = 'periods'
export const SEATS = 'period_seats'
export const ENROLLMENTS = 'enrollments'
export const CHECKINS = 'checkins'
export const MEMBERS = 'members'
export const SYS_META = 'sys_meta'

export const repo = repository('camp')

export type Profile = Pick<MemberDoc, '_id' | 'nickname' | 'avatarFileId'>

export const getPeriod = (periodId: string) => getOrNull<PeriodDoc>(PERIODS, periodId)
export const getCamp = (campId: string) => getOrNull<CampDoc>(CAMPS, campId)
export const getEnrollment = (periodId: string, memberId: string) => getOrNull<EnrollmentDoc>(ENROLLMENTS, enrollmentId(periodId, memberId))
export const getCheckin = (id: string) => getOrNull<CheckinDoc>(CHECKINS, id)

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

/** The profile fields of members joined by an aggregate `$lookup` (`as: 'profile'`). */
export function profilesFrom(rows: readonly { profile?: Profile[] }[]): Map<string, Profile> {
  const map = new Map<string, Profile>()
  for (const row of rows)
    for (const p of row.profile ?? []) map.set(p._id, { _id: p._id, nickname: p.nickname, avatarFileId: p.avatarFileId })
  return map
}

/** Drops the `$lookup` helper field so the rest of the row is the stored document again. */
export function withoutProfile<T>(row: T & { profile?: unknown }): T {
  const { profile: _p, ...doc } = row
  void _p
  return doc as T
}
