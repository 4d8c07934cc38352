/**
 * Typed, promise-only view of the cloud database and the transaction runner
 * every feature uses. wx-server-sdk's typings union each result with
 * `void | string` (callback style); we only ever use promises.
 */
import type cloudSdk from 'wx-server-sdk'
import { database as rawDatabase, DATABASE_REQUEST_FAILED, errCode } from './cloud'

type Promised<R> =
  Exclude<R, void | string> extends Promise<infer X>
    ? Promise<X>
    : Exclude<R, void | string> extends object
      ? PromiseApi<Exclude<R, void | string>>
      : R
type PromiseApi<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promised<R> : T[K] }
type RawDatabase = PromiseApi<ReturnType<(typeof cloudSdk)['database']>>

export interface Tx {
  collection: RawDatabase['collection']
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

export type Db = Omit<RawDatabase, 'runTransaction' | 'startTransaction'> & {
  startTransaction(): Promise<Tx>
}

export const db = (): Db => rawDatabase() as unknown as Db

/** A document read inside a transaction: `data` is null when it does not exist. */
export async function txGet<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  let res: { data: T | T[] | null }
  try {
    res = (await tx.collection(collection).doc(id).get()) as unknown as { data: T | T[] | null }
  } catch (err) {
    if (isMissingDoc(err)) return null
    throw err
  }
  const data = res.data
  if (Array.isArray(data)) return (data[0] as T) ?? null
  return data ?? null
}

/** Outside a transaction: null when the document does not exist (the SDK throws). */
export async function getOrNull<T>(collection: string, id: string): Promise<T | null> {
  try {
    const res = (await db().collection(collection).doc(id).get()) as unknown as { data: T }
    return res.data ?? null
  } catch (err) {
    if (isMissingDoc(err)) return null
    throw err
  }
}

/** The most documents one `get()` answers (the SDK clamps `limit` to it). */
export const MAX_GET = 1000

/** Documents by `_id`: one request per 1000 ids (in parallel), so a long list is never cut short silently. */
export async function byIds<T extends { _id: string }>(collection: string, ids: readonly string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)]
  const chunks: string[][] = []
  for (let i = 0; i < unique.length; i += MAX_GET) chunks.push(unique.slice(i, i + MAX_GET))
  const _ = db().command
  const pages = await Promise.all(
    chunks.map(
      async (chunk) =>
        (
          (await db()
            .collection(collection)
            .where({ _id: _.in(chunk) })
            .limit(chunk.length)
            .get()) as unknown as { data: T[] }
        ).data,
    ),
  )
  return new Map(pages.flat().map((d) => [d._id, d]))
}

/** How many documents match `where` (one `count()` request; give it an indexed filter). */
export async function countWhere(collection: string, where: object): Promise<number> {
  return ((await db().collection(collection).where(where).count()) as unknown as { total: number }).total
}

/** A document's fields without its `_id`, for `doc(id).set()`, which takes the id from the reference. */
export const withoutId = <T extends { _id: string }>(doc: T): Omit<T, '_id'> => {
  const { _id, ...rest } = doc
  void _id
  return rest
}

/** The SDK reports a missing document as an error (`document.get:fail … does not exist`, or errCode -1 in a transaction). */
function isMissingDoc(err: unknown): boolean {
  const e = err as { errCode?: unknown; message?: unknown; errMsg?: unknown }
  return /does not exist|not exist|cannot find document/i.test(`${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`)
}

/**
 * A duplicate `_id` or unique-index violation: the one database error that means "already done" for an insert
 * keyed by its idempotency key. wx-server-sdk answers every generic database failure (DATABASE_REQUEST_FAILED) with
 * errCode -502001, a duplicate key included; only the server's message tells them apart (MongoDB's
 * `E11000 duplicate key error …`, which CloudBase passes through). A -502001 without that signature is a failure,
 * never "already done".
 */
export const isDuplicateKey = (err: unknown): boolean => {
  const e = err as { message?: unknown; errMsg?: unknown }
  return errCode(err) === DATABASE_REQUEST_FAILED && /E11000|duplicate key/i.test(`${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`)
}

/** Conflicts the cloud reports either on the write (locked doc) or at commit (changed since snapshot). */
export function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown }
  const text = `${String(e?.code ?? '')} ${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`
  return /TRANSACTION_CONFLICT|WriteConflict|write conflict|TransactionConflict|locked/i.test(text)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Thrown inside a transaction to roll it back and answer with `value` (an expected
 * rejection found after some writes were already staged).
 */
export class TxAbort<T> extends Error {
  constructor(readonly value: T) {
    super('transaction aborted')
  }
}

/**
 * Runs `work` in one transaction and commits it. Conflicts are retried with
 * jittered backoff (the SDK's own retry covers only commit conflicts and only
 * 3 times). Anything else — including a duplicate-key error, which callers read
 * as "already done" — rolls back and propagates; so does a failed commit. `work` must have no outside
 * side effects: it can run more than once.
 */
/** Raised when conflicts outlast the retries: a hot document; the handler answers SYS.BUSY. */
export class TxConflict extends Error {
  constructor(readonly last: unknown) {
    super('transaction kept conflicting')
  }
}

const backoff = (attempt: number) => sleep(Math.min(200, 5 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()))

export async function withTransaction<T>(work: (tx: Tx) => Promise<T>, attempts = 20): Promise<T> {
  let lastErr: unknown
  for (let attempt = 0; attempt < attempts; attempt++) {
    const tx = await db().startTransaction()
    let result: T
    try {
      result = await work(tx)
    } catch (err) {
      await tx.rollback().catch(() => undefined)
      if (err instanceof TxAbort) return err.value as T
      if (!isTransactionConflict(err)) throw err
      lastErr = err
      await backoff(attempt)
      continue
    }
    try {
      await tx.commit()
      return result
    } catch (err) {
      // Abort on every failed commit: a commit the server refused or never received keeps the transaction's locks
      // until it expires (~30 s), and the caller's immediate retry would meet them. If the commit did apply and
      // only its answer was lost, the abort finds nothing open and the retry reads the committed result.
      await tx.rollback().catch(() => undefined)
      if (!isTransactionConflict(err)) throw err
      lastErr = err
      await backoff(attempt)
    }
  }
  throw new TxConflict(lastErr)
}
