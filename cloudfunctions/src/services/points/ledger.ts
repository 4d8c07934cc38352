/**
 * The points ledger as a library every function uses in-process, inside its own
 * transaction: a check-in and its points commit together. Each entry's `_id` is
 * its idempotency key, so the entry insert itself detects a repeat (duplicate
 * key) without a read; the caller's transaction then aborts and `replay` answers
 * with the first result. Requests per append: balance get + entry add + balance write.
 */
import { planEntry, replayOf, type BalanceDoc, type EntryRequest, type LedgerEntry, type PlannedEntry } from '../../domain/points'
import { type Rejection } from '../../domain/kernel'
import { getOrNull, isDuplicateKey, TxAbort, txGet, withTransaction, type Tx } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'

export const ENTRIES = 'points_entries'
export const BALANCES = 'points_balances'

type BalanceWrite = Omit<BalanceDoc, '_id'> & Record<string, unknown>

/** Writes the balance doc: `set` creates it for a new member, `update` keeps fields other features keep there. */
export async function writeBalance(tx: Tx, balance: BalanceDoc, existed: boolean, extra: Record<string, unknown> = {}): Promise<void> {
  const { _id, ...fields } = balance
  const data: BalanceWrite = { ...fields, ...extra }
  if (existed)
    await tx
      .collection(BALANCES)
      .doc(_id)
      .update({ data: wholeFields(data) })
  else await tx.collection(BALANCES).doc(_id).set({ data })
}

export interface AppendOptions {
  /** The balance doc if the caller already read it in this transaction (saves a request). */
  balance?: BalanceDoc | null
  /** Extra fields to write on the balance doc in the same request (e.g. mall limit counters). */
  extra?: Record<string, unknown>
}

/**
 * Appends one entry inside `tx`. A rejection (e.g. POINTS.INSUFFICIENT) aborts the whole transaction with
 * TxAbort, so nothing the caller staged before is kept. A duplicate key propagates as the SDK's error.
 */
export async function appendInTx(tx: Tx, request: EntryRequest, now: number, options: AppendOptions = {}): Promise<PlannedEntry> {
  const balance = options.balance !== undefined ? options.balance : await txGet<BalanceDoc>(tx, BALANCES, request.memberId)
  const plan = planEntry(balance ?? undefined, request, now)
  if (!plan.ok) throw new TxAbort(plan)
  if (plan.replayed) throw new Error('planEntry replayed without an existing entry')
  await tx.collection(ENTRIES).add({ data: plan.entry })
  await writeBalance(tx, plan.balance, !!balance, options.extra)
  return plan
}

export type AppendResult = { ok: true; entry: LedgerEntry; replayed: boolean } | Rejection

/** After a duplicate key: the stored entry, if it has the same effect as the request. */
export async function replay(request: EntryRequest): Promise<AppendResult> {
  const existing = await getOrNull<LedgerEntry>(ENTRIES, request._id)
  if (!existing) throw new Error(`duplicate key for ${request._id} but no entry found`)
  const answer = replayOf(existing, request)
  return answer.ok ? { ok: true, entry: answer.entry, replayed: true } : answer
}

/** A standalone award or spend in its own transaction (exactly once per key, under retries and concurrency). */
export async function applyEntry(request: EntryRequest, now: number): Promise<AppendResult> {
  try {
    const out = await withTransaction<PlannedEntry | Rejection>((tx) => appendInTx(tx, request, now))
    if (out.ok) return { ok: true, entry: out.entry, replayed: false }
    // A retry of a spend that already happened may no longer fit the balance: answer with the first result.
    return (await getOrNull<LedgerEntry>(ENTRIES, request._id)) ? replay(request) : out
  } catch (err) {
    if (isDuplicateKey(err)) return replay(request)
    throw err
  }
}
