/** Shares shown on dashboards: 0..1 rounded to 4 decimals; nothing over nothing is 0, not NaN. */
export function rate(part: number, whole: number): number {
  if (whole <= 0) return 0
  return Math.round((part / whole) * 10_000) / 10_000
}
