import type { IndexSpec } from './collection-spec'
import type { Doc } from './ejson-codec'
import { compareScalars, indexValueAt, IRREGULAR, typeRank, type IndexScalar } from './index-values'

export interface IndexEntry {
  key: string
  /** Position of the document in the collection's Map (insertion order): mingo's tie order. */
  seq: number
  values: IndexScalar[]
}

/** A range predicate on one index key, as mingo applies it (same type as the bound only). */
export interface Bound {
  op: '$lt' | '$lte' | '$gt' | '$gte'
  value: IndexScalar
}

/**
 * One secondary index: entries sorted by the index keys (each in its declared
 * direction), then by insertion sequence. Documents whose keys are not plain
 * scalars sit in `irregular` and are always candidates. Built on first use and
 * kept up to date by the collection on every applied change.
 */
export class SortedIndex {
  readonly fields: string[]
  readonly dirs: number[]
  private readonly paths: string[][]
  entries: IndexEntry[] = []
  /** key → seq of documents kept out of order. */
  readonly irregular = new Map<string, number>()
  private readonly byKey = new Map<string, IndexEntry>()
  built = false

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.keys)
    this.dirs = this.fields.map((f) => spec.keys[f])
    this.paths = this.fields.map((f) => f.split('.'))
  }

  build(docs: Map<string, Doc>, seqs: Map<string, number>): void {
    this.drop()
    for (const [key, doc] of docs) this.place(key, seqs.get(key) as number, doc, false)
    this.entries.sort((a, b) => this.compare(a, b))
    this.built = true
  }

  /** Forgets the contents; the next query rebuilds them (cheaper than many single inserts after a bulk load). */
  drop(): void {
    this.built = false
    this.entries = []
    this.byKey.clear()
    this.irregular.clear()
  }

  /** Records the document now stored under `key` (insert or update). */
  put(key: string, seq: number, doc: Doc): void {
    if (!this.built) return
    const old = this.byKey.get(key)
    if (old) {
      const values = this.valuesOf(doc)
      if (values && values.every((v, i) => compareScalars(v, old.values[i]) === 0)) return
    }
    this.remove(key)
    this.place(key, seq, doc, true)
  }

  remove(key: string): void {
    if (!this.built || this.irregular.delete(key)) return
    const entry = this.byKey.get(key)
    if (!entry) return
    this.entries.splice(
      this.lowerBound((e) => this.compare(e, entry) < 0),
      1,
    )
    this.byKey.delete(key)
  }

  private valuesOf(doc: Doc): IndexScalar[] | undefined {
    const values: IndexScalar[] = []
    for (const path of this.paths) {
      const v = indexValueAt(doc, path)
      if (v === IRREGULAR) return undefined
      values.push(v)
    }
    return values
  }

  private place(key: string, seq: number, doc: Doc, keepSorted: boolean): void {
    const values = this.valuesOf(doc)
    if (!values) {
      this.irregular.set(key, seq)
      return
    }
    const entry = { key, seq, values }
    this.byKey.set(key, entry)
    if (keepSorted)
      this.entries.splice(
        this.lowerBound((e) => this.compare(e, entry) < 0),
        0,
        entry,
      )
    else this.entries.push(entry)
  }

  compare(a: IndexEntry, b: IndexEntry): number {
    for (let i = 0; i < this.dirs.length; i++) {
      const c = compareScalars(a.values[i], b.values[i])
      if (c !== 0) return c * this.dirs[i]
    }
    return a.seq - b.seq
  }

  /** First index in [lo, hi) where `before` is false; `before` must be true then false along the entries. */
  lowerBound(before: (e: IndexEntry) => boolean, lo = 0, hi = this.entries.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (before(this.entries[mid])) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** [lo, hi) of the entries whose first keys equal `prefix`. */
  prefixRange(prefix: IndexScalar[]): [number, number] {
    const cmp = (e: IndexEntry) => {
      for (let i = 0; i < prefix.length; i++) {
        const c = compareScalars(e.values[i], prefix[i])
        if (c !== 0) return c * this.dirs[i]
      }
      return 0
    }
    const lo = this.lowerBound((e) => cmp(e) < 0)
    return [lo, this.lowerBound((e) => cmp(e) <= 0, lo)]
  }

  /**
   * Narrows [lo, hi) — entries sharing a prefix of `at` keys — to those whose key `at`
   * satisfies every bound. mingo's `$lt: b` only matches values of b's type, which
   * form one run of the order, cut at b.
   */
  narrow(range: [number, number], at: number, bounds: Bound[]): [number, number] {
    let [lo, hi] = range
    for (const { op, value } of bounds) {
      const cmp = (e: IndexEntry) => compareScalars(e.values[at], value)
      const rankDiff = (e: IndexEntry) => typeRank(e.values[at]) - typeRank(value)
      // before / after the matching run, in ascending order of the key
      const before =
        op === '$gt' ? (e: IndexEntry) => cmp(e) <= 0 : op === '$gte' ? (e: IndexEntry) => cmp(e) < 0 : (e: IndexEntry) => rankDiff(e) < 0
      const after =
        op === '$lt' ? (e: IndexEntry) => cmp(e) >= 0 : op === '$lte' ? (e: IndexEntry) => cmp(e) > 0 : (e: IndexEntry) => rankDiff(e) > 0
      const [first, last] = this.dirs[at] === 1 ? [before, after] : [after, before]
      lo = this.lowerBound(first, lo, hi)
      hi = this.lowerBound((e) => !last(e), lo, hi)
    }
    return [lo, hi]
  }
}
