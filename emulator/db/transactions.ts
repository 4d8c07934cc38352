import { randomBytes } from 'crypto'
import type { EmulatorClock } from '../core/clock'
import type { DocChange } from './collection-store'
import { lockTimeout, transactionConflict, transactionNotFound } from './db-errors'
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
  /** Set by the first read or write: until then commits by others do not touch this transaction's view. */
  snapshotTaken: boolean
  /** Committed values, as of the snapshot, of documents others changed since: lockKey → doc (undefined = absent). */
  readonly preImages: Map<string, Doc | undefined>
  /** The transaction's own writes, applied on commit: lockKey → write. */
  readonly writes: Map<string, BufferedWrite>
  /**
   * Set when a write hit a conflict: the transaction is dead (its writes dropped, its locks released) and every
   * later operation or commit on it answers DATABASE_TRANSACTION_CONFLICT; only abort ends it quietly.
   */
  conflict?: string
}

export const lockKeyOf = (collection: string, key: string) => `${collection}\u0001${key}`

/**
 * Snapshot isolation and document locks as CloudBase gives them (WeChat guide, 云开发 › 数据库 › 事务 › 快照隔离:
 * "其他事务的写入会直接失败；普通的更新操作会被阻塞"): a transaction reads the committed state as of its first
 * operation plus its own writes; a document it writes is locked until commit/abort; a write to a document another
 * open transaction wrote, or one changed since the snapshot, fails at that write with DATABASE_TRANSACTION_CONFLICT
 * and ends the transaction; a plain write waits for the lock (bounded). Open transactions expire after `timeoutMs`
 * of real time or of the emulator clock.
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
      snapshotTaken: false,
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

  /**
   * The transaction a read or write names. Its snapshot is taken here, at its first operation, not at
   * startTransaction: MongoDB, whose semantics CloudBase's database follows, starts a transaction's snapshot with
   * its first command (CloudBase's docs do not say; inferred). A transaction a conflict ended answers that conflict again.
   */
  operate(id: unknown): Transaction {
    const tx = this.get(id)
    if (tx.conflict !== undefined) throw transactionConflict(tx.id, tx.conflict)
    tx.snapshotTaken = true
    return tx
  }

  /** What the transaction sees for one document, given its current committed value. */
  read(tx: Transaction, lockKey: string, committed: Doc | undefined): Doc | undefined {
    const own = tx.writes.get(lockKey)
    if (own) return own.after
    if (tx.preImages.has(lockKey)) return tx.preImages.get(lockKey)
    return committed
  }

  /**
   * Buffers the writes of one operation and locks their documents, or, when one of them is locked by another
   * transaction or changed since the snapshot, buffers none, ends the transaction and throws the conflict.
   */
  write(tx: Transaction, writes: BufferedWrite[]): void {
    for (const w of writes) {
      const lk = lockKeyOf(w.collection, w.key)
      const owner = this.locks.get(lk)
      const reason =
        owner !== undefined && owner !== tx.id
          ? `${w.collection}/${w.key} is locked by another transaction`
          : tx.preImages.has(lk)
            ? `${w.collection}/${w.key} changed after the transaction's snapshot`
            : undefined
      if (reason !== undefined) {
        this.kill(tx, reason)
        throw transactionConflict(tx.id, reason)
      }
    }
    for (const w of writes) {
      const lk = lockKeyOf(w.collection, w.key)
      this.locks.set(lk, tx.id)
      tx.writes.set(lk, w)
    }
  }

  /** A conflict ended the transaction: its writes are dropped and its locks released, as an abort would. */
  private kill(tx: Transaction, reason: string): void {
    tx.conflict = reason
    this.release(tx)
    tx.writes.clear()
    tx.preImages.clear()
  }

  /** Keeps open snapshots intact: called with every committed batch before it is applied. */
  recordCommitted(changes: DocChange[], committer?: string): void {
    if (this.open.size === 0) return
    for (const tx of this.open.values()) {
      if (tx.id === committer || !tx.snapshotTaken || tx.conflict !== undefined) continue
      for (const c of changes) {
        const lk = lockKeyOf(c.collection, c.key)
        if (!tx.preImages.has(lk)) tx.preImages.set(lk, c.before)
      }
    }
  }

  /** Ends a transaction (commit done or abort): drops it and releases its locks. */
  finish(tx: Transaction): void {
    if (!this.open.delete(tx.id)) return
    this.release(tx)
  }

  private release(tx: Transaction): void {
    for (const lk of tx.writes.keys()) if (this.locks.get(lk) === tx.id) this.locks.delete(lk)
    const waiting = [...this.waiters]
    this.waiters.clear()
    for (const wake of waiting) wake()
  }

  /** Plain writes parked until a lock is released (tests wait on this instead of sleeping). */
  get lockWaiters(): number {
    return this.waiters.size
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
