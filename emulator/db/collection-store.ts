import type { IndexSpec } from './collection-spec'
import { duplicateKey } from './db-errors'
import { encodeStrict, type Doc } from './ejson-codec'
import { choosePlan, type IndexPlan, type PlanRequest } from './query-planner'
import { SortedIndex } from './sorted-index'

/** One document write: `before` undefined = insert, `after` undefined = delete. */
export interface DocChange {
  collection: string
  key: string
  before?: Doc
  after?: Doc
}

export interface UniqueIndex {
  spec: IndexSpec
  fields: string[]
  /** unique key → idKey of the document holding it */
  owners: Map<string, string>
}

function valueAt(doc: Doc, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return null
    cur = (cur as Record<string, unknown>)[part]
  }
  // like MongoDB, a missing field is indexed as null: only one doc may lack it
  return cur === undefined ? null : cur
}

/** A batch touching more documents than this (or an eighth of the collection) drops the sorted indexes instead. */
const BULK_CHANGES = 256

/**
 * One collection: documents by `_id` in a Map, a Map per unique index (no scans
 * for key checks) and a sorted index per declared index (query-planner.ts).
 */
export class CollectionStore {
  readonly docs = new Map<string, Doc>()
  /** key → position in `docs` (Map insertion order, which an update keeps and a delete + insert moves to the end). */
  readonly seqs = new Map<string, number>()
  readonly indexes: IndexSpec[] = []
  readonly sorted: SortedIndex[] = []
  /** Keys of documents whose `_id` is an array: mingo's `$lookup` joins on each element, which the `docs` Map cannot find. */
  readonly arrayIds = new Set<string>()
  private readonly unique: UniqueIndex[] = []
  private nextSeq = 0

  constructor(readonly name: string) {}

  hasIndex(name: string): boolean {
    return this.indexes.some((i) => i.name === name)
  }

  /** Adds an index; a unique one is built from the current documents and fails on existing duplicates. */
  addIndex(spec: IndexSpec): void {
    if (this.hasIndex(spec.name)) return
    if (spec.unique) this.unique.push(this.buildUnique(spec))
    this.indexes.push(spec)
    this.sorted.push(new SortedIndex(spec))
  }

  /** The owners map of a unique index over the current documents; throws on a duplicate (changing nothing). */
  buildUnique(spec: IndexSpec): UniqueIndex {
    const index: UniqueIndex = { spec, fields: Object.keys(spec.keys), owners: new Map() }
    for (const [key, doc] of this.docs) {
      const u = this.uniqueKey(index, doc)
      if (index.owners.has(u)) throw duplicateKey(this.name, spec.name, u)
      index.owners.set(u, key)
    }
    return index
  }

  /** The index plan for a query on the committed documents, or undefined to scan. Builds the indexes it considers. */
  plan(req: PlanRequest): IndexPlan | undefined {
    return choosePlan(this.sorted, req, this.docs.size, (index) => {
      if (!index.built) index.build(this.docs, this.seqs)
    })
  }

  /** A sorted index whose first key is `field`, built, or undefined when none is declared. */
  indexLeadingWith(field: string): SortedIndex | undefined {
    const index = this.sorted.find((i) => i.fields[0] === field)
    if (index && !index.built) index.build(this.docs, this.seqs)
    return index
  }

  private uniqueKey(index: UniqueIndex, doc: Doc): string {
    return encodeStrict(index.fields.map((f) => valueAt(doc, f)))
  }

  /**
   * Throws the duplicate key error CloudBase gives (→ errCode -502001) if applying
   * the batch would break `_id` or a unique index. Considers the whole batch, so a
   * transaction may move a unique value from one document to another.
   */
  checkUnique(changes: DocChange[]): void {
    const mine = changes.filter((c) => c.collection === this.name)
    if (mine.length === 0) return
    const touched = new Set(mine.map((c) => c.key))
    const inserted = new Set<string>()
    for (const c of mine) {
      if (c.before || !c.after) continue
      const exists = this.docs.has(c.key) && !mine.some((o) => o.key === c.key && o.before && !o.after)
      if (exists || inserted.has(c.key)) throw duplicateKey(this.name, '_id_', `{ _id: ${encodeStrict({ v: c.after._id }).slice(5, -1)} }`)
      inserted.add(c.key)
    }
    for (const index of this.unique) {
      const afterKeys = new Map<string, string | undefined>()
      for (const c of mine) afterKeys.set(c.key, c.after ? this.uniqueKey(index, c.after) : undefined)
      const claimed = new Map<string, string>()
      for (const [key, u] of afterKeys) {
        if (u === undefined) continue
        const other = claimed.get(u)
        if (other !== undefined && other !== key) throw duplicateKey(this.name, index.spec.name, u)
        claimed.set(u, key)
        const owner = index.owners.get(u)
        if (owner !== undefined && owner !== key && !(touched.has(owner) && afterKeys.get(owner) !== u))
          throw duplicateKey(this.name, index.spec.name, u)
      }
    }
  }

  /** Applies a committed batch (changes of this collection only). */
  applyAll(changes: DocChange[]): void {
    if (changes.length > Math.max(BULK_CHANGES, this.docs.size / 8)) for (const index of this.sorted) index.drop()
    for (const c of changes) this.apply(c)
  }

  /** Applies changes already checked by checkUnique. */
  apply(change: DocChange): void {
    for (const index of this.unique) {
      if (change.before) {
        const u = this.uniqueKey(index, change.before)
        if (index.owners.get(u) === change.key) index.owners.delete(u)
      }
    }
    const { key, after } = change
    if (after) {
      let seq = this.seqs.get(key)
      if (seq === undefined) this.seqs.set(key, (seq = this.nextSeq++))
      this.docs.set(key, after)
      if (Array.isArray(after._id)) this.arrayIds.add(key)
      for (const index of this.unique) index.owners.set(this.uniqueKey(index, after), key)
      for (const index of this.sorted) index.put(key, seq, after)
    } else {
      this.docs.delete(key)
      this.seqs.delete(key)
      this.arrayIds.delete(key)
      for (const index of this.sorted) index.remove(key)
    }
  }
}
