import { applyEffect, ZERO_TOTALS, type Totals } from './accounting'
import { isValidKey } from './idempotency'
import { isPointsReason, REASON_INFO, signFits, type PointsReason } from './reasons'
import { rejectPoints, type PointsCode } from './rejections'
import { type Rejection } from '../kernel'

/**
 * One movement of points. Append-only: written once inside the transaction that updates the balance doc.
 *
 * Entries are ordered by `at` (then `_id`), not by a per-member sequence: a credit is applied with `_.inc` on the
 * balance doc without reading it first (one request less per award), so it cannot know the balance it leaves. Only
 * entries planned against a balance read in their transaction (spends, reversals, make-ups) carry `balanceAfter`.
 */
export interface LedgerEntry {
  /** The idempotency key (see idempotency.ts). */
  _id: string
  memberId: string
  /** Signed integer, never 0. */
  amount: number
  reason: PointsReason
  /** What caused it: an order id, a submission id, the reversed entry's id… */
  ref?: string
  note?: string
  /** Epoch ms. */
  at: number
  /** The balance right after this entry; only on entries planned against the balance read in their transaction. */
  balanceAfter?: number
  /** Reversals only: the reason of the reversed entry (keeps earned/spent rebuildable from entries alone). */
  reversedReason?: PointsReason
}

/** One per member, `_id` = memberId, written in the same transaction as each of its entries. */
export interface BalanceDoc extends Totals {
  _id: string
  /** Number of entries applied (`_.inc(1)` per entry): reconcile compares it with the entry count. */
  version: number
  updatedAt: number
}

export interface EntryRequest {
  _id: string
  memberId: string
  amount: number
  reason: PointsReason
  ref?: string
  note?: string
}

/** Points moved by one entry are bounded so a typo (or an overflow) cannot mint a fortune. */
export const MAX_ENTRY_AMOUNT = 1_000_000
export const MAX_BALANCE = 1_000_000_000

export interface PlannedEntry {
  ok: true
  replayed: false
  entry: LedgerEntry
  balance: BalanceDoc
}

/** The key was already applied with the same content: nothing to write, answer with the first result. */
export interface ReplayedEntry {
  ok: true
  replayed: true
  entry: LedgerEntry
}

export type EntryPlan = PlannedEntry | ReplayedEntry | Rejection<PointsCode>

export function emptyBalance(memberId: string, now: number): BalanceDoc {
  return { _id: memberId, balance: 0, earned: 0, spent: 0, version: 0, updatedAt: now }
}

export function isValidAmount(amount: unknown): amount is number {
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount !== 0 && Math.abs(amount) <= MAX_ENTRY_AMOUNT
}

/**
 * Plans appending one entry. The caller's transaction reads the balance doc (undefined for a new member) and the
 * entry with `_id === request._id` (`existing`), calls this, then writes `entry` (add) and `balance` (set) — or
 * nothing for a replay or a rejection. Reversals go through planReversal, which knows the original entry.
 */
export function planEntry(balance: BalanceDoc | undefined, request: EntryRequest, now: number, existing?: LedgerEntry): EntryPlan {
  assertCallerInvariants(balance, request, now, existing)
  if (!isPointsReason(request.reason) || request.reason === 'reversal') return rejectPoints('POINTS.INVALID_REASON')
  if (!isValidAmount(request.amount)) return rejectPoints('POINTS.INVALID_AMOUNT', { max: MAX_ENTRY_AMOUNT })
  if (!signFits(request.reason, request.amount)) return rejectPoints('POINTS.REASON_SIGN', { reason: request.reason })
  if (existing) return replayOf(existing, request)
  return appendEntry(balance ?? emptyBalance(request.memberId, now), { ...request }, now)
}

/** Shared by planEntry and planReversal once the request itself is known to be valid. */
export function appendEntry(balance: BalanceDoc, draft: EntryRequest & { reversedReason?: PointsReason }, now: number): EntryPlan {
  const next = applyEffect(balance, draft)
  if (next.balance < 0) return rejectPoints('POINTS.INSUFFICIENT', { balance: balance.balance, required: -draft.amount })
  if (next.earned < 0 || next.spent < 0 || next.balance > MAX_BALANCE)
    return rejectPoints('POINTS.INVALID_AMOUNT', { max: MAX_ENTRY_AMOUNT })
  const entry: LedgerEntry = { ...stripUndefined(draft), at: now, balanceAfter: next.balance }
  return { ok: true, replayed: false, entry, balance: { _id: balance._id, ...next, version: balance.version + 1, updatedAt: now } }
}

/** A credit applied without reading the balance: the entry, and what it adds to the balance doc's totals. */
export interface PlannedCredit {
  ok: true
  entry: LedgerEntry
  delta: Totals
}

/**
 * Whether `request` may be applied blind (`_.inc`, no balance read): a positive amount on the `earned` account. Such
 * an entry can never make the balance, `earned` or `spent` negative, so no read is needed to keep the invariants;
 * MAX_ENTRY_AMOUNT bounds each one. Everything else (spends, refunds, reversals) is planned against a read balance.
 */
export function isBlindCredit(request: Pick<EntryRequest, 'amount' | 'reason'>): boolean {
  return isPointsReason(request.reason) && REASON_INFO[request.reason].account === 'earned' && request.amount > 0
}

/** Plans a blind credit (see isBlindCredit); a rejection for anything that needs the balance. */
export function planCredit(request: EntryRequest, now: number): PlannedCredit | Rejection<PointsCode> {
  if (!Number.isFinite(now)) throw new RangeError('now must be a finite epoch ms')
  if (!isValidKey(request._id)) throw new RangeError(`entry _id is not an idempotency key: ${request._id}`)
  if (!request.memberId) throw new RangeError('memberId is required')
  if (!isPointsReason(request.reason) || request.reason === 'reversal') return rejectPoints('POINTS.INVALID_REASON')
  if (!isValidAmount(request.amount)) return rejectPoints('POINTS.INVALID_AMOUNT', { max: MAX_ENTRY_AMOUNT })
  if (!signFits(request.reason, request.amount) || !isBlindCredit(request))
    return rejectPoints('POINTS.REASON_SIGN', { reason: request.reason })
  const entry: LedgerEntry = { ...stripUndefined({ ...request }), at: now }
  return { ok: true, entry, delta: applyEffect(ZERO_TOTALS, entry) }
}

/** Same key, same effect → the earlier result; same key, different effect → a conflict, never a second write. */
export function replayOf(existing: LedgerEntry, request: EntryRequest): ReplayedEntry | Rejection<PointsCode> {
  const same =
    existing.memberId === request.memberId &&
    existing.amount === request.amount &&
    existing.reason === request.reason &&
    (existing.ref ?? null) === (request.ref ?? null)
  return same ? { ok: true, replayed: true, entry: existing } : rejectPoints('POINTS.KEY_CONFLICT', { entryId: existing._id })
}

function assertCallerInvariants(balance: BalanceDoc | undefined, request: EntryRequest, now: number, existing?: LedgerEntry): void {
  if (!Number.isFinite(now)) throw new RangeError('now must be a finite epoch ms')
  if (!isValidKey(request._id)) throw new RangeError(`entry _id is not an idempotency key: ${request._id}`)
  if (!request.memberId) throw new RangeError('memberId is required')
  if (balance && balance._id !== request.memberId) throw new Error(`balance doc ${balance._id} is not member ${request.memberId}'s`)
  if (existing && existing._id !== request._id) throw new Error(`existing entry ${existing._id} is not ${request._id}`)
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
