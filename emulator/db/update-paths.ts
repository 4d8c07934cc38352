import { CloudError } from '../core/errors'
import { DbErrorCode } from './db-errors'
import type { Doc } from './ejson-codec'

/**
 * Update paths MongoDB (and so CloudBase, whose database is MongoDB) refuses with PathNotViable, "Cannot create
 * field 'b' in element {a: null}": a dotted path that runs through `null`, a scalar or a date, or through an array
 * by a name instead of an index (`list.x`). CloudBase answers DATABASE_REQUEST_FAILED (errCode -502001 through
 * wx-server-sdk); mingo instead creates the path through `null` and silently skips the others, so the emulator
 * checks every path first.
 */

/** Operators that create the path they name when it is missing. `$unset` and `$pull*` / `$pop` only touch what exists. */
const CREATING_OPERATORS = new Set(['$set', '$inc', '$mul', '$min', '$max', '$currentDate', '$push', '$addToSet'])

const isContainer = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !(v instanceof Date) && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)

function describe(value: unknown): string {
  if (Array.isArray(value)) return '[ ... ]'
  if (value instanceof Date) return `new Date(${value.getTime()})`
  if (value !== null && typeof value === 'object') return '{ ... }'
  return JSON.stringify(value) ?? String(value)
}

/** Why `path` cannot be written into `doc`, or undefined when it can (missing parents are created). */
export function pathProblem(doc: Doc, path: string): string | undefined {
  const segments = path.split('.')
  let container: unknown = doc
  let parentName = ''
  for (const seg of segments) {
    // positional forms (`list.$`, `list.$[]`) are resolved by the engine against the query
    if (seg.startsWith('$')) return undefined
    if (container === undefined) return undefined
    if (!isContainer(container) || (Array.isArray(container) && !/^\d+$/.test(seg)))
      return `Cannot create field '${seg}' in element {${parentName}: ${describe(container)}}`
    container = (container as Record<string, unknown>)[seg]
    parentName = seg
  }
  return undefined
}

/** Throws DATABASE_REQUEST_FAILED for the first path of `spec` that MongoDB would refuse to write into `doc`. */
export function assertWritablePaths(doc: Doc, spec: Doc): void {
  for (const [op, fields] of Object.entries(spec)) {
    if (!fields || typeof fields !== 'object') continue
    const paths =
      op === '$rename'
        ? Object.values(fields as Record<string, unknown>).map(String)
        : CREATING_OPERATORS.has(op)
          ? Object.keys(fields)
          : []
    for (const path of paths) {
      const problem = pathProblem(doc, path)
      if (problem) throw new CloudError(DbErrorCode.requestFailed, `Updating the path '${path}' failed: ${problem}`)
    }
  }
}
