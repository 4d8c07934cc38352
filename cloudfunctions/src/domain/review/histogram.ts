/**
 * Time-to-review as a small fixed histogram of whole minutes, so a median never needs the reviews themselves.
 * Bucket i holds [WAIT_BUCKETS[i], WAIT_BUCKETS[i + 1]); the last is open-ended. Fine where teachers act (minutes),
 * coarse where precision stops mattering (days).
 */
export const WAIT_BUCKETS = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440, 2880, 4320] as const

/** Counts by bucket key `b{i}`; absent keys are 0 (the I/O layer `_.inc`s `waitHist.b{i}`). */
export type WaitHistogram = Record<string, number>

export const bucketKey = (index: number): string => `b${index}`

export function bucketIndex(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`invalid wait: ${minutes}`)
  let i = 0
  while (i + 1 < WAIT_BUCKETS.length && minutes >= WAIT_BUCKETS[i + 1]) i++
  return i
}

export function histogramCount(hist: WaitHistogram): number {
  let n = 0
  for (let i = 0; i < WAIT_BUCKETS.length; i++) n += hist[bucketKey(i)] ?? 0
  return n
}

export function mergeHistograms(hists: readonly WaitHistogram[]): WaitHistogram {
  const out: WaitHistogram = {}
  for (const h of hists) for (const [k, v] of Object.entries(h)) out[k] = (out[k] ?? 0) + v
  return out
}

/**
 * The lower median (the ⌈n/2⌉-th smallest wait) estimated from the histogram: interpolated linearly inside its
 * bucket, so it always falls in the same bucket as the exact value; the open last bucket answers its lower bound.
 * Null when empty. Rounded to whole minutes, never leaving the bucket.
 */
export function histogramMedian(hist: WaitHistogram): number | null {
  const n = histogramCount(hist)
  if (n === 0) return null
  const rank = Math.ceil(n / 2)
  let before = 0
  for (let i = 0; i < WAIT_BUCKETS.length; i++) {
    const count = hist[bucketKey(i)] ?? 0
    if (before + count >= rank) {
      const lo = WAIT_BUCKETS[i]
      const hi = WAIT_BUCKETS[i + 1]
      if (hi === undefined) return lo
      const estimate = lo + ((hi - lo) * (rank - before - 0.5)) / count
      return Math.min(hi - 1, Math.max(lo, Math.round(estimate)))
    }
    before += count
  }
  throw new Error('histogram count mismatch')
}

/**
 * Nearest-rank percentile: the ⌈p/100 · n⌉-th smallest value (at least the first), so p50 of an even count is the
 * lower median and every answer is one of the values. Null when empty.
 */
export function nearestRank(n: number, p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`invalid percentile: ${p}`)
  return Math.max(1, Math.ceil((p / 100) * n))
}

export function exactPercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[nearestRank(sorted.length, p) - 1]
}

/**
 * Log-scale latency buckets over whole minutes for the SLA percentiles (p50/p90 need more than the median's coarse
 * WAIT_BUCKETS). Bucket i holds [LATENCY_EDGES[i], LATENCY_EDGES[i + 1]); widths are 1 minute up to 10 minutes and
 * then grow by at most 20 % (next edge = max(edge + 1, ⌊edge · 1.2⌋)), up to one week; the last bucket is open.
 * 51 buckets: a sparse map of a few dozen `_.inc` fields.
 */
export const LATENCY_GROWTH = 1.2
export const LATENCY_CAP_MINUTES = 7 * 24 * 60
export const LATENCY_EDGES: readonly number[] = (() => {
  const edges = [0]
  while (edges[edges.length - 1] < LATENCY_CAP_MINUTES) {
    const last = edges[edges.length - 1]
    edges.push(Math.min(LATENCY_CAP_MINUTES, Math.max(last + 1, Math.floor(last * LATENCY_GROWTH))))
  }
  return edges
})()

/** Counts by latency bucket key `l{i}`; absent keys are 0. */
export type LatencyHistogram = Record<string, number>

export const latencyKey = (index: number): string => `l${index}`

export function latencyIndex(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`invalid latency: ${minutes}`)
  let lo = 0
  let hi = LATENCY_EDGES.length - 1
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (minutes >= LATENCY_EDGES[mid]) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * The nearest-rank percentile read from a latency histogram: the LOWER edge of the bucket that holds the rank.
 * Error bound (tested): with x the exact nearest-rank value and e the estimate, e ≤ x and, below the one-week cap,
 * x − e < max(1, 0.2 · e), i.e. exact for waits under 10 minutes and never more than 20 % low; at or over the cap
 * the answer is the cap ("a week or more"). Null when empty.
 */
export function latencyPercentile(hist: LatencyHistogram, p: number): number | null {
  let n = 0
  for (let i = 0; i < LATENCY_EDGES.length; i++) n += hist[latencyKey(i)] ?? 0
  if (n === 0) return null
  const rank = nearestRank(n, p)
  let before = 0
  for (let i = 0; i < LATENCY_EDGES.length; i++) {
    before += hist[latencyKey(i)] ?? 0
    if (before >= rank) return LATENCY_EDGES[i]
  }
  throw new Error('histogram count mismatch')
}
