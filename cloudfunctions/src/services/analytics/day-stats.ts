/**
 * Recomputes one period's numbers for one business day: the check-ins from the committed check-in documents (index
 * `{periodId, day, makeup}`; a check-in has no event of its own, see tracking/checkin-events.ts), make-ups and joins
 * from that day's events (index `{periodId, type, day}`).
 */
import { indexOf, type PeriodDoc } from '../../domain/camp'
import { buildDayStats, type CheckinFact, type PeriodDayStatsDoc } from '../../domain/analytics'
import { onTimeCheckinPages } from '../camp/analytics-reads'
import { periodEventCount } from '../tracking/lookups'
import { DAY_STATS, overwrite } from './store'

/** Null when `day` is not one of the period's days. */
export async function recomputeDay(period: PeriodDoc, day: string, now: number): Promise<PeriodDayStatsDoc | null> {
  const dayIndex = indexOf(period, day)
  if (dayIndex === null) return null
  const checkins: CheckinFact[] = []
  for await (const page of onTimeCheckinPages(period._id, day)) {
    for (const c of page) checkins.push({ memberId: c.memberId, at: c.submittedAt })
  }
  const [makeups, newJoins] = await Promise.all([
    periodEventCount(period._id, 'makeup', day),
    periodEventCount(period._id, 'join_period', day),
  ])
  const doc = buildDayStats({ periodId: period._id, day, dayIndex, checkins, makeups, newJoins, computedAt: now })
  await overwrite(DAY_STATS, doc)
  return doc
}
