import type { CollectionStore, DocChange } from './collection-store'
import type { DatabaseState } from './database-state'
import { batchInTransaction, duplicateKey, invalidParam, transactionConflict } from './db-errors'
import { idKey, newDocId } from './doc-ids'
import { encodeStrict, type Doc } from './ejson-codec'
import { candidateDocs, walkIndex } from './index-scan'
import { runPipeline } from './lookup-join'
import { applyUpdate, compileQuery, pinnedIds, requestFailed, runFind, type FindOptions } from './query-engine'
import { describePlan, splitPipeline, type IndexPlan, type PlanRequest, type PlanSummary } from './query-planner'
import { lockKeyOf, type Transaction } from './transactions'

export interface Filter {
  criteria: Doc
  /** The raw query text, when the compiled query may be cached (no server dates in it). */
  cacheKey?: string
}

export interface ModifyArgs extends Filter {
  data: Doc
  multi: boolean
  merge: boolean
  upsert: boolean
}

type Computed<R> = { changes: DocChange[]; result: R }

/** Query errors mingo throws mid-walk answer like those of a scan. */
function guarded<T>(run: () => T): T {
  try {
    return run()
  } catch (err) {
    throw requestFailed(err)
  }
}

const isOperatorSpec = (data: Doc) => Object.keys(data).some((k) => k.startsWith('$'))

/**
 * The document operations behind every database action and the direct API.
 * Plain writes wait for transaction locks, then compute and commit in one
 * synchronous step; writes with a transaction are buffered in it.
 */
/** The criteria are `_id` alone, by string ids: the Map lookup is the whole match. */
const onlyStringIds = (criteria: Doc, pinned: unknown[]): boolean =>
  Object.keys(criteria).length === 1 && pinned.every((id) => typeof id === 'string')

/** No order, skip or projection: a page is the matches as found, up to the limit. */
const isPlainPage = (opts: FindOptions): boolean =>
  !opts.offset && !(opts.order && Object.keys(opts.order).length > 0) && !(opts.projection && Object.keys(opts.projection).length > 0)

export class DocumentOps {
  constructor(private readonly s: DatabaseState) {}

  /**
   * The index plan for a read of committed data. Reads inside a transaction see its
   * snapshot and own writes, which the indexes do not hold: they scan (correct, and
   * transactions read few documents). `_id` filters go through the Map instead.
   */
  private plan(store: CollectionStore, req: PlanRequest, tx?: Transaction): IndexPlan | undefined {
    if (tx || pinnedIds(req.criteria)) return undefined
    return store.plan(req)
  }

  /** Matching documents in collection order (any order for a count), the first `limit` of them. */
  private matching(store: CollectionStore, filter: Filter, tx?: Transaction, limit?: number, ordered = true): Doc[] {
    const pinned = pinnedIds(filter.criteria)
    const out: Doc[] = []
    if (pinned) {
      // `{_id: 'x'}` (a doc().get(), and every doc() write) is answered by the Map alone: no query to compile or test.
      const query = onlyStringIds(filter.criteria, pinned) ? null : compileQuery(filter.criteria, filter.cacheKey)
      const seen = new Set<string>()
      for (const id of pinned) {
        const doc = seen.has(idKey(id)) ? undefined : this.s.visibleDoc(store, id, tx)
        seen.add(idKey(id))
        if (doc && (!query || query.test(doc))) out.push(doc)
        if (out.length === limit) break
      }
      return out
    }
    const query = compileQuery(filter.criteria, filter.cacheKey)
    const plan = this.plan(store, { criteria: filter.criteria }, tx)
    const docs = plan ? candidateDocs(store, plan, ordered) : tx ? this.s.visibleDocs(store, tx) : store.docs.values()
    for (const doc of docs) {
      if (!query.test(doc)) continue
      out.push(doc)
      if (out.length === limit) break
    }
    return out
  }

  /** The matches of a query, sorted, skipped and limited (and projected) exactly as mingo's cursor does. */
  private query(store: CollectionStore, filter: Filter, opts: FindOptions, tx?: Transaction): Doc[] {
    const pinned = pinnedIds(filter.criteria)
    if (pinned && onlyStringIds(filter.criteria, pinned) && isPlainPage(opts)) return this.matching(store, filter, tx, opts.limit)
    const query = compileQuery(filter.criteria, filter.cacheKey)
    const plan = this.plan(store, { criteria: filter.criteria, sort: opts.order, skip: opts.offset, limit: opts.limit }, tx)
    if (plan?.walk) {
      const sortKeys = Object.keys(opts.order ?? {}).length
      const page = guarded(() => walkIndex(store, plan, query, sortKeys, opts.offset ?? 0, opts.limit))
      return opts.projection ? runFind(page, compileQuery({}, '{}'), { projection: opts.projection }) : page
    }
    const candidates = plan ? candidateDocs(store, plan, true) : pinned ? this.matching(store, filter, tx) : this.s.visibleDocs(store, tx)
    return runFind(candidates, query, opts)
  }

  find(collection: unknown, filter: Filter, opts: FindOptions, tx?: Transaction): Doc[] {
    return this.query(this.s.collection(collection), filter, opts, tx)
  }

  count(collection: unknown, filter: Filter): number {
    return this.matching(this.s.collection(collection), filter, undefined, undefined, false).length
  }

  /**
   * A leading `$match` (+ `$sort`, `$skip`, `$limit`) runs like a find (indexes included); mingo runs the
   * rest, each simple `$lookup` on the foreign documents that can join only (lookup-join.ts).
   */
  aggregate(collection: unknown, pipeline: Doc[]): Doc[] {
    const store = this.s.collection(collection)
    const storeOf = (name: string) => this.s.collection(name)
    const { head, rest } = splitPipeline(pipeline)
    // `_id` filters answer in the order of the ids, not the collection's: those pipelines keep the plain path
    if (!head || pinnedIds(head.criteria)) return runPipeline(this.s.visibleDocs(store), pipeline, storeOf)
    const docs = this.query(store, { criteria: head.criteria }, { order: head.sort, offset: head.skip, limit: head.limit })
    return rest.length > 0 ? runPipeline(docs, rest, storeOf) : docs
  }

  /** Which index (if any) a find or a pipeline would use, for tests and the dev panel. */
  explain(collection: unknown, req: PlanRequest | Doc[]): PlanSummary {
    const store = this.s.collection(collection)
    const head = Array.isArray(req) ? splitPipeline(req).head : req
    if (!head) return { mode: 'scan' }
    if (pinnedIds(head.criteria)) return { mode: 'ids' }
    return describePlan(store.plan(head), head)
  }

  insert(collection: unknown, docs: Doc[], tx?: Transaction): Promise<unknown[]> {
    const store = this.s.collection(collection)
    // CloudBase transactions take single-document operations only ("不允许进行批量操作"): a batch add is refused.
    if (tx && docs.length > 1) throw batchInTransaction(store.name, docs.length)
    return this.write(tx, () => {
      const changes: DocChange[] = []
      for (const input of docs) {
        // MongoDB stores `_id` as the first field whatever order it was given in, so a later set() of the same
        // fields compares equal (updated 0) instead of differing by field order
        const { _id, ...fields } = input
        const doc: Doc = { _id: _id === undefined ? newDocId(this.s.now()) : _id, ...fields }
        changes.push({ collection: store.name, key: idKey(doc._id), after: doc })
      }
      return { changes, result: changes.map((c) => c.after?._id) }
    })
  }

  modify(collection: unknown, args: ModifyArgs, tx?: Transaction): Promise<{ updated: number; upsertedId?: unknown }> {
    const store = this.s.collection(collection)
    if (!args.merge && isOperatorSpec(args.data)) throw invalidParam('a replacement document cannot hold update operators')
    const spec = args.merge && !isOperatorSpec(args.data) ? { $set: args.data } : args.data
    const build = (id: unknown, current: Doc | undefined): Doc | undefined => {
      if (args.merge) return applyUpdate(current ?? { _id: id }, spec) ?? (current ? undefined : { _id: id })
      const { _id: _ignored, ...fields } = args.data
      const next: Doc = { _id: id, ...fields }
      return current && encodeStrict(current) === encodeStrict(next) ? undefined : next
    }
    return this.write<{ updated: number; upsertedId?: unknown }>(tx, () => {
      const changes: DocChange[] = []
      for (const doc of this.matching(store, args, tx, args.multi ? undefined : 1)) {
        const after = build(doc._id, doc)
        if (after) changes.push({ collection: store.name, key: idKey(doc._id), before: doc, after })
      }
      if (changes.length > 0 || !args.upsert || this.matching(store, args, tx, 1).length > 0)
        return { changes, result: { updated: changes.length } }
      const pinned = pinnedIds(args.criteria)
      const id = pinned?.length === 1 ? pinned[0] : newDocId(this.s.now())
      const after = build(id, undefined) as Doc
      return { changes: [{ collection: store.name, key: idKey(id), after }], result: { updated: 0, upsertedId: id } }
    })
  }

  remove(collection: unknown, filter: Filter, multi: boolean, tx?: Transaction): Promise<number> {
    const store = this.s.collection(collection)
    return this.write(tx, () => {
      const targets = this.matching(store, filter, tx, multi ? undefined : 1)
      return { changes: targets.map((doc) => ({ collection: store.name, key: idKey(doc._id), before: doc })), result: targets.length }
    })
  }

  /** `updateAndReturn`: updates the first match and answers the document after the update. */
  modifyAndReturn(collection: unknown, filter: Filter, spec: Doc, tx?: Transaction): Promise<{ updated: number; doc?: Doc }> {
    const store = this.s.collection(collection)
    const update = isOperatorSpec(spec) ? spec : { $set: spec }
    return this.write<{ updated: number; doc?: Doc }>(tx, () => {
      const [doc] = this.matching(store, filter, tx, 1)
      if (!doc) return { changes: [], result: { updated: 0 } }
      const after = applyUpdate(doc, update)
      if (!after) return { changes: [], result: { updated: 0, doc } }
      return { changes: [{ collection: store.name, key: idKey(doc._id), before: doc, after }], result: { updated: 1, doc: after } }
    })
  }

  commitTransaction(txId: unknown): void {
    const tx = this.s.txm.get(txId)
    try {
      if (tx.conflict !== undefined) throw transactionConflict(tx.id, tx.conflict)
      const changes = this.pendingChanges(tx)
      // a safety net: a write to a changed document already failed at the write (TransactionManager.write)
      for (const c of changes)
        if (tx.preImages.has(lockKeyOf(c.collection, c.key)))
          throw transactionConflict(tx.id, `${c.collection}/${c.key} changed after the transaction started`)
      this.s.commit(changes, tx.id)
    } finally {
      this.s.txm.finish(tx)
    }
  }

  /** A transaction's buffered writes as changes against the committed state. */
  private pendingChanges(tx: Transaction): DocChange[] {
    const changes: DocChange[] = []
    for (const w of tx.writes.values()) {
      const before = this.s.collection(w.collection).docs.get(w.key)
      if (before || w.after) changes.push({ collection: w.collection, key: w.key, before, after: w.after })
    }
    return changes
  }

  private async write<R>(tx: Transaction | undefined, compute: () => Computed<R>): Promise<R> {
    if (tx) {
      const out = compute()
      // duplicates are reported on the write itself, as CloudBase does (errCode -502001 through the SDK)
      for (const c of out.changes)
        if (!c.before && c.after && this.s.visibleDoc(this.s.collection(c.collection), c.after._id, tx))
          throw duplicateKey(c.collection, '_id_', encodeStrict({ _id: c.after._id }))
      const keys = new Set(out.changes.map((c) => lockKeyOf(c.collection, c.key)))
      const batch = this.pendingChanges(tx).filter((c) => !keys.has(lockKeyOf(c.collection, c.key)))
      for (const c of out.changes) batch.push({ ...c, before: this.s.collection(c.collection).docs.get(c.key) })
      for (const name of new Set(out.changes.map((c) => c.collection))) this.s.collection(name).checkUnique(batch)
      this.s.txm.write(
        tx,
        out.changes.map((c) => ({ collection: c.collection, key: c.key, after: c.after })),
      )
      return out.result
    }
    const deadline = Date.now() + this.s.opts.lockWaitMs
    for (;;) {
      const out = compute()
      const keys = out.changes.map((c) => lockKeyOf(c.collection, c.key))
      if (this.s.txm.firstLocked(keys) === undefined) {
        this.s.commit(out.changes)
        return out.result
      }
      await this.s.txm.waitUnlocked(keys, undefined, deadline)
    }
  }
}
