import { addDays, daysBetween, SHANGHAI_OFFSET_MS } from '../business-day'
import { can, type Actor } from '../identity/policy'
import { exactPercentile, latencyIndex, latencyKey, latencyPercentile, mergeHistograms, type LatencyHistogram } from './histogram'
import type { ReviewDoc } from './model'
import { rejectReview, type ReviewRejection } from './rejections'
import { applyStatsIncrement, emptyStatsDoc, statsDay, type StatsIncrement, type TeacherDayStatsDoc } from './stats-counter'

/**
 * The SLA dashboard (issue #17 item 3) from bounded data.
 *
 * Time to review: the review's `waitMinutes` goes into a log-scale latency histogram (histogram.ts LATENCY_EDGES, ≤ 20 %
 * low, exact under 10 min) and its Shanghai hour into `hour.h{HH}` — both in the teacher's day stats document
 * `reviewStats/stats:{teacherId}:{day}` under `sla.`, the document the review transaction already `_.inc`s: withSla
 * merges the paths into that update, so a review costs NO extra request. Day = Shanghai calendar day (statsDay).
 * Reads: a teacher's own range is `reviewStats.where({ _id: _.in(ids) })` over ≤ MAX_SLA_DAYS ids (1 request);
 * operators read `where({ day: _.in(days) }).limit(teachers × days)` on the existing { day } index (1 request).
 *
 * Wired today (services/review/sla.ts): the stats byIds above, and backlog by age / oldest waiting from one ordered
 * walk of pending check-ins per period (≤ 1000 each, ≤ MAX_SLA_BACKLOG in all, `capped`) — the counter plan below
 * (planBacklogByAge / finishBacklogByAge) waits for queue-counters to be wired.
 * Backlog by age: queue-counters' `hours` (pending per queue-entry epoch hour, owner '*' or the teacher) settles every
 * hour that lies wholly inside one age bucket; an hour cut by a bucket boundary (at most 3: the boundaries are whole
 * hours apart) needs one exact `count()` on { periodId, reviewStatus, queuedAt } with `queuedAt` inside that hour —
 * bounded by one hour's submissions, never the backlog. Oldest waiting: per period one
 * `where({ periodId, reviewStatus: 'pending' }).orderBy('queuedAt', 'asc').limit(1)` (parallel), then oldestWaiting.
 */
export const MAX_SLA_DAYS = 31
const HOUR_MS = 60 * 60 * 1000
/** An epoch hour as a field name (time-zone free), and back: the keys of an `hours` map of waiting items. */
export const hourKey = (epochMs: number): string => `h${Math.floor(epochMs / HOUR_MS)}`
export const hourStart = (key: string): number => Number(key.slice(1)) * HOUR_MS
const DAY_MS = 24 * HOUR_MS

/** Shanghai hour of day, 0–23. */
export const shanghaiHour = (epochMs: number): number =>
  Math.floor(((((epochMs + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS)
const hourField = (h: number) => `h${String(h).padStart(2, '0')}`

/** The `_.inc` paths one fresh review adds to its author's day stats document. */
export function slaIncrement(review: Pick<ReviewDoc, 'reviewedAt' | 'waitMinutes'>): Record<string, number> {
  return { [`sla.lat.${latencyKey(latencyIndex(review.waitMinutes))}`]: 1, [`sla.hour.${hourField(shanghaiHour(review.reviewedAt))}`]: 1 }
}

/** statsIncrement's step with the SLA paths added to the same update (and to the seed). */
export function withSla(step: StatsIncrement, review: Pick<ReviewDoc, 'reviewerId' | 'reviewedAt' | 'waitMinutes'>): StatsIncrement {
  const inc = { ...step.inc, ...slaIncrement(review) }
  return { ...step, inc, seed: applyStatsIncrement(emptyStatsDoc(review.reviewerId, statsDay(review.reviewedAt)), inc) }
}

export interface SlaRow {
  teacherId: string
  /** A Shanghai day, or null for a row merged over days. */
  day: string | null
  reviewed: number
  /** Nearest-rank percentiles of whole-minute waits (histogram estimate, see latencyPercentile); null = none. */
  p50Minutes: number | null
  p90Minutes: number | null
  /** Reviews per Shanghai hour of day, 24 entries. */
  hourly: number[]
  /** reviewed / hours with at least one review; null = none. */
  perActiveHour: number | null
}

function rowOf(teacherId: string, day: string | null, lat: LatencyHistogram, hour: Record<string, number>): SlaRow {
  const hourly = Array.from({ length: 24 }, (_, h) => hour[hourField(h)] ?? 0)
  const reviewed = hourly.reduce((a, b) => a + b, 0)
  const active = hourly.filter((n) => n > 0).length
  return {
    teacherId,
    day,
    reviewed,
    p50Minutes: latencyPercentile(lat, 50),
    p90Minutes: latencyPercentile(lat, 90),
    hourly,
    perActiveHour: active === 0 ? null : reviewed / active,
  }
}

export interface SlaReport {
  /** One row per teacher and day read, sorted by teacher then day. */
  rows: SlaRow[]
  /** Per teacher over the whole range (day null). */
  byTeacher: SlaRow[]
  /** Per day over every teacher read (teacherId '*'). */
  byDay: SlaRow[]
}

/** The dashboard from the day stats documents read (documents without `sla` count as no SLA data). */
export function slaReport(docs: readonly TeacherDayStatsDoc[]): SlaReport {
  const sorted = [...docs].sort((a, b) =>
    a.teacherId < b.teacherId ? -1 : a.teacherId > b.teacherId ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
  )
  const merge = (
    key: (d: TeacherDayStatsDoc) => string,
    make: (k: string, lat: LatencyHistogram, hour: Record<string, number>) => SlaRow,
  ) => {
    const groups = new Map<string, TeacherDayStatsDoc[]>()
    for (const d of sorted) groups.set(key(d), [...(groups.get(key(d)) ?? []), d])
    return [...groups.entries()].map(([k, ds]) =>
      make(k, mergeHistograms(ds.map((d) => d.sla?.lat ?? {})), mergeHistograms(ds.map((d) => d.sla?.hour ?? {}))),
    )
  }
  return {
    rows: sorted.map((d) => rowOf(d.teacherId, d.day, d.sla?.lat ?? {}, d.sla?.hour ?? {})),
    byTeacher: merge(
      (d) => d.teacherId,
      (t, lat, hour) => rowOf(t, null, lat, hour),
    ),
    byDay: merge(
      (d) => d.day,
      (day, lat, hour) => rowOf('*', day, lat, hour),
    ).sort((a, b) => ((a.day ?? '') < (b.day ?? '') ? -1 : 1)),
  }
}

/** Exact nearest-rank percentiles straight from reviews (the reference the histogram is tested against). */
export function exactSla(reviews: readonly Pick<ReviewDoc, 'waitMinutes'>[]): { p50Minutes: number | null; p90Minutes: number | null } {
  const waits = reviews.map((r) => r.waitMinutes)
  return { p50Minutes: exactPercentile(waits, 50), p90Minutes: exactPercentile(waits, 90) }
}

/** The Shanghai days from..to inclusive (at most MAX_SLA_DAYS), or a RangeError for a reversed or too long range. */
export function slaDays(from: string, to: string): string[] {
  const n = daysBetween(from, to) + 1
  if (n < 1 || n > MAX_SLA_DAYS) throw new RangeError(`invalid SLA range ${from}..${to}`)
  return Array.from({ length: n }, (_, i) => addDays(from, i))
}

/** Whose SLA the actor may read: teachers their own, operators anyone (requested, or every teacher given). */
export function slaTeachers(actor: Actor, requested: string | undefined, allTeachers: readonly string[]): string[] | ReviewRejection {
  if (can(actor, 'review.statsAll').ok) return requested ? [requested] : [...allTeachers]
  if (!actor.roles.includes('teacher')) return rejectReview('REVIEW.NOT_TEACHER')
  if (requested && requested !== actor._id) return rejectReview('REVIEW.NOT_TEACHER', undefined, '只能查看自己的点评数据')
  return [actor._id]
}

export const AGE_BUCKETS = ['lt2h', 'h2to6', 'h6to24', 'gt24h'] as const
export type AgeBucket = (typeof AGE_BUCKETS)[number]
/** Lower age bound of each bucket after the first: age < 2 h, 2 h ≤ age < 6 h, 6 h ≤ age < 24 h, age ≥ 24 h. */
export const AGE_BOUNDS_MS = [2 * HOUR_MS, 6 * HOUR_MS, 24 * HOUR_MS] as const
export type AgeCounts = Record<AgeBucket, number>

export function ageBucket(ageMs: number): AgeBucket {
  let i = 0
  while (i < AGE_BOUNDS_MS.length && ageMs >= AGE_BOUNDS_MS[i]) i++
  return AGE_BUCKETS[i]
}

const zeroAges = (): AgeCounts => ({ lt2h: 0, h2to6: 0, h6to24: 0, gt24h: 0 })

/** Exact counts from the waiting items' queue-entry times. */
export function backlogByAge(queuedAts: readonly number[], now: number): AgeCounts {
  const out = zeroAges()
  for (const q of queuedAts) out[ageBucket(now - q)]++
  return out
}

/** An hour of the counters cut by a boundary: count `queuedAt ∈ [from, olderUpTo]` exactly; the rest of `total` is newer. */
export interface AgeSplit {
  from: number
  olderUpTo: number
  total: number
  older: AgeBucket
  newer: AgeBucket
}

export interface AgePlan {
  known: AgeCounts
  splits: AgeSplit[]
}

/** From the counters' pending-per-hour map: the counts already certain, and the (≤ 3) hours that need a count. */
export function planBacklogByAge(hours: Readonly<Record<string, number>>, now: number): AgePlan {
  const known = zeroAges()
  const splits: AgeSplit[] = []
  for (const [key, total] of Object.entries(hours)) {
    if (total === 0) continue
    const from = hourStart(key)
    if (hourKey(from) !== key) throw new RangeError(`not an hour key: ${key}`)
    const older = ageBucket(now - from)
    const newer = ageBucket(now - (from + HOUR_MS - 1))
    if (older === newer) known[older] += total
    else {
      const bound = AGE_BOUNDS_MS[AGE_BUCKETS.indexOf(newer)]
      splits.push({ from, olderUpTo: now - bound, total, older, newer })
    }
  }
  return { known, splits: splits.sort((a, b) => a.from - b.from) }
}

/** The plan completed with each split's exact older count (same order as plan.splits). */
export function finishBacklogByAge(plan: AgePlan, olderCounts: readonly number[]): AgeCounts {
  if (olderCounts.length !== plan.splits.length) throw new RangeError('one count per split')
  const out = { ...plan.known }
  plan.splits.forEach((s, i) => {
    const older = Math.min(s.total, Math.max(0, olderCounts[i]))
    out[s.older] += older
    out[s.newer] += s.total - older
  })
  return out
}

export interface OldestWaiting {
  checkinId: string
  periodId: string
  queuedAt: number
  waitedMinutes: number
}

/** The longest-waiting item among each period's first item by queuedAt (ties by id); null = nothing waits. */
export function oldestWaiting(firsts: readonly { _id: string; periodId: string; queuedAt: number }[], now: number): OldestWaiting | null {
  const best = [...firsts].sort((a, b) => a.queuedAt - b.queuedAt || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))[0]
  if (!best) return null
  return {
    checkinId: best._id,
    periodId: best.periodId,
    queuedAt: best.queuedAt,
    waitedMinutes: Math.max(0, Math.floor((now - best.queuedAt) / 60_000)),
  }
}

/** Stats document ids one SLA read may name (one `byIds` request: teachers × days). */
export const MAX_SLA_IDS = 1000
/** Teachers on one page of the operators' dashboard (fewer for long ranges, so teachers × days ≤ MAX_SLA_IDS). */
export const MAX_SLA_TEACHERS = 100
/** Waiting check-ins one dashboard read looks at (oldest submission first); more than this answers `capped`. */
export const MAX_SLA_BACKLOG = 2000
export const DEFAULT_SLA_DAYS = 7

/** The days asked for: `to` defaults to today (Shanghai), `from` to DEFAULT_SLA_DAYS − 1 days before `to`. */
export function slaRange(
  from: string | undefined,
  to: string | undefined,
  today: string,
  lastDays: number = DEFAULT_SLA_DAYS,
): string[] | ReviewRejection {
  const end = to ?? today
  // `lastDays` (the page's 近 7 / 14 / 30 天) counts back from `to` (default today) when no `from` is named.
  const start = from ?? addDays(end, -(lastDays - 1))
  try {
    return slaDays(start, end)
  } catch (e) {
    if (e instanceof RangeError) return rejectReview('REVIEW.SLA_RANGE', { from: start, to: end })
    throw e
  }
}

export const slaTeachersPerPage = (days: number): number => Math.max(1, Math.min(MAX_SLA_TEACHERS, Math.floor(MAX_SLA_IDS / days)))

/** Overall percentiles and per-hour counts over every row given (the histograms merged). */
export function slaTotals(
  docs: readonly TeacherDayStatsDoc[],
): Pick<SlaRow, 'reviewed' | 'p50Minutes' | 'p90Minutes' | 'hourly' | 'perActiveHour'> {
  const {
    teacherId: _t,
    day: _d,
    ...row
  } = rowOf('*', null, mergeHistograms(docs.map((d) => d.sla?.lat ?? {})), mergeHistograms(docs.map((d) => d.sla?.hour ?? {})))
  return row
}
