import { businessDay } from '../business-day'
import { bucketIndex, bucketKey, histogramMedian, mergeHistograms, type WaitHistogram } from './histogram'
import type { ReviewDoc } from './model'

/**
 * Per-teacher, per-day counters so stats never scan reviews. One document per teacher and Shanghai calendar day
 * (teachers span periods with different cut-offs, so the stats day is the plain calendar day):
 *
 *   reviewStats.doc(`stats:{teacherId}:{day}`).update({ data: { [path]: _.inc(n) … } })   // for each inc entry
 *
 * If it updated nothing the document does not exist yet: `add` `seed` (which already holds this increment); if that
 * add hits a duplicate key, someone created it meanwhile — run the update again. Never read-modify-write.
 * Period ids are `[A-Za-z0-9_-]`, safe as field names in dot paths.
 */
export interface PeriodCounters {
  reviewed: number
  returned: number
  /** Reviews that started from an AI draft (draft-use.ts); absent until the first one. */
  drafted?: number
  waitHist: WaitHistogram
}

export interface TeacherDayStatsDoc {
  _id: string
  teacherId: string
  day: string
  reviewed: number
  returned: number
  /** Sum of whole-minute waits (a mean is sum / reviewed). */
  waitSumMinutes: number
  /** Reviews that started from an AI draft (draft-use.ts withDraftUse); absent until the first one. */
  drafted?: number
  periods: Record<string, PeriodCounters>
  /** SLA counters (sla.ts withSla): latency histogram `lat.l{i}` and reviews per Shanghai hour `hour.h{HH}`. */
  sla?: { lat: Record<string, number>; hour: Record<string, number> }
}

export interface StatsIncrement {
  docId: string
  /** Dot path → amount, each applied with `_.inc`. */
  inc: Record<string, number>
  /** The document to add when none exists yet: empty counters plus this increment. */
  seed: TeacherDayStatsDoc
}

export const statsDay = (epochMs: number): string => businessDay(epochMs, 0)

export function statsDocId(teacherId: string, day: string): string {
  return `stats:${teacherId}:${day}`
}

export function emptyStatsDoc(teacherId: string, day: string): TeacherDayStatsDoc {
  return { _id: statsDocId(teacherId, day), teacherId, day, reviewed: 0, returned: 0, waitSumMinutes: 0, periods: {} }
}

/** The increment a fresh review (never an edit) adds to its author's day. */
export function statsIncrement(
  review: Pick<ReviewDoc, 'reviewerId' | 'reviewedAt' | 'periodId' | 'outcome' | 'waitMinutes'>,
): StatsIncrement {
  const day = statsDay(review.reviewedAt)
  const p = `periods.${review.periodId}`
  const returned = review.outcome === 'returned' ? 1 : 0
  const inc: Record<string, number> = {
    reviewed: 1,
    returned,
    waitSumMinutes: review.waitMinutes,
    [`${p}.reviewed`]: 1,
    [`${p}.returned`]: returned,
    [`${p}.waitHist.${bucketKey(bucketIndex(review.waitMinutes))}`]: 1,
  }
  return { docId: statsDocId(review.reviewerId, day), inc, seed: applyStatsIncrement(emptyStatsDoc(review.reviewerId, day), inc) }
}

/** What `_.inc` on each dot path does to the document (missing intermediate objects are created, like MongoDB). */
export function applyStatsIncrement(doc: TeacherDayStatsDoc, inc: Readonly<Record<string, number>>): TeacherDayStatsDoc {
  const out = structuredCloneStats(doc)
  for (const [path, amount] of Object.entries(inc)) {
    const keys = path.split('.')
    // Walked as plain objects (`Reflect`): the dot path names fields the document's type cannot list (period ids, buckets).
    let node: object = out
    for (const k of keys.slice(0, -1)) {
      const child: unknown = Reflect.get(node, k)
      if (typeof child === 'object' && child !== null) node = child
      else {
        const created = {}
        Reflect.set(node, k, created)
        node = created
      }
    }
    const last = keys[keys.length - 1]
    const current: unknown = Reflect.get(node, last)
    Reflect.set(node, last, (typeof current === 'number' ? current : 0) + amount)
  }
  return out
}

function structuredCloneStats(doc: TeacherDayStatsDoc): TeacherDayStatsDoc {
  const periods: Record<string, PeriodCounters> = {}
  for (const [id, c] of Object.entries(doc.periods)) periods[id] = { ...c, waitHist: { ...c.waitHist } }
  const sla = doc.sla ? { sla: { lat: { ...doc.sla.lat }, hour: { ...doc.sla.hour } } } : {}
  return { ...doc, periods, ...sla }
}

export interface TeacherDayStats {
  teacherId: string
  day: string
  reviewed: number
  returned: number
  /** Reviews that started from an AI draft. */
  drafted: number
  medianWaitMinutes: number | null
  periods: { periodId: string; reviewed: number; returned: number; medianWaitMinutes: number | null }[]
}

/** Reads a counter document (null = no reviews that day). Periods sorted by id for a stable view. */
export function readStats(doc: TeacherDayStatsDoc | null, teacherId: string, day: string): TeacherDayStats {
  const d = doc ?? emptyStatsDoc(teacherId, day)
  const entries = Object.entries(d.periods).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    teacherId,
    day,
    reviewed: d.reviewed,
    returned: d.returned,
    drafted: d.drafted ?? 0,
    medianWaitMinutes: histogramMedian(mergeHistograms(entries.map(([, c]) => c.waitHist ?? {}))),
    periods: entries.map(([periodId, c]) => ({
      periodId,
      reviewed: c.reviewed ?? 0,
      returned: c.returned ?? 0,
      medianWaitMinutes: histogramMedian(c.waitHist ?? {}),
    })),
  }
}
