import { resolve as valueAtPath } from 'mingo/util'
import type { CollectionStore } from './collection-store'
import { idKey } from './doc-ids'
import type { Doc } from './ejson-codec'
import { isIndexScalar, type IndexScalar } from './index-values'
import { runAggregate } from './query-engine'

/**
 * `$lookup` without reading the whole foreign collection. mingo's `$lookup` hashes every foreign
 * document by `foreignField` on each run, so joining a page of 20 to `members` costs O(all members).
 * Here the stages before a `$lookup` run first; then mingo gets only the foreign documents whose
 * `foreignField` can equal a local value — found through the `_id` Map or a declared index — in
 * collection order. mingo still does the join itself, on a superset of the documents it would pick,
 * in the same order, so its answer is unchanged. Whenever the Map or an index cannot find every
 * document mingo would pick (a value that is not a plain scalar, no index), it gets the whole collection.
 */

export interface SimpleLookup {
  from: string
  localField: string
  foreignField: string
}

const SIMPLE_LOOKUP_KEYS = ['as', 'foreignField', 'from', 'localField'].join()

/** The `{from, localField, foreignField, as}` form of a stage; `let`/`pipeline` forms and empty fields (mingo then joins everything) are not. */
export function simpleLookup(stage: Doc): SimpleLookup | undefined {
  const spec = Object.keys(stage).length === 1 ? stage.$lookup : undefined
  if (spec === null || typeof spec !== 'object' || Object.keys(spec).sort().join() !== SIMPLE_LOOKUP_KEYS) return undefined
  const { from, localField, foreignField } = spec as Record<string, unknown>
  const named = (v: unknown): v is string => typeof v === 'string' && v !== ''
  return typeof from === 'string' && named(localField) && named(foreignField) ? { from, localField, foreignField } : undefined
}

/** What mingo's `$lookup` looks up for `docs` (`resolve(doc, localField) ?? null`, arrays element by element), or undefined if one is not a plain scalar. */
function localValues(docs: Doc[], localField: string): IndexScalar[] | undefined {
  const values = new Set<IndexScalar>()
  for (const doc of docs) {
    const local = valueAtPath(doc, localField) ?? null
    for (const v of Array.isArray(local) ? local : [local]) {
      if (!isIndexScalar(v)) return undefined
      values.add(v)
    }
  }
  return [...values]
}

/**
 * The foreign documents whose `foreignField` may equal one of `values` (a superset of those mingo
 * would join), in collection order; undefined when neither the `_id` Map nor an index answers that.
 * mingo matches scalars by SameValueZero and dates by time: the same equality as `idKey` and the
 * index order. Array `_id`s and the index's irregular documents (arrays, objects...) always go along.
 */
export function joinCandidates(store: CollectionStore, foreignField: string, values: IndexScalar[]): Doc[] | undefined {
  const found = new Map<string, number>() // document key → position in the collection
  const take = (key: string) => {
    const seq = store.seqs.get(key)
    if (seq !== undefined) found.set(key, seq)
  }
  if (foreignField === '_id') {
    for (const v of values) take(idKey(v))
    for (const key of store.arrayIds) take(key)
  } else {
    const index = store.indexLeadingWith(foreignField)
    if (!index) return undefined
    for (const v of values) {
      const [lo, hi] = index.prefixRange([v])
      for (let i = lo; i < hi; i++) found.set(index.entries[i].key, index.entries[i].seq)
    }
    for (const [key, seq] of index.irregular) found.set(key, seq)
  }
  return [...found].sort((a, b) => a[1] - b[1]).map(([key]) => store.docs.get(key) as Doc)
}

/** The foreign documents mingo needs to run `lookup` on `localDocs`: the joining ones when they can be found, else all. */
export function lookupSource(store: CollectionStore, lookup: SimpleLookup, localDocs: Doc[]): Doc[] {
  const values = localValues(localDocs, lookup.localField)
  return (values && joinCandidates(store, lookup.foreignField, values)) ?? [...store.docs.values()]
}

/**
 * Runs `pipeline` on `docs` with mingo, over the committed documents. Each simple `$lookup` runs on
 * its own, once the stages before it have given its local documents, on `lookupSource`.
 */
export function runPipeline(docs: Doc[], pipeline: Doc[], storeOf: (name: string) => CollectionStore): Doc[] {
  const whole = (name: string) => [...storeOf(name).docs.values()]
  let out = docs
  let done = 0
  pipeline.forEach((stage, i) => {
    const lookup = simpleLookup(stage)
    if (!lookup) return
    if (i > done) out = runAggregate(out, pipeline.slice(done, i), whole)
    const local = out
    // the resolver runs inside runAggregate, so an unknown collection fails as it did before
    out = runAggregate(local, [stage], (name) => (name === lookup.from ? lookupSource(storeOf(name), lookup, local) : whole(name)))
    done = i + 1
  })
  return done < pipeline.length ? runAggregate(out, pipeline.slice(done), whole) : out
}
