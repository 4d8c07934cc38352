import { CloudError } from '../core/errors'

/**
 * The error codes CloudBase answers with. wx-server-sdk maps them to errCodes
 * (DATABASE_REQUEST_FAILED → -502001, DATABASE_COLLECTION_NOT_EXIST → -502005,
 * INVALID_PARAM → -501007); @cloudbase/database's runTransaction retries only
 * when commitTransaction answers DATABASE_TRANSACTION_CONFLICT.
 */
export const DbErrorCode = {
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  collectionExists: 'DATABASE_COLLECTION_ALREADY_EXIST',
  requestFailed: 'DATABASE_REQUEST_FAILED',
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
  /** The SDK's own spelling; → errCode -502002, so a bad query is never mistaken for a duplicate key. */
  invalidOperator: 'DATABASE_INVALID_OPERRATOR',
  /** → errCode -501002: a lock wait that ran out is not a duplicate key either. */
  timeout: 'SERVER_TIMEOUT',
  invalidParam: 'INVALID_PARAM',
} as const

export const collectionNotExist = (name: string) =>
  new CloudError(DbErrorCode.collectionNotExist, `Db or Table not exist: ${name}. Please create the collection first (local emulator)`)

export const collectionExists = (name: string) => new CloudError(DbErrorCode.collectionExists, `Table exist: ${name}`)

export const duplicateKey = (collection: string, index: string, key: string) =>
  new CloudError(DbErrorCode.requestFailed, `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`)

export const invalidParam = (message: string) => new CloudError(DbErrorCode.invalidParam, message)

/**
 * wx-server-sdk has no errCode for DATABASE_TRANSACTION_CONFLICT: a conflict on a write inside a transaction
 * reaches the caller as errCode -501001 with this message only (a commit conflict keeps its `code`, as
 * @cloudbase/database's commit throws the raw answer). The message therefore names the code, and MongoDB's
 * WriteConflict, which CloudBase's own text is expected to carry; the real wording is not documented.
 */
export const transactionConflict = (id: string, reason: string) =>
  new CloudError(DbErrorCode.transactionConflict, `[${DbErrorCode.transactionConflict}] WriteConflict in transaction ${id}: ${reason}`)

export const transactionNotFound = (id: unknown) =>
  new CloudError(DbErrorCode.transactionFail, `Transaction ${String(id)} does not exist, was already finished or has expired`)

export const lockTimeout = (collection: string, id: string) =>
  new CloudError(DbErrorCode.timeout, `write to ${collection}/${id} timed out waiting for a transaction lock`)

/**
 * Transactions allow single-document operations only (the wx-server-sdk runTransaction / startTransaction docs:
 * 只允许进行单记录操作，不允许进行批量操作). The cloud's exact code for the refusal is not documented; INVALID_PARAM
 * (→ errCode -501007) keeps it apart from a duplicate key.
 */
export const batchInTransaction = (collection: string, count: number) =>
  new CloudError(DbErrorCode.invalidParam, `${collection}: a transaction takes single-document operations only, not a batch of ${count}`)

/**
 * Transactions take `doc()` operations and `add` only (WeChat guide, 云开发 › 数据库 › 事务 › 单记录操作:
 * "在事务中不支持批量操作（where 语句），只支持单记录操作（collection.doc, collection.add）"). Of the where()
 * calls, wx-server-sdk 4.0.2 (@cloudbase/database 1.4.3) sends a transactionId only with `get()` and
 * `updateAndReturn()`; `update()`, `remove()` and `count()` carry none and run outside the transaction. Those that
 * carry it are refused like a batch add (INVALID_PARAM → errCode -501007), never run against the snapshot.
 */
export const queryInTransaction = (collection: string, action: string) =>
  new CloudError(
    DbErrorCode.invalidParam,
    `${collection}: ${action} inside a transaction takes a single document by _id (doc()), not a where() query`,
  )
