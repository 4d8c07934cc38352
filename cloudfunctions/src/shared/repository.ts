/**
 * The typed repository layer: every collection access goes through here, typed by the schema manifest's
 * `CollectionDocs` (schema/collections.ts). A feature's repository module (services/<feature>/store.ts or repo.ts)
 * calls `repository('<feature>')` and so can name only the collections it owns; services use that module.
 * wx-server-sdk's typings union each result with `void | string` (callback style): the one cast from its untyped
 * results to the manifest's document types is `typed()` below. Nothing here changes a request: every method is the
 * SDK's own, called the same way.
 */
import type { CollectionDocs, Feature, OwnedBy } from '../schema/collections'
import { byIds, countWhere, db, getOrNull, MAX_GET, txGet, type Tx } from './db'

export interface Found<T> {
  data: T[]
}
export interface Updated {
  stats: { updated: number }
}
export interface Removed {
  stats: { removed: number }
}
export interface Added {
  _id: string
}
/** Write payloads stay the SDK's (partial documents, dot paths and update commands such as `_.inc`). */
export interface Write {
  data: object
}

export interface Query<T> {
  where(cond: object): Query<T>
  orderBy(field: string, order: 'asc' | 'desc'): Query<T>
  limit(n: number): Query<T>
  skip(n: number): Query<T>
  /** A projection: the answer holds the picked fields (and `_id`). */
  field<P extends keyof T & string>(projection: { [F in P]: true }): Query<Pick<T, P | ('_id' extends keyof T ? '_id' : never)>>
  get(): Promise<Found<T>>
  count(): Promise<{ total: number }>
  update(write: Write): Promise<Updated>
  remove(): Promise<Removed>
}

export interface DocRef<T> {
  get(): Promise<{ data: T }>
  set(write: Write): Promise<unknown>
  update(write: Write): Promise<Updated>
  remove(): Promise<Removed>
}

/** An aggregate pipeline; `end<R>()` names the shape the stages produce. */
export interface Pipeline {
  match(cond: object): Pipeline
  lookup(spec: object): Pipeline
  group(spec: object): Pipeline
  project(spec: object): Pipeline
  addFields(spec: object): Pipeline
  sort(spec: object): Pipeline
  skip(n: number): Pipeline
  limit(n: number): Pipeline
  unwind(spec: object | string): Pipeline
  end<R>(): Promise<{ list: R[] }>
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocRef<T>
  add(write: Write): Promise<Added>
  aggregate(): Pipeline
}

/** Inside a transaction the SDK offers document operations only. */
export interface TxCollection<T> {
  doc(id: string): Omit<DocRef<T>, 'get'>
  add(write: Write): Promise<Added>
}

const typed = <T>(raw: unknown): T => raw as T

/** The repository functions of one feature, limited to the collections the manifest gives it. */
export interface Repository<F extends Feature> {
  /** The collection outside a transaction. */
  col<K extends OwnedBy<F>>(name: K): Collection<CollectionDocs[K]>
  /** The collection inside `tx` (document writes; read with `getIn`). */
  inTx<K extends OwnedBy<F>>(tx: Tx, name: K): TxCollection<CollectionDocs[K]>
  /** A document, or null when it does not exist (one request). */
  get<K extends OwnedBy<F>>(name: K, id: string): Promise<CollectionDocs[K] | null>
  /** A document read inside `tx`, or null. */
  getIn<K extends OwnedBy<F>>(tx: Tx, name: K, id: string): Promise<CollectionDocs[K] | null>
  /** Documents by `_id`: one request per 1000 ids. */
  byIds<K extends OwnedBy<F>>(name: K, ids: readonly string[]): Promise<Map<string, CollectionDocs[K]>>
  /** How many documents match `where` (one `count()`). */
  count<K extends OwnedBy<F>>(name: K, where: object): Promise<number>
  /**
   * A `sys_meta` record (cursors, policies: each feature keys its own ids). The records differ in shape, so the caller
   * names its record's fields; this is the one read typed by its caller rather than by the manifest.
   */
  getMeta<T extends object>(id: string): Promise<(T & { _id: string }) | null>
  getMetaIn<T extends object>(tx: Tx, id: string): Promise<(T & { _id: string }) | null>
}

export function repository<F extends Feature>(feature: F): Repository<F> {
  void feature
  return {
    col: (name) => typed(db().collection(name)),
    inTx: (tx, name) => typed(tx.collection(name)),
    get: (name, id) => getOrNull(name, id),
    getIn: (tx, name, id) => txGet(tx, name, id),
    byIds: async (name, ids) => typed(await byIds(name, ids)),
    count: (name, where) => countWhere(name, where),
    getMeta: async (id) => typed(await getOrNull('sys_meta', id)),
    getMetaIn: async (tx, id) => typed(await txGet(tx, 'sys_meta', id)),
  }
}

/** The database's query and update commands (`_.in`, `_.inc`, …) and server values: no collection access. */
export const command = () => db().command
export const serverDate = () => db().serverDate()
/** A regular-expression condition for `where` (the SDK's `db.RegExp`). */
export const regExp = (options: { regexp: string; options?: string }) => db().RegExp(options)

/**
 * Every document of `col` matching `where`, page by page in `_id` order (at most `size` each, the server's 1000 by
 * default): an index on `{…where, _id}` keeps each page cheap, and a large set is many small reads, never one big one.
 */
export async function* idPages<T extends { _id: string }>(
  col: Query<T>,
  where: Record<string, unknown>,
  size = MAX_GET,
): AsyncGenerator<T[]> {
  const _ = command()
  let after: string | null = null
  for (;;) {
    const query: Record<string, unknown> = after === null ? where : { ...where, _id: _.gt(after) }
    const docs: T[] = (await col.where(query).orderBy('_id', 'asc').limit(size).get()).data
    if (docs.length > 0) yield docs
    if (docs.length < size) return
    after = docs[docs.length - 1]._id
  }
}

/** Where a walk in (value, `_id`) order stands: the value and `_id` of the last document it read. */
export interface WalkCursor {
  at: number
  id: string
}

/**
 * The next documents after `cursor` in (`field`, `_id`) order, at most `limit`: first those at the cursor's value with
 * a larger `_id` (`tied`), then, when that page is not full, those with a larger value (all from 0 without a cursor).
 * At most two reads; `read` runs one of them with its condition and limit.
 */
export async function afterCursor<T>(
  read: (where: Record<string, unknown>, limit: number, tied: boolean) => Promise<T[]>,
  field: string,
  cursor: WalkCursor | null,
  limit: number,
): Promise<T[]> {
  const _ = command()
  const same = cursor ? await read({ [field]: cursor.at, _id: _.gt(cursor.id) }, limit, true) : []
  if (same.length >= limit) return same
  const later = await read({ [field]: cursor ? _.gt(cursor.at) : _.gte(0) }, limit - same.length, false)
  return [...same, ...later]
}
