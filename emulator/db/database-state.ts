import type { EmulatorClock } from '../core/clock'
import type { IndexSpec } from './collection-spec'
import { CollectionStore, type DocChange } from './collection-store'
import { collectionNotExist, invalidParam } from './db-errors'
import { idKey } from './doc-ids'
import { DurableLog, type Mutation } from './durable-log'
import type { Doc } from './ejson-codec'
import { lockKeyOf, TransactionManager, type Transaction } from './transactions'

export interface StateOptions {
  clock: EmulatorClock
  dataDir?: string
  transactionTimeoutMs: number
  lockWaitMs: number
  compactEveryCommits: number
}

/**
 * The committed state (collections in Maps), the commit path (unique checks,
 * log line, snapshot bookkeeping for open transactions, apply) and the
 * transaction-aware read view. Every commit runs synchronously, so commits
 * never interleave.
 */
export class DatabaseState {
  readonly collections = new Map<string, CollectionStore>()
  readonly txm: TransactionManager
  private log?: DurableLog
  private seq = 0
  private closed = false

  constructor(readonly opts: StateOptions) {
    this.txm = new TransactionManager(opts.clock, opts.transactionTimeoutMs, opts.lockWaitMs)
    if (opts.dataDir) {
      const { log, seq } = DurableLog.open(opts.dataDir, { apply: (m) => this.applyMutation(m) })
      this.log = log
      this.seq = seq
    }
  }

  now = (): number => this.opts.clock.now()

  collection(name: unknown): CollectionStore {
    this.assertOpen()
    if (typeof name !== 'string' || name === '') throw invalidParam('collectionName is required')
    const store = this.collections.get(name)
    if (!store) throw collectionNotExist(name)
    return store
  }

  assertOpen(): void {
    if (this.closed) throw new Error('the local database is closed')
  }

  /** Documents of a collection as a reader sees them: committed state, or a transaction's snapshot. */
  visibleDocs(store: CollectionStore, tx?: Transaction): Doc[] {
    if (!tx) return [...store.docs.values()]
    const out: Doc[] = []
    const seen = new Set<string>()
    for (const [key, doc] of store.docs) {
      seen.add(key)
      const v = this.txm.read(tx, lockKeyOf(store.name, key), doc)
      if (v) out.push(v)
    }
    // documents the snapshot holds but others deleted since, and the transaction's own inserts
    for (const lk of [...tx.preImages.keys(), ...tx.writes.keys()]) {
      const [collection, key] = lk.split('\u0001')
      if (collection !== store.name || seen.has(key)) continue
      seen.add(key)
      const v = this.txm.read(tx, lk, undefined)
      if (v) out.push(v)
    }
    return out
  }

  visibleDoc(store: CollectionStore, id: unknown, tx?: Transaction): Doc | undefined {
    const key = idKey(id)
    const committed = store.docs.get(key)
    return tx ? this.txm.read(tx, lockKeyOf(store.name, key), committed) : committed
  }

  /** Makes a batch durable and visible, atomically. Throws (changing nothing) on a unique-index violation. */
  commit(changes: DocChange[], committer?: string): void {
    this.assertOpen()
    if (changes.length === 0) return
    const stores = new Set(changes.map((c) => this.collection(c.collection)))
    for (const store of stores) store.checkUnique(changes)
    const mutations: Mutation[] = changes.map((c) =>
      c.after ? { kind: 'put', collection: c.collection, doc: c.after } : { kind: 'delete', collection: c.collection, key: c.key },
    )
    this.writeLog(mutations)
    this.txm.recordCommitted(changes, committer)
    for (const store of stores) store.applyAll(changes.filter((c) => c.collection === store.name))
    this.maybeCompact()
  }

  /** Creates what is missing; returns what it created. */
  ensureSchema(name: string, indexes: IndexSpec[]): { created: boolean; indexesCreated: string[] } {
    this.assertOpen()
    const mutations: Mutation[] = []
    const existing = this.collections.get(name)
    if (!existing) mutations.push({ kind: 'createCollection', collection: name })
    const store = existing ?? new CollectionStore(name)
    const indexesCreated: string[] = []
    for (const index of indexes) {
      if (store.hasIndex(index.name)) continue
      // a dry run first: a duplicate in existing data must leave nothing half-made
      if (index.unique) store.buildUnique(index)
      mutations.push({ kind: 'createIndex', collection: name, index })
      indexesCreated.push(`${name}.${index.name}`)
    }
    if (mutations.length === 0) return { created: false, indexesCreated }
    this.writeLog(mutations)
    for (const m of mutations) this.applyMutation(m)
    this.maybeCompact()
    return { created: !existing, indexesCreated }
  }

  private writeLog(mutations: Mutation[]): void {
    this.seq++
    if (!this.log) return
    this.log.append(this.seq, mutations)
  }

  /** Runs after the commit is applied in memory, so the snapshot includes it. */
  private maybeCompact(): void {
    if (this.log && this.log.logLength >= this.opts.compactEveryCommits) this.compact()
  }

  private applyMutation(m: Mutation): void {
    switch (m.kind) {
      case 'createCollection':
        if (!this.collections.has(m.collection)) this.collections.set(m.collection, new CollectionStore(m.collection))
        return
      case 'createIndex':
        this.collection(m.collection).addIndex(m.index)
        return
      case 'put': {
        const store = this.collection(m.collection)
        const key = idKey(m.doc._id)
        store.apply({ collection: m.collection, key, before: store.docs.get(key), after: m.doc })
        return
      }
      case 'delete': {
        const store = this.collection(m.collection)
        store.apply({ collection: m.collection, key: m.key, before: store.docs.get(m.key) })
        return
      }
    }
  }

  compact(): void {
    if (!this.log) return
    const collections = [...this.collections.values()].map((s) => ({ name: s.name, indexes: s.indexes, docs: s.docs.values() }))
    this.log.writeSnapshot(this.seq, collections)
  }

  close(): void {
    if (this.closed) return
    this.txm.abortAll()
    this.log?.close()
    this.closed = true
  }
}
