/**
 * The local CloudBase: database, functions runtime, storage and open API behind
 * one HTTP server that the unchanged wx-server-sdk talks to. It knows nothing of
 * the app: the collections to create, extra HTTP routes (the app's local-mode
 * endpoints) and a static directory to serve are options. Never deployed.
 */
import * as fs from 'fs'
import * as os from 'os'
import * as path from 'path'
import { LocalAi, type AiOptions } from './ai'
import { EmulatorClock } from './core/clock'
import { startHttpServer, type ExtraRoute, type HttpServerHandle } from './core/http'
import { FaultInjector } from './core/faults'
import { ActionRouter, type ActionParams } from './core/router'
import { staticFiles } from './core/static-files'
import { LocalDatabase, type CollectionSpec } from './db'
import { FunctionRuntime, type Invoker } from './functions'
import { LocalOpenApi } from './openapi'
import { LocalStorage } from './storage'

export const ENV_ID = 'local-dev'
/** The function that receives message-push events (e.g. async media check results), when it exists. */
export const MESSAGE_FUNCTION = 'message'

export interface EmulatorOptions {
  /** Durable data directory; omit for an in-memory emulator (tests). */
  dataDir?: string
  port?: number
  functionsDir?: string
  /** Serve this directory (the H5 build) at `/`. */
  staticDir?: string
  /** Collections (and their indexes) to create at start; CloudBase never creates one on write. */
  collections?: CollectionSpec[]
  /** Extra HTTP routes, given the emulator's parts (e.g. an app's local-mode endpoints). Tried before static files. */
  routes?: (parts: EmulatorParts) => ExtraRoute[]
  /** Real-time poll for timer triggers; off in tests (they fire them on demand). */
  timerIntervalMs?: number
  mediaDelayMs?: number
  clock?: EmulatorClock
  /**
   * The AI model gateway (`cloud.ai()`): answers with the deterministic drafter by default; `draft` replaces it,
   * `groups` sets the enabled model groups, `tokenBudget` the environment's token quota. `false`: no model is enabled.
   */
  ai?: AiOptions | false
}

/** What an extra route may use. */
export interface EmulatorParts {
  clock: EmulatorClock
  db: LocalDatabase
  runtime: FunctionRuntime
  storage: LocalStorage
  openapi: LocalOpenApi
}

export interface Emulator {
  url: string
  sdkUrl: string
  clock: EmulatorClock
  db: LocalDatabase
  runtime: FunctionRuntime
  storage: LocalStorage
  openapi: LocalOpenApi
  /** The AI model gateway (tokens used, budget, requests held by a slow-answer fault). */
  ai: LocalAi
  /** Tests: make chosen SDK requests fail. */
  faults: FaultInjector
  /** Counts SDK requests by action while `counting` is on (benchmarks). */
  requests: RequestCounter
  /** Calls a function as the given persona would from the mini program. */
  call(name: string, event: Record<string, unknown>, openid: string): Promise<unknown>
  close(): Promise<void>
}

const ROOT = path.join(__dirname, '..')

/** Counts the SDK requests the emulator serves, by action (database calls per use case in benchmarks). */
export class RequestCounter {
  private counts = new Map<string, number>()
  /** The requests served while counting, in order, as `action collection` (fault-matrix tests walk them). */
  readonly trail: { action: string; collection?: string }[] = []
  counting = false

  record(p: ActionParams): void {
    if (!this.counting) return
    this.counts.set(p.action, (this.counts.get(p.action) ?? 0) + 1)
    this.trail.push({ action: p.action, collection: typeof p.collectionName === 'string' ? p.collectionName : undefined })
  }

  reset(): void {
    this.counts.clear()
    this.trail.length = 0
  }

  /** AI model requests (`ai.chat`; each is preceded by one `auth.clientCredential` token request). */
  ai(): number {
    return this.counts.get('ai.chat') ?? 0
  }

  /** Database requests only (`database.*`). */
  database(): number {
    return [...this.counts].filter(([a]) => a.startsWith('database.')).reduce((s, [, n]) => s + n, 0)
  }

  byAction(): Record<string, number> {
    return Object.fromEntries(this.counts)
  }
}

export async function createEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const clock = opts.clock ?? new EmulatorClock()
  const router = new ActionRouter()
  const faults = new FaultInjector()
  const requests = new RequestCounter()
  router.interceptors.push(
    (p) => faults.check(p),
    (p) => requests.record(p),
  )
  router.afterDispatch.push((p) => faults.checkAfter(p))
  // Storage and the runtime need the server's URL, which exists only once it listens.
  const server: { handle?: HttpServerHandle } = {}
  const baseUrl = () => {
    if (!server.handle) throw new Error('emulator is not listening yet')
    return server.handle.url
  }

  const db = await LocalDatabase.open({ clock, dataDir: opts.dataDir ? path.join(opts.dataDir, 'db') : undefined })
  await db.migrate(opts.collections ?? [])
  db.register(router)

  const storageDir = opts.dataDir ? path.join(opts.dataDir, 'storage') : fs.mkdtempSync(path.join(os.tmpdir(), 'camp-storage-'))
  const storage = new LocalStorage({ dir: storageDir, envId: ENV_ID, publicUrl: baseUrl, now: () => clock.now() })
  storage.register(router)

  // The runtime and the open API refer to each other only through closures called after both exist.
  const rt: FunctionRuntime = new FunctionRuntime({
    clock,
    functionsDir: opts.functionsDir ?? path.join(ROOT, 'cloudfunctions', 'build'),
    sdkUrl: () => `${baseUrl()}/admin`,
    envId: ENV_ID,
    resolveEvent: (event, caller: Invoker) => openapi.resolveEvent(event, caller),
  })
  const openapi: LocalOpenApi = new LocalOpenApi({
    clock,
    mediaDelayMs: opts.mediaDelayMs,
    callerOf: (ctx) => rt.callerOf(ctx) ?? {},
    readMedia: (url) => storage.bytesAtUrl(url),
    isAllowed: (ctx, api) => {
      const caller = rt.callerOf(ctx)
      return !caller || rt.openApiAllowed(caller.functionName, api)
    },
    deliver: async (event) => {
      if (rt.list().some((f) => f.name === MESSAGE_FUNCTION)) await rt.invoke(MESSAGE_FUNCTION, event, { source: 'wx_message' })
    },
  })
  rt.register(router)
  openapi.register(router)

  const ai = new LocalAi({
    ...(opts.ai === false ? { groups: {} } : opts.ai),
    clock,
    intercept: (p) => {
      faults.check(p)
      requests.record(p)
    },
    delayOf: (p) => faults.delayOf(p),
  })
  const routes: ExtraRoute[] = [ai.route(), ...storage.routes(), ...(opts.routes?.({ clock, db, runtime: rt, storage, openapi }) ?? [])]
  if (opts.staticDir) routes.push(staticFiles(() => opts.staticDir!))
  const handle = await startHttpServer(router, routes, opts.port ?? 0)
  server.handle = handle
  if (opts.timerIntervalMs) rt.startTimers(opts.timerIntervalMs)

  return {
    url: handle.url,
    sdkUrl: `${handle.url}/admin`,
    clock,
    db,
    runtime: rt,
    storage,
    openapi,
    ai,
    faults,
    requests,
    async call(name, event, openid) {
      const out = await rt.invoke(name, event, { openid, appid: 'wxdevlocal0000000', source: 'wx_client' })
      if (out.error) throw Object.assign(new Error(out.error.errMsg), out.error)
      return out.result
    },
    async close() {
      await rt.close()
      openapi.close()
      await handle.close()
      await db.close()
      if (!opts.dataDir) fs.rmSync(storageDir, { recursive: true, force: true })
    },
  }
}
