/** How many days of a period have begun (Shanghai business days with the period's cut-off): 0 before it starts. */
import type { PeriodDoc } from '../camp/model'
import { periodDay } from '../camp/period-time'

export function reachedDays(period: Pick<PeriodDoc, 'startDay' | 'lengthDays' | 'cutoffMinutes'>, now: number): number {
  const where = periodDay(period, now)
  if (where.kind === 'before') return 0
  return where.kind === 'day' ? where.index : period.lengthDays
}
