/**
 * Recomputes one period's numbers for one business day: the check-ins from the committed check-in documents (index
 * `{periodId, day, makeup}`; a check-in has no event of its own, see tracking/checkin-events.ts), make-ups and joins
 * from that day's events (index `{periodId, type, day}`).
 */
import { indexOf, type CheckinDoc, type PeriodDoc } from '../../domain/camp'
import { buildDayStats, type CheckinFact, type PeriodDayStatsDoc } from '../../domain/analytics'
import { countWhere } from '../../shared/db'
import { CHECKINS } from '../camp/store'
import { DAY_STATS, EVENTS, overwrite, pagesOf } from './store'

/** Null when `day` is not one of the period's days. */
export async function recomputeDay(period: PeriodDoc, day: string, now: number): Promise<PeriodDayStatsDoc | null> {
  const dayIndex = indexOf(period, day)
  if (dayIndex === null) return null
  const checkins: CheckinFact[] = []
  for await (const page of pagesOf<Pick<CheckinDoc, '_id' | 'memberId' | 'submittedAt'>>(CHECKINS, {
    periodId: period._id,
    day,
    makeup: false,
  })) {
    for (const c of page) checkins.push({ memberId: c.memberId, at: c.submittedAt })
  }
  const [makeups, newJoins] = await Promise.all([
    countWhere(EVENTS, { periodId: period._id, type: 'makeup', day }),
    countWhere(EVENTS, { periodId: period._id, type: 'join_period', day }),
  ])
  const doc = buildDayStats({ periodId: period._id, day, dayIndex, checkins, makeups, newJoins, computedAt: now })
  await overwrite(DAY_STATS, doc)
  return doc
}
