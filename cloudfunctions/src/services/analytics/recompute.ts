/**
 * Recomputing a period's pre-computed documents: on demand (admin 刷新数据, at most once a minute per period) and by
 * the rollup timer (today and yesterday of running periods; once, the last days of a period that just ended).
 * Every recompute overwrites whole documents from the events and enrollments, so running it again is always safe.
 */
import { addDays, daysBetween } from '../../domain/business-day'
import { effectiveStatus, lastDayOf, todayOf, type PeriodDoc } from '../../domain/camp'
import { rejectAnalytics, type AnalyticsCode } from '../../domain/analytics'
import type { Rejection } from '../../domain/kernel'
import { TxAbort, withTransaction } from '../../shared/db'
import { periodOf, periodsIn } from '../camp/analytics-reads'
import { recomputeDay } from './day-stats'
import { recomputeFunnel } from './funnel'
import { catchUpLayers, type LayerRun } from './layer-timer'
import { repo, RUNS } from './store'
import type { RecomputeResult } from '../../contracts/results'

/** A second on-demand refresh of the same period within this window is refused. */
export const REFRESH_COOLDOWN_MS = 60_000
/** Ended periods get their last days recomputed once more, this many of them (late make-ups and check-ins). */
const FINAL_DAYS = 2
/** A period that ended longer ago than this is left alone by the timer (an admin can still refresh it). */
const FINALISE_WITHIN_DAYS = 7

export interface RunDoc {
  _id: string
  refreshedAt?: number
  finalisedAt?: number
}

/** The period's days from 第 1 天 up to today (or its last day), oldest first. */
function daysSoFar(period: PeriodDoc, now: number): string[] {
  const today = todayOf(period, now)
  const last = lastDayOf(period)
  const end = today < last ? today : last
  const days: string[] = []
  for (let d = period.startDay; d <= end; d = addDays(d, 1)) days.push(d)
  return days
}

export async function recomputePeriod(period: PeriodDoc, days: readonly string[], now: number): Promise<RecomputeResult> {
  for (const day of days) await recomputeDay(period, day, now)
  await recomputeFunnel(period, now)
  return { periodId: period._id, days: days.length, computedAt: now }
}

/** Admin 刷新数据: every day so far and the funnel, refused when the same period was refreshed under a minute ago. */
export async function refreshPeriod(periodId: string, now: number): Promise<RecomputeResult | Rejection<AnalyticsCode>> {
  const period = await periodOf(periodId)
  if (!period || period.status === 'draft') return rejectAnalytics('ANALYTICS.PERIOD_NOT_FOUND')
  const claimed = await withTransaction(async (tx) => {
    const run = await repo.getIn(tx, RUNS, periodId)
    if (run?.refreshedAt !== undefined && now - run.refreshedAt < REFRESH_COOLDOWN_MS) throw new TxAbort(false)
    await repo
      .inTx(tx, RUNS)
      .doc(periodId)
      .set({ data: { ...(run?.finalisedAt !== undefined ? { finalisedAt: run.finalisedAt } : {}), refreshedAt: now } })
    return true
  })
  if (!claimed) return rejectAnalytics('ANALYTICS.REFRESH_TOO_SOON', { retryAfterSeconds: Math.ceil(REFRESH_COOLDOWN_MS / 1000) })
  return recomputePeriod(period, daysSoFar(period, now), now)
}

const candidatePeriods = (): Promise<PeriodDoc[]> => periodsIn(['open', 'running', 'ended', 'closed'], 1000)

async function finaliseOnce(period: PeriodDoc, now: number): Promise<boolean> {
  const run = await repo.col(RUNS).where({ _id: period._id }).limit(1).get()
  const doc = run.data[0]
  if (doc?.finalisedAt !== undefined) return false
  const last = lastDayOf(period)
  const days = Array.from({ length: Math.min(FINAL_DAYS, period.lengthDays) }, (_, i) => addDays(last, -i)).reverse()
  await recomputePeriod(period, days, now)
  await repo
    .col(RUNS)
    .doc(period._id)
    .set({ data: { ...(doc?.refreshedAt !== undefined ? { refreshedAt: doc.refreshedAt } : {}), finalisedAt: now } })
  return true
}

export interface RollupRun {
  running: number
  finalised: number
  layers: LayerRun
}

/** The timer: running periods (today, yesterday), periods that just ended (once), then the layer catch-up. */
export async function rollup(now: number): Promise<RollupRun> {
  const out: RollupRun = { running: 0, finalised: 0, layers: { events: 0, members: 0, lifted: 0, done: true } }
  for (const period of await candidatePeriods()) {
    const status = period.status === 'closed' ? 'ended' : effectiveStatus(period, now)
    if (status === 'running') {
      const today = todayOf(period, now)
      await recomputePeriod(
        period,
        [addDays(today, -1), today].filter((d) => d >= period.startDay),
        now,
      )
      out.running += 1
    } else if (status === 'ended' && daysBetween(lastDayOf(period), todayOf(period, now)) <= FINALISE_WITHIN_DAYS) {
      if (await finaliseOnce(period, now)) out.finalised += 1
    }
  }
  out.layers = await catchUpLayers(now)
  return out
}
