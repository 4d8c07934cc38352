/**
 * The one module that imports wx-server-sdk. Handlers get the database and the
 * caller's identity from here; identity comes only from getWXContext().
 */
import cloud from 'wx-server-sdk'

let initialised = false

export function sdk(): typeof cloud {
  if (!initialised) {
    // The SDK's typings reject the symbol although its docs prescribe exactly this call.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}

let cachedDatabase: ReturnType<typeof cloud.database> | undefined

/**
 * The database object, made once per instance (as WeChat's samples do at module scope): making one costs about 12 µs,
 * and a use case asks for it a dozen times. It holds no connection or endpoint; the SDK reads those per request.
 */
export function database(): ReturnType<typeof cloud.database> {
  cachedDatabase ??= sdk().database()
  return cachedDatabase
}

export interface Caller {
  openid: string
  appid: string
  unionid?: string
  source?: string
}

/** The trusted caller identity. Empty OPENID (e.g. a timer) yields an empty string. */
export function caller(): Caller {
  const ctx = sdk().getWXContext() as { OPENID?: string; APPID?: string; UNIONID?: string; SOURCE?: string }
  return { openid: ctx.OPENID ?? '', appid: ctx.APPID ?? '', unionid: ctx.UNIONID || undefined, source: ctx.SOURCE || undefined }
}

/** The environment this function runs in (fileIDs of any other environment are never the caller's uploads). */
export function currentEnv(): string {
  const ctx = sdk().getWXContext() as { ENV?: string }
  return ctx.ENV ?? ''
}

/**
 * CloudBase error codes. -502001 is wx-server-sdk's errCode for DATABASE_REQUEST_FAILED: ANY generic database
 * failure, of which a duplicate key is only one case (see `isDuplicateKey` in db.ts).
 */
export const DATABASE_REQUEST_FAILED = -502001
export const COLLECTION_MISSING = -502005

export function errCode(err: unknown): number | undefined {
  const code = (err as { errCode?: unknown })?.errCode
  return typeof code === 'number' ? code : undefined
}

/**
 * The SDK's typings union every promise with `void | string` (callback style).
 * We always use the promise form; this narrows it in one place.
 */
export function result<T>(pending: Promise<T> | void | string): Promise<T> {
  if (!pending || typeof pending === 'string') throw new Error('wx-server-sdk call did not return a promise')
  return pending
}

/**
 * The SDK's open APIs (`cloud.openapi`), typed by the caller's declaration of the few endpoints it calls: the SDK
 * types them as an untyped record.
 */
export const openapi = <T>(): T => sdk().openapi as unknown as T

/** `cloud.getOpenData` (open data behind a cloudID), with the answer's shape the caller declares. */
export const openData = async <T>(cloudIDs: string[]): Promise<T> => (await sdk().getOpenData({ list: cloudIDs })) as unknown as T
