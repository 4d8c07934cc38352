/**
 * The instances of one function: reuses warm idle workers (as SCF reuses
 * instances), starts a new one when all are busy, up to a cap, and queues
 * invocations beyond it. A worker is reused only for the bundle version it
 * loaded and only until the next reload; others are terminated.
 */
import type { FunctionWorker } from './function-worker'

interface Waiter {
  version: number
  resolve: (w: FunctionWorker) => void
  reject: (err: Error) => void
}

export class WorkerPool {
  /** Every live worker and the reload generation it was started in. */
  private readonly workers = new Map<FunctionWorker, number>()
  private readonly idle: FunctionWorker[] = []
  private readonly waiting: Waiter[] = []
  private generation = 0
  private closed = false

  constructor(
    private readonly spawn: (version: number) => FunctionWorker,
    private readonly max: number,
  ) {}

  get size(): number {
    return this.workers.size
  }

  /** A worker ready for one invocation of bundle `version`; waits when `max` workers are busy. */
  acquire(version: number): Promise<FunctionWorker> {
    if (this.closed) return Promise.reject(new Error('function runtime is closed'))
    for (const w of this.idle.splice(0)) {
      if (this.reusable(w, version)) this.idle.push(w)
      else this.remove(w)
    }
    const warm = this.idle.pop()
    if (warm) return Promise.resolve(warm)
    if (this.workers.size < this.max) return Promise.resolve(this.add(version))
    return new Promise((resolve, reject) => this.waiting.push({ version, resolve, reject }))
  }

  /** Gives a worker back after an invocation: to the next waiter, or to the idle list. */
  release(worker: FunctionWorker): void {
    if (this.closed) return
    const waiter = this.waiting.shift()
    if (!waiter) {
      if (this.reusable(worker, worker.version)) this.idle.push(worker)
      else this.remove(worker)
      return
    }
    if (this.reusable(worker, waiter.version)) {
      waiter.resolve(worker)
      return
    }
    this.remove(worker)
    waiter.resolve(this.add(waiter.version))
  }

  /** Idle workers are terminated now, busy ones when their invocation ends: the next one loads the bundle afresh. */
  retireAll(): void {
    this.generation++
    for (const w of this.idle.splice(0)) this.remove(w)
  }

  async close(): Promise<void> {
    this.closed = true
    this.idle.length = 0
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('function runtime is closed'))
    const all = [...this.workers.keys()]
    this.workers.clear()
    await Promise.all(all.map((w) => w.terminate()))
  }

  private reusable(w: FunctionWorker, version: number): boolean {
    return w.alive && w.version === version && this.workers.get(w) === this.generation
  }

  private add(version: number): FunctionWorker {
    const w = this.spawn(version)
    this.workers.set(w, this.generation)
    return w
  }

  private remove(w: FunctionWorker): void {
    this.workers.delete(w)
    if (w.alive) void w.terminate()
  }
}
