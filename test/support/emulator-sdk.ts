/**
 * Starts the emulator's SDK endpoint with a fresh in-memory database and points
 * the UNCHANGED wx-server-sdk at it. The SDK reads TCB_CONTEXT_CNFG and the
 * secrets from process.env on every request, so re-initialising per test file
 * (jest gives each file its own module registry) is enough.
 */
import { EmulatorClock } from '../../emulator/core/clock'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import { startHttpServer } from '../../emulator/core/http'
import { ActionRouter, type ActionParams, type RequestContext } from '../../emulator/core/router'
import { LocalDatabase, type DatabaseOptions } from '../../emulator/db'
import { COLLECTIONS, type CollectionSpec } from '../../cloudfunctions/src/schema/collections'
import type cloudSdk from 'wx-server-sdk'

export type WxCloud = typeof cloudSdk

/*
 * wx-server-sdk's typings return `Promise<T> | void | string` (callback style) from every
 * call. Tests always use promises, so this view strips the callback branches, recursively.
 */
type Promised<R> =
  Exclude<R, void | string> extends Promise<infer X>
    ? Promise<X>
    : Exclude<R, void | string> extends object
      ? PromiseApi<Exclude<R, void | string>>
      : R
type PromiseApi<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promised<R> : T[K] }
type RawDatabase = PromiseApi<ReturnType<WxCloud['database']>>

export interface SdkTransaction {
  collection: RawDatabase['collection']
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

export type SdkDatabase = Omit<RawDatabase, 'runTransaction' | 'startTransaction'> & {
  runTransaction<T>(run: (t: SdkTransaction) => Promise<T>, retries?: number): Promise<T>
  startTransaction(): Promise<SdkTransaction>
}

/** Records what the SDK sent (decoded request bodies), for golden wire tests. */
class RecordingRouter extends ActionRouter {
  readonly received: ActionParams[] = []

  async dispatch(params: ActionParams, ctx: RequestContext): Promise<unknown> {
    this.received.push(params)
    return super.dispatch(params, ctx)
  }
}

export interface EmulatorSdkOptions {
  /** Collections beyond the manifest (tests' own). */
  extraCollections?: CollectionSpec[]
  clock?: EmulatorClock
  database?: Omit<DatabaseOptions, 'clock'>
}

export interface EmulatorSdk {
  url: string
  db: LocalDatabase
  clock: EmulatorClock
  cloud: WxCloud
  /** `cloud.database()` with promise-only typings. */
  database(): SdkDatabase
  /** Every request the server received, in order. */
  received: ActionParams[]
  close(): Promise<void>
}

export { pointSdkAt }

export async function startEmulatorSdk(opts: EmulatorSdkOptions = {}): Promise<EmulatorSdk> {
  const clock = opts.clock ?? new EmulatorClock()
  const db = await LocalDatabase.open({ ...opts.database, clock })
  await db.migrate([...COLLECTIONS, ...(opts.extraCollections ?? [])])
  const router = new RecordingRouter()
  db.register(router)
  const server = await startHttpServer(router)
  pointSdkAt(server.url)
  const cloud = require('wx-server-sdk') as WxCloud
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return {
    url: server.url,
    db,
    clock,
    cloud,
    database: () => cloud.database() as unknown as SdkDatabase,
    received: router.received,
    close: async () => {
      await server.close()
      await db.close()
    },
  }
}
