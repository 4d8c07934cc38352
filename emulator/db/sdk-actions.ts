import type { ActionParams, ActionRouter } from '../core/router'
import type { DatabaseState } from './database-state'
import { collectionExists, invalidParam, queryInTransaction } from './db-errors'
import type { DocumentOps, Filter } from './document-ops'
import { EjsonError, encodeStrict, parseEjson, type Doc } from './ejson-codec'
import { pinnedIds } from './query-engine'
import type { Transaction } from './transactions'

/** CloudBase's server-side `get()`: 100 documents unless told, never more than 1000. */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

/**
 * In a cloud function, `aggregate()…end()` without a `limit` stage answers at most 20 documents (several independent
 * community reports on developers.weixin.qq.com and CSDN; the reference docs are silent; platform-facts.md
 * "Aggregate default limit"). The emulator ends such a pipeline with `$limit: 20`, so a missing limit shows in tests.
 */
export const DEFAULT_AGGREGATE_LIMIT = 20

export function withDefaultAggregateLimit(pipeline: Doc[]): Doc[] {
  return pipeline.some((stage) => '$limit' in stage) ? pipeline : [...pipeline, { $limit: DEFAULT_AGGREGATE_LIMIT }]
}

let requestSeq = 0
const requestId = () => `local-db-${(++requestSeq).toString(36)}`

type Handler = (p: ActionParams) => Record<string, unknown> | Promise<Record<string, unknown>>

/** `{_id: id}` (what `doc(id)` sends), or `{_id: {$eq: id}}`: one document, never a where() query. */
function isSingleDocument(criteria: Doc): boolean {
  if (Object.keys(criteria).length !== 1) return false
  const ids = pinnedIds(criteria)
  const cond = criteria._id as Record<string, unknown> | null
  return ids?.length === 1 && !(cond !== null && typeof cond === 'object' && '$in' in cond)
}

/** Decodes the SDK's wire parameters (EJSON strings) into values, with INVALID_PARAM for bad input. */
class WireParams {
  constructor(
    private readonly p: ActionParams,
    private readonly s: DatabaseState,
  ) {}

  ejson(name: string): unknown {
    try {
      return parseEjson(this.p[name], this.s.now, name)
    } catch (err) {
      if (err instanceof EjsonError) throw invalidParam(err.message)
      throw err
    }
  }

  object(name: string, fallback?: Doc): Doc {
    if (this.p[name] === undefined || this.p[name] === '') {
      if (fallback) return fallback
      throw invalidParam(`${name} is required`)
    }
    const v = this.ejson(name)
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidParam(`${name} must be an object`)
    return v as Doc
  }

  private decodedFilter?: Filter

  /** Decoded once per request: the handler and the transaction check see the same criteria (and server date). */
  filter(): Filter {
    if (this.decodedFilter) return this.decodedFilter
    const criteria = this.object('query', {})
    const text = this.p.query
    const cacheable = typeof text === 'string' && !text.includes('$tcb_server_date')
    this.decodedFilter = { criteria, cacheKey: cacheable ? text : undefined }
    return this.decodedFilter
  }

  flag(name: string, fallback: boolean): boolean {
    const v = this.p[name]
    return typeof v === 'boolean' ? v : fallback
  }

  /** The transaction the operation runs in, if any; its first operation takes its snapshot. */
  tx(): Transaction | undefined {
    const id = this.p.transactionId
    return id === undefined || id === null || id === '' ? undefined : this.s.txm.operate(id)
  }

  /** The transaction of an operation with a query, which inside one must name a single document (doc()). */
  txForQuery(action: string): Transaction | undefined {
    const tx = this.tx()
    if (tx && (this.p.queryType === 'WHERE' || !isSingleDocument(this.filter().criteria)))
      throw queryInTransaction(String(this.p.collectionName), action)
    return tx
  }

  limit(): number {
    const n = Number(this.p.limit)
    if (!Number.isInteger(n) || n <= 0) return DEFAULT_LIMIT
    return Math.min(n, MAX_LIMIT)
  }

  offset(): number {
    const n = Number(this.p.offset ?? 0)
    if (!Number.isInteger(n) || n < 0) throw invalidParam('offset must be a non-negative integer')
    return n
  }

  order(): Record<string, number> | undefined {
    if (this.p.order === undefined) return undefined
    const order = this.object('order')
    for (const [field, dir] of Object.entries(order)) if (dir !== 1 && dir !== -1) throw invalidParam(`invalid order for ${field}`)
    return order as Record<string, number>
  }

  documents(): Doc[] {
    const raw = this.p.data
    const list = Array.isArray(raw) ? raw : [raw]
    if (list.length === 0) throw invalidParam('data must hold at least one document')
    return list.map((text) => new WireParams({ action: '', d: text }, this.s).object('d'))
  }

  pipeline(): Doc[] {
    const stages = this.p.stages
    if (!Array.isArray(stages)) throw invalidParam('stages must be an array')
    return stages.map((stage: { stageKey?: unknown; stageValue?: unknown }) => {
      if (typeof stage?.stageKey !== 'string' || !stage.stageKey.startsWith('$')) throw invalidParam('invalid aggregation stage')
      const value = new WireParams({ action: '', v: stage.stageValue }, this.s).ejson('v')
      return { [stage.stageKey]: value }
    })
  }
}

/** Every `database.*` action the pinned SDK (wx-server-sdk 4.0.2 → @cloudbase/database 1.4.3) can send. */
export function registerDatabaseActions(router: ActionRouter, s: DatabaseState, ops: DocumentOps): void {
  const on = (action: string, handler: Handler) =>
    router.on(`database.${action}`, async (p) => ({ requestId: requestId(), ...(await handler(p)) }))
  const wire = (p: ActionParams) => new WireParams(p, s)

  on('getDocument', (p) => {
    const w = wire(p)
    const limit = w.limit()
    const offset = w.offset()
    const opts = { order: w.order(), offset, limit, projection: p.projection === undefined ? undefined : w.object('projection') }
    const list = ops.find(p.collectionName, w.filter(), opts, w.txForQuery('get')).map(encodeStrict)
    return { data: { list, offset, limit } }
  })
  on('calculateDocument', (p) => ({ data: { total: ops.count(p.collectionName, wire(p).filter()) } }))
  on('aggregateDocuments', (p) => {
    const pipeline = withDefaultAggregateLimit(wire(p).pipeline())
    return { data: { list: ops.aggregate(p.collectionName, pipeline).map(encodeStrict) } }
  })
  on('insertDocument', async (p) => {
    const w = wire(p)
    return { data: { insertedIds: await ops.insert(p.collectionName, w.documents(), w.tx()) } }
  })
  on('modifyDocument', async (p) => {
    const w = wire(p)
    const args = {
      ...w.filter(),
      data: w.object('data'),
      multi: w.flag('multi', false),
      merge: w.flag('merge', true),
      upsert: w.flag('upsert', false),
    }
    const { updated, upsertedId } = await ops.modify(p.collectionName, args, w.txForQuery('update'))
    return { data: upsertedId === undefined ? { updated } : { updated, upsert_id: upsertedId } }
  })
  on('removeDocument', async (p) => {
    const w = wire(p)
    return { data: { deleted: await ops.remove(p.collectionName, w.filter(), w.flag('multi', false), w.txForQuery('remove')) } }
  })
  on('modifyAndReturnDoc', async (p) => {
    const w = wire(p)
    const { updated, doc } = await ops.modifyAndReturn(p.collectionName, w.filter(), w.object('data'), w.txForQuery('updateAndReturn'))
    return { data: { updated, doc: doc ? encodeStrict(doc) : null } }
  })
  on('addCollection', (p) => {
    if (typeof p.collectionName !== 'string' || !p.collectionName) throw invalidParam('collectionName is required')
    if (s.collections.has(p.collectionName)) throw collectionExists(p.collectionName)
    s.ensureSchema(p.collectionName, [])
    return {}
  })

  on('startTransaction', () => ({ transactionId: s.txm.start().id }))
  on('commitTransaction', (p) => {
    ops.commitTransaction(p.transactionId)
    return {}
  })
  on('abortTransaction', (p) => {
    s.txm.finish(s.txm.get(p.transactionId))
    return {}
  })
  registerLegacyTransactionActions(on, s, ops)
}

/** The older per-document transaction API (`transaction.get/set/update/delete(docRef)`) still in the SDK. */
function registerLegacyTransactionActions(on: (action: string, h: Handler) => void, s: DatabaseState, ops: DocumentOps): void {
  const byId = (p: ActionParams): Filter => {
    if (p._id === undefined) throw invalidParam('_id is required')
    return { criteria: { _id: p._id } }
  }
  on('getInTransaction', (p) => {
    const tx = s.txm.operate(p.transactionId)
    const [doc] = ops.find(p.collectionName, byId(p), { limit: 1 }, tx)
    return { data: doc ? encodeStrict(doc) : 'null' }
  })
  on('updateDocInTransaction', async (p) => {
    const tx = s.txm.operate(p.transactionId)
    const data = new WireParams(p, s).object('data')
    const merge = Object.keys(data).some((k) => k.startsWith('$'))
    const args = { ...byId(p), data, multi: false, merge, upsert: p.upsert === true }
    const { updated, upsertedId } = await ops.modify(p.collectionName, args, tx)
    return { updated: encodeStrict(updated), upserted: upsertedId === undefined ? null : JSON.stringify([{ _id: upsertedId }]) }
  })
  on('deleteDocInTransaction', async (p) => {
    const tx = s.txm.operate(p.transactionId)
    return { deleted: encodeStrict(await ops.remove(p.collectionName, byId(p), false, tx)) }
  })
}
