/**
 * The main-thread handle of one worker thread running one function (an SCF
 * "instance"). It runs one invocation at a time, enforces the timeout by
 * terminating the thread, and reports a crash instead of throwing.
 */
import * as path from 'path'
import { Worker } from 'worker_threads'

const BOOTSTRAP = path.join(__dirname, 'worker-bootstrap.js')

export interface WorkerInvocation {
  event: unknown
  context: Record<string, unknown>
  /** Per-invocation env: a null value removes the variable. */
  env: Record<string, string | null>
}

export interface WorkerFailure {
  name: string
  message: string
  stack: string
}

export type WorkerOutcome =
  { kind: 'ok'; json: string } | { kind: 'failed'; error: WorkerFailure } | { kind: 'timeout' } | { kind: 'crashed'; message: string }

interface DoneMessage {
  type: 'done'
  id: number
  json: string
}
interface FailedMessage {
  type: 'failed'
  id: number
  error: WorkerFailure
}
/** The instance has loaded the function's code and is calling main(): the execution timeout starts now. */
interface StartedMessage {
  type: 'started'
  id: number
}
type WorkerMessage = DoneMessage | FailedMessage | StartedMessage

/**
 * A cold start (thread boot and loading the bundle) is bounded separately from the function's own timeout, as SCF
 * bounds initialisation apart from execution (初始化超时时间 vs 执行超时时间), so a loaded machine's slow thread boot
 * is never reported as the function timing out.
 */
export const INIT_TIMEOUT_MS = 60_000

export interface FunctionWorkerOptions {
  entry: string
  version: number
  env: Record<string, string>
  clockOffset: SharedArrayBuffer
}

let nextInvocationId = 0

export class FunctionWorker {
  readonly version: number
  private readonly worker: Worker
  private pending?: { id: number; settle: (o: WorkerOutcome) => void; timer: NodeJS.Timeout; startExecution: () => void }
  private dead = false

  constructor(opts: FunctionWorkerOptions) {
    this.version = opts.version
    this.worker = new Worker(BOOTSTRAP, { env: opts.env, workerData: { entry: opts.entry, clockOffset: opts.clockOffset } })
    this.worker.on('message', (msg: WorkerMessage) => this.onMessage(msg))
    // An exception nobody caught (e.g. thrown in a setTimeout) kills the thread, as it kills an SCF instance.
    this.worker.on('error', (err: Error) => this.onDeath(`${err.name}: ${err.message}`))
    this.worker.on('exit', (code) => this.onDeath(`function instance exited with code ${code}`))
  }

  get threadId(): number {
    return this.worker.threadId
  }

  get alive(): boolean {
    return !this.dead
  }

  get busy(): boolean {
    return this.pending !== undefined
  }

  run(invocation: WorkerInvocation, timeoutMs: number): Promise<WorkerOutcome> {
    if (this.dead) return Promise.resolve({ kind: 'crashed', message: 'function instance is gone' })
    if (this.pending) throw new Error('a function instance runs one invocation at a time')
    const id = ++nextInvocationId
    return new Promise<WorkerOutcome>((resolve) => {
      const expire = () => {
        this.settle(id, { kind: 'timeout' })
        void this.terminate()
      }
      const timer = setTimeout(expire, INIT_TIMEOUT_MS)
      this.pending = { id, settle: resolve, timer, startExecution: () => this.restartTimer(id, setTimeout(expire, timeoutMs)) }
      try {
        this.worker.postMessage({ type: 'invoke', id, ...invocation })
      } catch (err) {
        // An event that cannot cross threads (a function, a symbol) never reaches the function.
        const e = err as Error
        this.settle(id, { kind: 'failed', error: { name: e.name, message: e.message, stack: `${e.name}: ${e.message}` } })
      }
    })
  }

  async terminate(): Promise<void> {
    this.dead = true
    await this.worker.terminate()
  }

  private restartTimer(id: number, timer: NodeJS.Timeout): void {
    if (!this.pending || this.pending.id !== id) return void clearTimeout(timer)
    clearTimeout(this.pending.timer)
    this.pending.timer = timer
  }

  private onMessage(msg: WorkerMessage): void {
    if (msg.type === 'started') {
      if (this.pending?.id === msg.id) this.pending.startExecution()
    } else if (msg.type === 'done') this.settle(msg.id, { kind: 'ok', json: msg.json })
    else if (msg.type === 'failed') this.settle(msg.id, { kind: 'failed', error: msg.error })
  }

  private onDeath(message: string): void {
    this.dead = true
    if (this.pending) this.settle(this.pending.id, { kind: 'crashed', message })
  }

  private settle(id: number, outcome: WorkerOutcome): void {
    const pending = this.pending
    if (!pending || pending.id !== id) return
    clearTimeout(pending.timer)
    this.pending = undefined
    pending.settle(outcome)
  }
}
