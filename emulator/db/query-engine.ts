// registers every mingo operator ($group accumulators, $lookup, expression operators...) in the default context
import 'mingo/init/system'
import { Aggregator, Query, update as applyUpdateOperators } from 'mingo'
import { CloudError } from '../core/errors'
import { DbErrorCode } from './db-errors'
import { idKey } from './doc-ids'
import type { Doc } from './ejson-codec'
import { sameValue } from './same-value'
import { assertWritablePaths } from './update-paths'

/** Mongo semantics come from mingo; this file only adapts them to the emulator's documents. */

const queryCache = new Map<string, Query>()
const QUERY_CACHE_LIMIT = 500

export function requestFailed(err: unknown): CloudError {
  return new CloudError(DbErrorCode.invalidOperator, `invalid query or update: ${(err as Error).message ?? String(err)}`)
}

/** Compiles a query; `cacheKey` (the raw EJSON text) lets hot queries skip recompilation. */
export function compileQuery(criteria: Doc, cacheKey?: string): Query {
  if (cacheKey !== undefined) {
    const hit = queryCache.get(cacheKey)
    if (hit) return hit
  }
  let query: Query
  try {
    query = new Query(criteria)
  } catch (err) {
    throw requestFailed(err)
  }
  if (cacheKey !== undefined) {
    if (queryCache.size >= QUERY_CACHE_LIMIT) queryCache.clear()
    queryCache.set(cacheKey, query)
  }
  return query
}

/**
 * `_id` values an equality filter pins the result to, so lookups go through the
 * Map instead of a scan: `{_id: x}`, `{_id: {$eq: x}}`, `{_id: {$in: [...]}}`.
 */
export function pinnedIds(criteria: Doc): unknown[] | undefined {
  if (!Object.prototype.hasOwnProperty.call(criteria, '_id')) return undefined
  const cond = criteria._id
  const isPlain = (v: unknown) => v === null || typeof v !== 'object' || v instanceof Date
  if (isPlain(cond)) return [cond]
  const ops = cond as Record<string, unknown>
  const keys = Object.keys(ops)
  if (keys.length !== 1) return undefined
  if (keys[0] === '$eq' && isPlain(ops.$eq)) return [ops.$eq]
  if (keys[0] === '$in' && Array.isArray(ops.$in) && ops.$in.every(isPlain)) return ops.$in
  return undefined
}

export interface FindOptions {
  order?: Record<string, number>
  offset?: number
  limit?: number
  projection?: Doc
}

export function runFind(docs: Doc[], query: Query, opts: FindOptions): Doc[] {
  try {
    const hasProjection = opts.projection && Object.keys(opts.projection).length > 0
    let cursor = query.find<Doc>(docs, hasProjection ? opts.projection : undefined)
    if (opts.order && Object.keys(opts.order).length > 0) cursor = cursor.sort(opts.order)
    if (opts.offset) cursor = cursor.skip(opts.offset)
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
    return cursor.all()
  } catch (err) {
    throw requestFailed(err)
  }
}

/**
 * Stages that pass documents on without writing into them. mingo does not copy its input, and stages such as
 * `$addFields` / `$set` / `$unset` on a dotted path write into the nested objects they were given, which here are the
 * stored documents themselves; any other stage therefore gets copies.
 */
const NON_WRITING_STAGES = new Set([
  '$match',
  '$sort',
  '$skip',
  '$limit',
  '$count',
  '$sortByCount',
  '$sample',
  '$lookup',
  '$group',
  '$unwind',
])

function writesInto(pipeline: Doc[]): boolean {
  return pipeline.some((stage) =>
    Object.entries(stage).some(([op, arg]) => {
      if (!NON_WRITING_STAGES.has(op)) return true
      // a $lookup's own pipeline runs on the foreign documents
      const sub = op === '$lookup' ? (arg as { pipeline?: unknown }).pipeline : undefined
      return Array.isArray(sub) && writesInto(sub as Doc[])
    }),
  )
}

export function runAggregate(docs: Doc[], pipeline: Doc[], resolve: (name: string) => Doc[]): Doc[] {
  try {
    if (!writesInto(pipeline)) return new Aggregator(pipeline, { collectionResolver: resolve }).run(docs) as Doc[]
    const copies = (name: string) => resolve(name).map(cloneValue)
    return new Aggregator(pipeline, { collectionResolver: copies }).run(docs.map(cloneValue)) as Doc[]
  } catch (err) {
    throw requestFailed(err)
  }
}

/** Deep copy of stored values: documents are replaced, never mutated, so snapshots stay valid. */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(cloneValue) as T
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Object.getPrototypeOf(value) !== Object.prototype) return value // RegExp, ObjectId: treated as immutable
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value)) out[k] = cloneValue((value as Record<string, unknown>)[k])
  return out as T
}

/**
 * Applies a Mongo update spec (`$set`, `$inc`, `$push`...) to a copy of `doc`.
 * Returns the new document, or undefined when nothing changed (CloudBase then
 * reports `updated: 0`, MongoDB's modifiedCount: `$inc` by 0 or `$set` to the
 * same value is no modification). Each operator is applied in turn, as one
 * expression each. Paths MongoDB cannot create are refused first (update-paths.ts).
 */
export function applyUpdate(doc: Doc, spec: Doc): Doc | undefined {
  assertWritablePaths(doc, spec)
  const next = cloneValue(doc)
  let changed = false
  try {
    for (const op of Object.keys(spec)) {
      if (!op.startsWith('$')) throw new Error(`unknown update operator ${op}`)
      const paths = applyUpdateOperators(next, { [op]: spec[op] } as Parameters<typeof applyUpdateOperators>[1], [], undefined, {
        cloneMode: 'deep',
      })
      if (paths.length > 0) changed = true
    }
  } catch (err) {
    throw requestFailed(err)
  }
  if (idKey(next._id) !== idKey(doc._id))
    throw new CloudError(DbErrorCode.requestFailed, 'Performing an update on the path _id would modify the immutable field _id')
  // mingo reports the paths it wrote, also when it wrote the value already there (`$inc` by 0)
  return changed && !sameValue(next, doc) ? next : undefined
}
