import { randomBytes } from 'crypto'
import type { EmulatorClock } from '../core/clock'
import type { DocChange } from './collection-store'
import { lockTimeout, transactionNotFound } from './db-errors'
import type { Doc } from './ejson-codec'

export interface BufferedWrite {
  collection: string
  key: string
  /** undefined = the transaction deleted the document */
  after?: Doc
}

export interface Transaction {
  readonly id: string
  readonly startedReal: number
  readonly startedClock: number
  /** Committed values, as of the snapshot, of documents others changed since: lockKey → doc (undefined = absent). */
  readonly preImages: Map<string, Doc | undefined>
  /** The transaction's own writes, applied on commit: lockKey → write. */
  readonly writes: Map<string, BufferedWrite>
  /** Set when a write hit a conflict; commit then answers DATABASE_TRANSACTION_CONFLICT. */
  conflict?: string
}

export const lockKeyOf = (collection: string, key: string) => `${collection}\u0001${key}`

/**
 * Snapshot isolation and document locks as CloudBase gives them: a transaction
 * reads the committed state of its start plus its own writes; a document it
 * writes is locked until commit/abort; another transaction writing it conflicts;
 * a plain write waits for the lock (bounded). Open transactions expire after
 * `timeoutMs` of real time or of the emulator clock.
 */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>()
  private readonly locks = new Map<string, string>()
  private readonly waiters = new Set<() => void>()

  constructor(
    private readonly clock: EmulatorClock,
    private readonly timeoutMs: number,
    private readonly lockWaitMs: number,
  ) {}

  get openCount(): number {
    return this.open.size
  }

  start(): Transaction {
    this.sweep()
    const tx: Transaction = {
      id: randomBytes(16).toString('hex'),
      startedReal: Date.now(),
      startedClock: this.clock.now(),
      preImages: new Map(),
      writes: new Map(),
    }
    this.open.set(tx.id, tx)
    return tx
  }

  get(id: unknown): Transaction {
    this.sweep()
    const tx = typeof id === 'string' ? this.open.get(id) : undefined
    if (!tx) throw transactionNotFound(id)
    return tx
  }

  /** What the transaction sees for one document, given its current committed value. */
  read(tx: Transaction, lockKey: string, committed: Doc | undefined): Doc | undefined {
    const own = tx.writes.get(lockKey)
    if (own) return own.after
    if (tx.preImages.has(lockKey)) return tx.preImages.get(lockKey)
    return committed
  }

  /** Buffers a write; on a lock held by another transaction or a change since the snapshot, dooms the transaction. */
  write(tx: Transaction, write: BufferedWrite): void {
    const lk = lockKeyOf(write.collection, write.key)
    const owner = this.locks.get(lk)
    if (owner !== undefined && owner !== tx.id) tx.conflict ??= `${write.collection}/${write.key} is locked by another transaction`
    else if (tx.preImages.has(lk)) tx.conflict ??= `${write.collection}/${write.key} changed after the transaction started`
    else if (!tx.conflict) this.locks.set(lk, tx.id)
    tx.writes.set(lk, write)
  }

  /** Keeps open snapshots intact: called with every committed batch before it is applied. */
  recordCommitted(changes: DocChange[], committer?: string): void {
    if (this.open.size === 0) return
    for (const tx of this.open.values()) {
      if (tx.id === committer) continue
      for (const c of changes) {
        const lk = lockKeyOf(c.collection, c.key)
        if (!tx.preImages.has(lk)) tx.preImages.set(lk, c.before)
      }
    }
  }

  /** Ends a transaction (commit done or abort): drops it and releases its locks. */
  finish(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return
    for (const lk of tx.writes.keys()) if (this.locks.get(lk) === tx.id) this.locks.delete(lk)
    const waiting = [...this.waiters]
    this.waiters.clear()
    for (const wake of waiting) wake()
  }

  /** The first key locked by a transaction other than `ownTx`, if any. */
  firstLocked(lockKeys: string[], ownTx?: string): string | undefined {
    this.sweep()
    return lockKeys.find((k) => {
      const owner = this.locks.get(k)
      return owner !== undefined && owner !== ownTx
    })
  }

  /** Waits (bounded) until none of the keys is locked by a transaction other than `ownTx`. */
  async waitUnlocked(lockKeys: string[], ownTx?: string, deadline = Date.now() + this.lockWaitMs): Promise<void> {
    for (;;) {
      const blocked = this.firstLocked(lockKeys, ownTx)
      if (blocked === undefined) return
      if (Date.now() >= deadline) {
        const [collection, key] = blocked.split('\u0001')
        throw lockTimeout(collection, key)
      }
      // woken on any release; the timer also lets expired transactions be swept
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer)
          this.waiters.delete(wake)
          resolve()
        }
        const timer = setTimeout(wake, 25)
        this.waiters.add(wake)
      })
    }
  }

  /** Aborts transactions left open too long (by real time or by the emulator clock). */
  sweep(): void {
    if (this.open.size === 0) return
    const real = Date.now()
    const now = this.clock.now()
    for (const tx of [...this.open.values()])
      if (real - tx.startedReal > this.timeoutMs || now - tx.startedClock > this.timeoutMs) this.finish(tx)
  }

  abortAll(): void {
    for (const tx of [...this.open.values()]) this.finish(tx)
  }
}
