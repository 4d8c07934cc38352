import { encodeStrict } from './ejson-codec'

/**
 * Whether two stored values are the same BSON value: same types, same field order (MongoDB counts a reordered
 * object as modified), dates by instant. Values other than plain objects, arrays, dates and scalars (ObjectId,
 * RegExp, binary) compare by their strict EJSON.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b)
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((v, i) => sameValue(v, b[i]))
  }
  const proto = Object.getPrototypeOf(a) as unknown
  if (proto !== Object.getPrototypeOf(b)) return false
  if (proto !== Object.prototype && proto !== null) return encodeStrict(a) === encodeStrict(b)
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
