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
