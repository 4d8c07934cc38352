/**
 * A teacher's day stats counted straight from review documents, written here from what the stats chips mean (reviews
 * the teacher finished on that Shanghai calendar day; how many were sent back; the lower median wait), independently
 * of the counter document the service reads (domain/review/stats-counter.ts) and its histogram median.
 */
import type { ReviewDoc, TeacherDayStats } from '@cloud/domain/review'

const SHANGHAI_MS = 8 * 3600_000

const shanghaiDate = (epochMs: number): string => new Date(epochMs + SHANGHAI_MS).toISOString().slice(0, 10)

/** The lower of the two middle values for an even count; null when there is nothing to take the median of. */
export function lowerMedian(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[(sorted.length - 1) >> 1]
}

interface Tally {
  reviewed: number
  returned: number
  medianWaitMinutes: number | null
}

function tally(reviews: readonly ReviewDoc[]): Tally {
  return {
    reviewed: reviews.length,
    returned: reviews.filter((r) => r.outcome === 'returned').length,
    medianWaitMinutes: lowerMedian(reviews.map((r) => r.waitMinutes)),
  }
}

export function expectedTeacherStats(reviews: readonly ReviewDoc[], teacherId: string, day: string): TeacherDayStats {
  const mine = reviews.filter((r) => r.reviewerId === teacherId && shanghaiDate(r.reviewedAt) === day)
  const periodIds = [...new Set(mine.map((r) => r.periodId))].sort()
  return {
    teacherId,
    day,
    ...tally(mine),
    drafted: mine.filter((r) => r.draft?.used).length,
    periods: periodIds.map((periodId) => ({ periodId, ...tally(mine.filter((r) => r.periodId === periodId)) })),
  }
}
