/**
 * The fields of `next` that differ from `before` (compared as JSON, so arrays and nested settings compare by value),
 * typed as a partial of the same shape: an edit form sends only what the admin changed, so a save never resets a
 * field someone else changed meanwhile (stock in particular is set absolutely).
 */
export function changedFields<T extends object>(next: T, before: T): Partial<T> {
  const patch: Partial<T> = {}
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) patch[key] = next[key]
  }
  return patch
}
