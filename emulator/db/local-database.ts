import type { EmulatorClock } from '../core/clock'
import type { ActionRouter } from '../core/router'
import { validateCollections, type CollectionSpec, type IndexSpec } from './collection-spec'
import { DatabaseState } from './database-state'
import { DocumentOps } from './document-ops'
import { decodeValue, encodeRelaxed, type Doc } from './ejson-codec'
import { cloneValue } from './query-engine'
import type { PlanSummary } from './query-planner'
import { registerDatabaseActions } from './sdk-actions'

export interface DatabaseOptions {
  clock: EmulatorClock
  /** undefined → in-memory (tests); a directory → snapshot + fsynced commit log (`npm start`). */
  dataDir?: string
  /** Open transactions are aborted after this long (real time or emulator clock). Default 30 s. */
  transactionTimeoutMs?: number
  /** How long a plain write waits for a document locked by a transaction. Default 5 s. */
  lockWaitMs?: number
  /** Compacts the log into the snapshot after this many commits. Default 20,000. */
  compactEveryCommits?: number
}

/** Plain JS values in (possibly with undefined, class instances) → the stored form, as the SDK would send it. */
function normalize(value: object): Doc {
  return decodeValue(JSON.parse(encodeRelaxed(value)), () => Date.now()) as Doc
}

/**
 * The emulator's CloudBase database. The SDK reaches it through `register(router)`;
 * seeding, the dev panel and tests use the direct methods, which go through the
 * same operations (locks included).
 */
export class LocalDatabase {
  private readonly ops: DocumentOps

  private constructor(private readonly state: DatabaseState) {
    this.ops = new DocumentOps(state)
  }

  static async open(opts: DatabaseOptions): Promise<LocalDatabase> {
    const state = new DatabaseState({
      clock: opts.clock,
      dataDir: opts.dataDir,
      transactionTimeoutMs: opts.transactionTimeoutMs ?? 30_000,
      lockWaitMs: opts.lockWaitMs ?? 5_000,
      compactEveryCommits: opts.compactEveryCommits ?? 20_000,
    })
    return new LocalDatabase(state)
  }

  /** Creates missing collections and indexes; idempotent. Throws on an invalid manifest. */
  async migrate(specs: CollectionSpec[]): Promise<{ created: string[]; indexesCreated: string[] }> {
    const problems = validateCollections(specs)
    if (problems.length > 0) throw new Error(`invalid collection manifest:\n${problems.join('\n')}`)
    const created: string[] = []
    const indexesCreated: string[] = []
    for (const spec of specs) {
      const out = this.state.ensureSchema(spec.name, spec.indexes)
      if (out.created) created.push(spec.name)
      indexesCreated.push(...out.indexesCreated)
    }
    return { created, indexesCreated }
  }

  /** Collections and their indexes as they stand (what `npm run deploy -- --env local` plans against). */
  schema(): { name: string; indexes: IndexSpec[] }[] {
    return [...this.state.collections.values()].map((s) => ({ name: s.name, indexes: s.indexes.map((i) => ({ ...i })) }))
  }

  register(router: ActionRouter): void {
    registerDatabaseActions(router, this.state, this.ops)
  }

  /** Inserts documents (ids generated when missing); returns their ids. */
  async insert(collection: string, docs: object[]): Promise<string[]> {
    const ids = await this.ops.insert(collection, docs.map(normalize))
    return ids.map((id) => (typeof id === 'string' ? id : String(id)))
  }

  /** All matching documents (no default limit, unlike the SDK path), as copies. */
  async find(collection: string, query: object = {}, opts: { limit?: number; sort?: Record<string, 1 | -1> } = {}): Promise<object[]> {
    const docs = this.ops.find(collection, { criteria: normalize(query) }, { order: opts.sort, limit: opts.limit })
    return docs.map(cloneValue)
  }

  async count(collection: string, query: object = {}): Promise<number> {
    return this.ops.count(collection, { criteria: normalize(query) })
  }

  /** How a find (or an aggregation pipeline's leading `$match`/`$sort`/`$skip`/`$limit`) would run: which index, if any. */
  explain(
    collection: string,
    query: object | object[],
    opts: { sort?: Record<string, 1 | -1>; skip?: number; limit?: number } = {},
  ): PlanSummary {
    if (Array.isArray(query)) return this.ops.explain(collection, query.map(normalize))
    return this.ops.explain(collection, { criteria: normalize(query), sort: opts.sort, skip: opts.skip, limit: opts.limit })
  }

  /** Folds the commit log into a fresh snapshot (no-op in memory). */
  async compact(): Promise<void> {
    this.state.compact()
  }

  /** How many plain writes are waiting for another transaction's lock right now. */
  lockWaiters(): number {
    return this.state.txm.lockWaiters
  }

  /** Aborts open transactions and closes the data files; every commit is already fsynced. */
  async close(): Promise<void> {
    this.state.close()
  }

  /** Every document of every collection, by collection name (tests compare whole states). */
  dump(): Record<string, object[]> {
    const out: Record<string, object[]> = {}
    for (const [name, store] of [...this.state.collections].sort(([a], [b]) => a.localeCompare(b)))
      out[name] = [...store.docs.values()].map(cloneValue).sort((a, b) => String((a as Doc)._id).localeCompare(String((b as Doc)._id)))
    return out
  }

  stats(): { collections: number; documents: number } {
    let documents = 0
    for (const store of this.state.collections.values()) documents += store.docs.size
    return { collections: this.state.collections.size, documents }
  }
}
