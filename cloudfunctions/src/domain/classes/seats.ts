/**
 * New seat-shard capacities for a session whose capacity changed: every shard keeps the seats it has given out and
 * the free seats are spread evenly on top, so no shard can admit more than the total allows. The caller checks
 * `capacity` ≥ the seats taken first (CLASS.CAPACITY_BELOW_TAKEN).
 */
export function reshare(capacity: number, taken: readonly number[]): number[] {
  const n = taken.length
  const free = capacity - taken.reduce((a, b) => a + b, 0)
  return taken.map((t, k) => t + Math.floor(free / n) + (k < free % n ? 1 : 0))
}
