/**
 * `doc.update({ data })` flattens nested plain objects into `$set` dot paths (`{ stats: { n: 1 } }` → `stats.n`), and
 * CloudBase refuses a dot path under a field that is null or a scalar (DATABASE_REQUEST_FAILED, -502001) or that runs
 * into an array by name. Patches in this codebase mean "these top-level fields become these values" (the caller's
 * view is `{ ...doc, ...patch }`), so every plain-object value is written whole with `_.set`: the stored document then
 * equals that view whatever the field held before. Arrays, dates, null, scalars, update commands (`_.inc`) and
 * dotted keys (deliberate nested writes) pass through unchanged.
 */
import { db } from './db'

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

export function wholeFields<T extends object>(patch: T): Record<string, unknown> {
  const _ = db().command
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(patch)) out[key] = isPlainObject(value) ? _.set(value) : value
  return out
}
