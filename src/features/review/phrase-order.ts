/** The phrases with the one at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function movedPhrase(phrases: readonly string[], index: number, by: -1 | 1): string[] {
  const order = [...phrases]
  const to = index + by
  if (index < 0 || index >= order.length || to < 0 || to >= order.length) return order
  ;[order[index], order[to]] = [order[to], order[index]]
  return order
}
