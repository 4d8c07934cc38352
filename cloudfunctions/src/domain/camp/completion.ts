import { completionAward } from './awards'
import { totalCheckedDays } from './enrollment'
import type { EnrollmentDoc, PeriodDoc, PeriodStats, PointsAward } from './model'
import { effectiveStatus, lastDayOf, todayOf } from './period-time'
import { rejectCamp, type CampRejection } from './rejections'

/** What the certificate poster shows (the page adds the camp title and the member's nickname/avatar). */
export interface CertificateData {
  no: string
  periodId: string
  campId: string
  periodIndex: number
  memberId: string
  checkedDays: number
  lengthDays: number
  bestStreak: number
  startDay: string
  endDay: string
  issuedDay: string
}

export interface CompletionItem {
  enrollmentId: string
  /** Update with a condition `completed: false`, in the same transaction as the award. */
  patch: Pick<EnrollmentDoc, 'completed' | 'certificateNo' | 'pointsEarned' | 'updatedAt'>
  award: PointsAward | null
  certificate: CertificateData
}

/** Partial counts of one batch; add batches with mergeStats. */
export type StatsTally = Omit<PeriodStats, 'completionRate' | 'closedAt'>

export const EMPTY_TALLY: StatsTally = { members: 0, completed: 0, checkins: 0, makeups: 0 }

/** A stable, short certificate number: 期数 plus a hash of the enrollment (FNV-1a, base 36). */
export function certificateNo(period: Pick<PeriodDoc, 'index'>, enrollmentId: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < enrollmentId.length; i++) {
    h ^= enrollmentId.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `${String(period.index).padStart(2, '0')}-${h.toString(36).toUpperCase().padStart(7, '0')}`
}

export function completionThreshold(period: Pick<PeriodDoc, 'points' | 'lengthDays'>): number {
  return Math.min(Math.max(period.points.completion.minCheckins, 1), period.lengthDays)
}

/**
 * Completion for one batch of a period's enrollments (page through them by `_id`; each batch is idempotent: already
 * completed members are skipped, and the award's key is `completion:{period}:{member}`). Only after the last day.
 */
export function planCompletion(
  period: PeriodDoc,
  enrollments: readonly EnrollmentDoc[],
  now: number,
): { ok: true; items: CompletionItem[]; tally: StatsTally } | CampRejection {
  const status = effectiveStatus(period, now)
  if (status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  if (status !== 'ended') return rejectCamp('CAMP.PERIOD_NOT_ENDED', { lastDay: lastDayOf(period) })
  const threshold = completionThreshold(period)
  const items: CompletionItem[] = []
  const tally = { ...EMPTY_TALLY }
  for (const e of enrollments) {
    if (e.periodId !== period._id) throw new Error(`enrollment ${e._id} is not in period ${period._id}`)
    const checked = totalCheckedDays(e)
    const completes = e.completed || checked >= threshold
    tally.members++
    tally.checkins += e.checkedDays.length
    tally.makeups += e.madeUpDays.length
    if (completes) tally.completed++
    if (!completes || e.completed) continue
    const award = completionAward(period, e.memberId)
    const no = certificateNo(period, e._id)
    items.push({
      enrollmentId: e._id,
      patch: { completed: true, certificateNo: no, pointsEarned: e.pointsEarned + (award?.amount ?? 0), updatedAt: now },
      award,
      certificate: certificateOf(period, e, no, todayOf(period, now)),
    })
  }
  return { ok: true, items, tally }
}

export function certificateOf(period: PeriodDoc, e: EnrollmentDoc, no: string, issuedDay: string): CertificateData {
  return {
    no,
    periodId: period._id,
    campId: period.campId,
    periodIndex: period.index,
    memberId: e.memberId,
    checkedDays: totalCheckedDays(e),
    lengthDays: period.lengthDays,
    bestStreak: e.bestStreak,
    startDay: period.startDay,
    endDay: lastDayOf(period),
    issuedDay,
  }
}

export function mergeStats(a: StatsTally, b: StatsTally): StatsTally {
  return {
    members: a.members + b.members,
    completed: a.completed + b.completed,
    checkins: a.checkins + b.checkins,
    makeups: a.makeups + b.makeups,
  }
}

/**
 * After every batch: close the period and freeze its stats (update with a condition `status != 'closed'`; write `stats`
 * with `_.set(...)`, since `update` would flatten it into dot paths under a null field).
 */
export function planClose(
  period: PeriodDoc,
  tally: StatsTally,
  now: number,
): { ok: true; patch: Pick<PeriodDoc, 'status' | 'stats' | 'updatedAt'> } | CampRejection {
  const status = effectiveStatus(period, now)
  if (status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  if (status !== 'ended') return rejectCamp('CAMP.PERIOD_NOT_ENDED', { lastDay: lastDayOf(period) })
  const completionRate = tally.members ? Math.round((tally.completed / tally.members) * 10_000) / 10_000 : 0
  return { ok: true, patch: { status: 'closed', stats: { ...tally, completionRate, closedAt: now }, updatedAt: now } }
}
