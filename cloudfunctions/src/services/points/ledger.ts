/**
 * The points ledger as a library every function uses in-process, inside its own
 * transaction: a check-in and its points commit together. Each entry's `_id` is
 * its idempotency key, so the entry insert itself detects a repeat (duplicate
 * key) without a read; the caller's transaction then aborts and `replay` answers
 * with the first result. Requests per append: a credit on the `earned` account (awards, positive adjustments) is
 * entry add + one `_.inc` update of the balance doc — no balance read; a spend, refund or reversal is balance get +
 * entry add + balance write (it must see the balance to stay non-negative).
 */
import { isBlindCredit, planCredit, planEntry, replayOf, type BalanceDoc, type EntryRequest, type LedgerEntry } from '../../domain/points'
import { type Rejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction, type Tx } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'
import { command } from '../../shared/repository'
import type { EntryAttachments } from '../../schema/collections'
import { BALANCES, ENTRIES, repo } from './store'

type BalanceWrite = Omit<BalanceDoc, '_id'> & Record<string, unknown>

/** `updated` of a doc update, whichever shape the SDK answers in (`stats.updated` from wx-server-sdk). */
export const updatedCount = (res: unknown): number => {
  const r = res as { stats?: { updated?: number }; updated?: number } | undefined
  return r?.stats?.updated ?? r?.updated ?? 0
}

/** Writes the balance doc: `set` creates it for a new member, `update` keeps fields other features keep there. */
export async function writeBalance(tx: Tx, balance: BalanceDoc, existed: boolean, extra: Record<string, unknown> = {}): Promise<void> {
  const { _id, ...fields } = balance
  const data: BalanceWrite = { ...fields, ...extra }
  if (existed)
    await repo
      .inTx(tx, BALANCES)
      .doc(_id)
      .update({ data: wholeFields(data) })
  else await repo.inTx(tx, BALANCES).doc(_id).set({ data })
}

/**
 * For a feature whose own transaction moves points with a plan it made itself (the mall's redemptions and refunds):
 * the member's balance read in `tx` (one request; null for a member without points yet) …
 */
export const balanceInTx = (tx: Tx, memberId: string) => repo.getIn(tx, BALANCES, memberId)

/**
 * Opens a new member's balance doc at zero inside the transaction that creates the member (one read and, for a member
 * without one, one `set`: once per member's life). Their first award is then a plain `_.inc` like every later one,
 * so a first check-in takes the same seven requests as any other; a member created before this still gets the doc
 * from creditInTx's fallback. An existing doc (points granted before the first open) is never overwritten.
 */
export async function openBalanceInTx(tx: Tx, memberId: string, now: number): Promise<void> {
  if (await repo.getIn(tx, BALANCES, memberId)) return
  const empty: Omit<BalanceDoc, '_id'> = { balance: 0, earned: 0, spent: 0, version: 0, updatedAt: now }
  await repo.inTx(tx, BALANCES).doc(memberId).set({ data: empty })
}

/**
 * … and the planned entry's insert in `tx` (one request; a duplicate key propagates as the SDK's error), with the
 * record it pays for attached if the caller has one (the mall's order on its redeem entry: services/points/attached.ts).
 */
export async function addEntryInTx(tx: Tx, entry: LedgerEntry & EntryAttachments): Promise<void> {
  await repo.inTx(tx, ENTRIES).add({ data: entry })
}

/** Several entries' inserts in `tx`, in order (one request each). */
export async function addEntriesInTx(tx: Tx, entries: readonly LedgerEntry[]): Promise<void> {
  for (const entry of entries) await addEntryInTx(tx, entry)
}

/** The entry with this key (idempotency key = `_id`) read in `tx`, or null (one request). */
export const entryInTx = (tx: Tx, key: string) => repo.getIn(tx, ENTRIES, key)

/** The entry with this key outside a transaction, or null (one request). */
export const entryOf = (key: string) => repo.get(ENTRIES, key)

/**
 * The entries stored under these keys (the ones that exist), by `_id`: one request per 1000 keys. Readers that know
 * which awards could have been booked (the learning report) read them this way instead of walking a history.
 */
export const entriesByKeys = (keys: readonly string[]) => repo.byIds(ENTRIES, keys)

/** A member's balance document outside a transaction, or null before their first points (one request). */
export const balanceOf = (memberId: string) => repo.get(BALANCES, memberId)

export interface AppendOptions {
  /** The balance doc if the caller already read it in this transaction (saves a request). */
  balance?: BalanceDoc | null
  /** Extra fields to write on the balance doc in the same request (e.g. mall limit counters). */
  extra?: Record<string, unknown>
}

/**
 * Appends one entry inside `tx` (a blind credit goes through creditInTx unless the caller already holds the balance or
 * writes extra balance fields). A rejection (e.g. POINTS.INSUFFICIENT) aborts the whole transaction with
 * TxAbort, so nothing the caller staged before is kept. A duplicate key propagates as the SDK's error.
 */
export async function appendInTx(tx: Tx, request: EntryRequest, now: number, options: AppendOptions = {}): Promise<{ entry: LedgerEntry }> {
  if (options.balance === undefined && !options.extra && isBlindCredit(request)) return { entry: (await creditInTx(tx, [request], now))[0] }
  const balance = options.balance !== undefined ? options.balance : await repo.getIn(tx, BALANCES, request.memberId)
  const plan = planEntry(balance ?? undefined, request, now)
  if (!plan.ok) throw new TxAbort(plan)
  if (plan.replayed) throw new Error('planEntry replayed without an existing entry')
  await repo.inTx(tx, ENTRIES).add({ data: plan.entry })
  await writeBalance(tx, plan.balance, !!balance, options.extra)
  return plan
}

/**
 * Appends credits (isBlindCredit: one member, `earned` account, amount > 0) inside `tx` without reading the balance:
 * one entry add each, then ONE update of the balance doc with `_.inc` of the summed totals and `version: _.inc(n)`.
 * CloudBase documents `_.inc` inside a transaction's doc().update (Database.startTransaction's transfer example) and
 * answers `updated: 0` for an update of a document that does not exist (Document.update: "只可能会是 0 或 1"); only
 * then — a member created before balance docs opened with the member (identity open) — the balance doc is created
 * with `set` (one request more, once per member). A concurrent first award conflicts on that doc and is retried by withTransaction.
 */
export async function creditInTx(tx: Tx, requests: readonly EntryRequest[], now: number): Promise<LedgerEntry[]> {
  if (requests.length === 0) return []
  const memberId = requests[0].memberId
  if (requests.some((r) => r.memberId !== memberId)) throw new Error('credits of one call must belong to one member')
  const entries: LedgerEntry[] = []
  const sum = { balance: 0, earned: 0, spent: 0 }
  for (const request of requests) {
    const plan = planCredit(request, now)
    if (!plan.ok) throw new TxAbort(plan)
    entries.push(plan.entry)
    sum.balance += plan.delta.balance
    sum.earned += plan.delta.earned
    sum.spent += plan.delta.spent
  }
  for (const entry of entries) await repo.inTx(tx, ENTRIES).add({ data: entry })
  const _ = command()
  const res = await repo
    .inTx(tx, BALANCES)
    .doc(memberId)
    .update({
      data: {
        balance: _.inc(sum.balance),
        earned: _.inc(sum.earned),
        spent: _.inc(sum.spent),
        version: _.inc(entries.length),
        updatedAt: now,
      },
    })
  if (updatedCount(res) !== 1) {
    const created: Omit<BalanceDoc, '_id'> = { ...sum, version: entries.length, updatedAt: now }
    await repo.inTx(tx, BALANCES).doc(memberId).set({ data: created })
  }
  return entries
}

export type AppendResult = { ok: true; entry: LedgerEntry; replayed: boolean } | Rejection

/** After a duplicate key: the stored entry, if it has the same effect as the request. */
export async function replay(request: EntryRequest): Promise<AppendResult> {
  const existing = await repo.get(ENTRIES, request._id)
  if (!existing) throw new Error(`duplicate key for ${request._id} but no entry found`)
  const answer = replayOf(existing, request)
  return answer.ok ? { ok: true, entry: answer.entry, replayed: true } : answer
}

/** A standalone award or spend in its own transaction (exactly once per key, under retries and concurrency). */
export async function applyEntry(request: EntryRequest, now: number): Promise<AppendResult> {
  try {
    if (isBlindCredit(request)) {
      const credited = await withTransaction<LedgerEntry[] | Rejection>((tx) => creditInTx(tx, [request], now))
      return Array.isArray(credited) ? { ok: true, entry: credited[0], replayed: false } : credited
    }
    const out = await withTransaction<{ ok: true; entry: LedgerEntry } | Rejection>(async (tx) => ({
      ok: true as const,
      ...(await appendInTx(tx, request, now)),
    }))
    if (out.ok) return { ok: true, entry: out.entry, replayed: false }
    // A retry of a spend that already happened may no longer fit the balance: answer with the first result.
    return (await repo.get(ENTRIES, request._id)) ? replay(request) : out
  } catch (err) {
    if (isDuplicateKey(err)) return replay(request)
    throw err
  }
}
