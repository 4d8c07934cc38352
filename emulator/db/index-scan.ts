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
 * Walks a plan's one range in sort order, testing each document, and stops after
 * skip + limit matches. Entries with equal sort keys (later index keys may still
 * differ) are emitted by insertion sequence, as mingo's stable sort does.
 */
export function walkIndex(store: CollectionStore, plan: IndexPlan, query: Query, sortKeys: number, skip: number, limit?: number): Doc[] {
  const { index } = plan
  const dir = plan.walk as 1 | -1
  const [[lo, hi]] = planRanges(plan)
  const from = plan.prefix.length
  const sameRun = (a: IndexEntry, b: IndexEntry) => {
    for (let k = from; k < from + sortKeys; k++) if (compareScalars(a.values[k], b.values[k]) !== 0) return false
    return true
  }
  const out: Doc[] = []
  let toSkip = skip
  let i = dir === 1 ? lo : hi - 1
  while (i >= lo && i < hi) {
    const run: IndexEntry[] = [index.entries[i]]
    let j = i + dir
    while (j >= lo && j < hi && sameRun(index.entries[j], run[0])) {
      run.push(index.entries[j])
      j += dir
    }
    if (run.length > 1) run.sort((a, b) => a.seq - b.seq)
    for (const e of run) {
      const doc = store.docs.get(e.key) as Doc
      if (!query.test(doc)) continue
      if (toSkip > 0) toSkip--
      else if (out.push(doc) === limit) return out
    }
    i = j
  }
  return out
}
