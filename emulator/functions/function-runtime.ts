/**
 * Runs cloud functions locally as CloudBase runs them: each function in its
 * own worker threads (one event at a time per instance, warm instances reused),
 * the unchanged wx-server-sdk pointed at the emulator, the config.json timeout
 * enforced, timer triggers fired from the emulator clock.
 */
import type { EmulatorClock } from '../core/clock'
import type { ActionRouter, RequestContext } from '../core/router'
import { CallerRegistry, type CallerInfo } from './caller-registry'
import { FunctionCatalog, type FunctionDefinition } from './function-catalog'
import { FunctionWorker, type WorkerOutcome } from './function-worker'
import { notFoundError, systemError, type InvocationError } from './invocation-errors'
import { adminUrlOf, errorFromHook, scfContext, toResult, withUserInfo } from './invocation-shapes'
import { registerInvokeAction } from './invoke-action'
import { TimerTriggers, type TimerEvent } from './timer-triggers'
import { WorkerPool } from './worker-pool'
import { instanceEnv, invocationEnv, type Invoker } from './wx-context'

export interface FunctionRuntimeOptions {
  clock: EmulatorClock
  functionsDir: string
  /** The emulator's base URL (e.g. http://127.0.0.1:PORT) or its SDK endpoint (…/admin). */
  sdkUrl: () => string
  envId?: string
  maxWorkersPerFunction?: number
  /** Applied to every event before the function sees it (CloudID resolution lives in the open-API module). */
  resolveEvent?: (event: unknown, caller: Invoker) => Promise<unknown>
  /** Told about every finished invocation (dev log, tests). */
  onInvocation?: (record: InvocationRecord) => void
}

export interface InvokeOutcome {
  result?: unknown
  error?: InvocationError
  durationMs: number
}

export interface InvocationRecord extends InvokeOutcome {
  functionName: string
  event: unknown
  caller: Invoker
}

export interface FunctionSummary {
  name: string
  timeoutSec: number
  openapi: string[]
  triggers: { name: string; config: string }[]
}

export const DEFAULT_ENV_ID = 'local-dev'
const DEFAULT_MAX_WORKERS = 8
/** getWXContext().SOURCE of timer-started invocations (WeChat docs: "wx_trigger", 云函数定时触发器调用). */
export const TIMER_SOURCE = 'wx_trigger'

export class FunctionRuntime {
  private readonly catalog: FunctionCatalog
  private readonly callers = new CallerRegistry()
  private readonly pools = new Map<string, WorkerPool>()
  private readonly triggers: TimerTriggers
  /**
   * The emulator clock, shared with every worker's Date in ONE cell (so a worker never reads half a change): the
   * offset from real time × 2, or the frozen instant × 2 + 1.
   */
  private readonly clockOffset = new SharedArrayBuffer(8)
  private readonly envId: string
  private readonly stopClockListener: () => void
  private timer?: NodeJS.Timeout

  constructor(private readonly opts: FunctionRuntimeOptions) {
    this.catalog = new FunctionCatalog(opts.functionsDir)
    this.envId = opts.envId ?? DEFAULT_ENV_ID
    this.syncClock()
    this.triggers = new TimerTriggers(
      opts.clock,
      () => this.definitionsForTriggers(),
      (name, event) => this.invoke(name, event, { source: TIMER_SOURCE }),
    )
    this.stopClockListener = opts.clock.onChange(() => {
      this.syncClock()
      void this.fireDueTriggers()
    })
  }

  register(router: ActionRouter): void {
    registerInvokeAction(router, this)
  }

  list(): FunctionSummary[] {
    return this.catalog.all().map((d) => ({ name: d.name, timeoutSec: d.timeoutSec, openapi: d.openapi, triggers: d.triggers }))
  }

  async invoke(name: string, event: unknown, caller: Invoker): Promise<InvokeOutcome> {
    const startedAt = Date.now()
    const finish = (outcome: Omit<InvokeOutcome, 'durationMs'>): InvokeOutcome => {
      const done = { ...outcome, durationMs: Date.now() - startedAt }
      this.opts.onInvocation?.({ ...done, functionName: name, event, caller })
      return done
    }
    let def: FunctionDefinition | undefined
    try {
      def = this.catalog.get(name)
    } catch (err) {
      return finish({ error: systemError((err as Error).message) })
    }
    if (!def) return finish({ error: notFoundError(name) })
    let payload: unknown
    try {
      payload = withUserInfo(this.opts.resolveEvent ? await this.opts.resolveEvent(event, caller) : event, caller)
    } catch (err) {
      return finish({ error: errorFromHook(err) })
    }
    const pool = this.poolOf(def.name)
    let worker: FunctionWorker
    try {
      worker = await pool.acquire(def.version)
    } catch (err) {
      return finish({ error: systemError((err as Error).message) })
    }
    const token = this.callers.open({ ...caller, functionName: def.name })
    this.syncClock()
    let outcome: WorkerOutcome
    try {
      outcome = await worker.run(
        { event: payload, context: scfContext(def, this.envId), env: invocationEnv(caller, token, caller.source === TIMER_SOURCE) },
        def.timeoutSec * 1000,
      )
    } finally {
      this.callers.close(token)
      pool.release(worker)
    }
    return finish(toResult(outcome, def.timeoutSec))
  }

  /** Which function invocation sent this SDK request, if any. */
  callerOf(ctx: RequestContext, params?: Record<string, unknown>): CallerInfo | undefined {
    return this.callers.lookup(ctx, params)
  }

  /** Whether `config.json` `permissions.openapi` of the function lists `api` (e.g. "wxacode.getUnlimited"). */
  openApiAllowed(functionName: string, api: string): boolean {
    try {
      return this.catalog.get(functionName)?.openapi.includes(api) ?? false
    } catch {
      return false
    }
  }

  fireDueTriggers(): Promise<void> {
    return this.triggers.fireDue()
  }

  /** Runs one timer trigger now, whatever its schedule; `extra` adds fields to the event (e.g. the job to run). */
  async runTrigger(name: string, trigger: string, extra: Record<string, string> = {}): Promise<InvokeOutcome> {
    const def = this.catalog.get(name)
    if (!def?.triggers.some((t) => t.name === trigger)) throw new Error(`function ${name} has no timer trigger ${trigger}`)
    const event: TimerEvent & Record<string, string> = { ...extra, ...this.triggers.eventNow(trigger) }
    return this.invoke(name, event, { source: TIMER_SOURCE })
  }

  /** Checks triggers every `intervalMs` of real time (the clock's jumps check at once through onChange). */
  startTimers(intervalMs = 1000): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = setInterval(() => void this.fireDueTriggers(), intervalMs)
    this.timer.unref()
  }

  /** Forgets cached configs and retires warm workers: the next invocation loads the bundles afresh. */
  reload(): void {
    this.catalog.forget()
    for (const pool of this.pools.values()) pool.retireAll()
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    this.stopClockListener()
    const pools = [...this.pools.values()]
    this.pools.clear()
    await Promise.all(pools.map((p) => p.close()))
  }

  private poolOf(name: string): WorkerPool {
    let pool = this.pools.get(name)
    if (!pool) {
      pool = new WorkerPool((version) => this.spawn(name, version), this.opts.maxWorkersPerFunction ?? DEFAULT_MAX_WORKERS)
      this.pools.set(name, pool)
    }
    return pool
  }

  private spawn(name: string, version: number): FunctionWorker {
    const def = this.catalog.get(name)
    if (!def) throw new Error(`function ${name} disappeared`)
    const env = instanceEnv({
      adminUrl: adminUrlOf(this.opts.sdkUrl()),
      envId: this.envId,
      functionName: name,
      envVariables: def.envVariables,
    })
    return new FunctionWorker({ entry: def.entry, version, env, clockOffset: this.clockOffset })
  }

  private syncClock(): void {
    const frozen = this.opts.clock.frozen()
    const cell = frozen !== null ? BigInt(Math.round(frozen)) * 2n + 1n : BigInt(Math.round(this.opts.clock.now() - Date.now())) * 2n
    Atomics.store(new BigInt64Array(this.clockOffset), 0, cell)
  }

  private definitionsForTriggers(): FunctionDefinition[] {
    try {
      return this.catalog.all()
    } catch (err) {
      console.warn(`[emulator] timer triggers skipped: ${(err as Error).message}`)
      return []
    }
  }
}
