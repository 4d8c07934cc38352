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

export const transactionConflict = (id: string, reason: string) =>
  new CloudError(DbErrorCode.transactionConflict, `Transaction ${id} conflict: ${reason}`)

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
