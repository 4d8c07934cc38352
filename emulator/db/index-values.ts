import type { Doc } from './ejson-codec'

/**
 * The values a secondary index holds in order: the scalars mingo compares with a
 * total order. A missing field is held as null (mingo matches both with `null`
 * and sorts them in one group). Everything else — arrays, embedded documents,
 * NaN, invalid dates, values reached through an array — is "irregular": the
 * index keeps such documents aside and always hands them to mingo, so the index
 * never has to reproduce mingo's array semantics.
 */
export type IndexScalar = null | boolean | number | string | Date

export const IRREGULAR = Symbol('irregular')
export type IndexValue = IndexScalar | typeof IRREGULAR

export function isIndexScalar(v: unknown): v is IndexScalar {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      // NaN compares inconsistently in mingo (NaN > everything, yet never < anything)
      return !Number.isNaN(v)
    case 'object':
      return v === null || (v instanceof Date && !Number.isNaN(v.getTime()))
    default:
      return false
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** The value at a dotted path, read the way mingo's `resolve` reads it, or IRREGULAR. */
export function indexValueAt(doc: Doc, path: readonly string[]): IndexValue {
  let cur: unknown = doc
  for (const part of path) {
    if (isPlainObject(cur)) cur = cur[part]
    // mingo stops at a scalar, null or undefined on the way: the field is missing
    else if (cur === null || cur === undefined || typeof cur !== 'object') return null
    else return IRREGULAR
  }
  if (cur === undefined) return null
  return isIndexScalar(cur) ? cur : IRREGULAR
}

/** mingo's SORT_ORDER for the scalar types (util.js): null < number < string < boolean < date. */
export function typeRank(v: IndexScalar): number {
  if (v === null) return 2
  switch (typeof v) {
    case 'number':
      return 3
    case 'string':
      return 4
    case 'boolean':
      return 9
    default:
      return 10
  }
}

/** The same order as mingo's `compare` on these scalars (strings by UTF-16 code units, dates by time). */
export function compareScalars(a: IndexScalar, b: IndexScalar): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (ra === 2) return 0
  const x = ra === 10 ? (a as Date).getTime() : (a as number | string | boolean)
  const y = rb === 10 ? (b as Date).getTime() : (b as number | string | boolean)
  return x < y ? -1 : x > y ? 1 : 0
}
