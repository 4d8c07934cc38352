/** Recomputes one period's numbers for one business day from that day's events (index `{periodId, type, day}`). */
import { indexOf, type PeriodDoc } from '../../domain/camp'
import { buildDayStats, type CheckinFact, type PeriodDayStatsDoc } from '../../domain/analytics'
import type { EventDoc } from '../../domain/identity'
import { countWhere } from '../../shared/db'
import { DAY_STATS, EVENTS, overwrite, pagesOf } from './store'

/** Null when `day` is not one of the period's days. */
export async function recomputeDay(period: PeriodDoc, day: string, now: number): Promise<PeriodDayStatsDoc | null> {
  const dayIndex = indexOf(period, day)
  if (dayIndex === null) return null
  const checkins: CheckinFact[] = []
  for await (const page of pagesOf<EventDoc & { _id: string }>(EVENTS, { periodId: period._id, type: 'checkin', day })) {
    for (const e of page) checkins.push({ memberId: e.memberId, at: e.at })
  }
  const [makeups, newJoins] = await Promise.all([
    countWhere(EVENTS, { periodId: period._id, type: 'makeup', day }),
    countWhere(EVENTS, { periodId: period._id, type: 'join_period', day }),
  ])
  const doc = buildDayStats({ periodId: period._id, day, dayIndex, checkins, makeups, newJoins, computedAt: now })
  await overwrite(DAY_STATS, doc)
  return doc
}
