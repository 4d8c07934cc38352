import type { Query } from 'mingo'
import type { CollectionStore } from './collection-store'
import type { Doc } from './ejson-codec'
import { compareScalars } from './index-values'
import { planRanges, type IndexPlan } from './query-planner'
import type { IndexEntry } from './sorted-index'

/**
 * Runs index plans against the committed documents. Both ways give exactly what
 * mingo gives on a full scan: candidates are handed over in the collection's Map
 * order (mingo's sort is stable, so ties keep that order), and an ordered walk
 * emits each run of equal sort keys in that same order.
 */

/** The documents a plan covers (a superset of the matches), in Map order when `inOrder`. */
export function candidateDocs(store: CollectionStore, plan: IndexPlan, inOrder: boolean): Doc[] {
  const keys: { key: string; seq: number }[] = []
  const ranges = planRanges(plan)
  // `$in: [1, 1]` looks the same range up twice
  const seen = ranges.length > 1 ? new Set<string>() : undefined
  for (const [lo, hi] of ranges) {
    for (let i = lo; i < hi; i++) {
      const e = plan.index.entries[i]
      if (seen?.has(e.key)) continue
      seen?.add(e.key)
      keys.push(e)
    }
  }
  for (const [key, seq] of plan.index.irregular) keys.push({ key, seq })
  if (inOrder) keys.sort((a, b) => a.seq - b.seq)
  return keys.map((k) => store.docs.get(k.key) as Doc)
}

/**
 * Walks a plan's ranges in sort order, testing each document, and stops after
 * skip + limit matches. Entries with equal sort keys (later index keys may still
 * differ) are emitted by insertion sequence, as mingo's stable sort does; the
 * ranges of a `$or` union are visited one after another in index order.
 */
export function walkIndex(store: CollectionStore, plan: IndexPlan, query: Query, sortKeys: number, skip: number, limit?: number): Doc[] {
  const { index } = plan
  const dir = plan.walk as 1 | -1
  const ranges = dir === 1 ? planRanges(plan) : [...planRanges(plan)].reverse()
  const positions = function* () {
    for (const [lo, hi] of ranges) for (let i = dir === 1 ? lo : hi - 1; i >= lo && i < hi; i += dir) yield i
  }
  const from = plan.prefix.length
  const sameRun = (a: IndexEntry, b: IndexEntry) => {
    for (let k = from; k < from + sortKeys; k++) if (compareScalars(a.values[k], b.values[k]) !== 0) return false
    return true
  }
  const out: Doc[] = []
  let toSkip = skip
  // emits a run of equal sort keys; true once the page is full
  const emit = (run: IndexEntry[]) => {
    if (run.length > 1) run.sort((a, b) => a.seq - b.seq)
    for (const e of run) {
      const doc = store.docs.get(e.key) as Doc
      if (!query.test(doc)) continue
      if (toSkip > 0) toSkip--
      else if (out.push(doc) === limit) return true
    }
    return false
  }
  let run: IndexEntry[] = []
  for (const i of positions()) {
    const e = index.entries[i]
    if (run.length > 0 && !sameRun(e, run[0])) {
      if (emit(run)) return out
      run = []
    }
    run.push(e)
  }
  if (run.length > 0) emit(run)
  return out
}
