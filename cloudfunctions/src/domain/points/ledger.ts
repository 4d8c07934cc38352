import { applyEffect, type Totals } from './accounting'
import { isValidKey } from './idempotency'
import { isPointsReason, signFits, type PointsReason } from './reasons'
import { rejectPoints, type PointsCode } from './rejections'
import { type Rejection } from '../kernel'

/** One movement of points. Append-only: written once inside the transaction that updates the balance doc. */
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
  balanceAfter: number
  /** The balance doc's version after this entry: 1, 2, 3… per member; orders history without trusting clocks. */
  seq: number
  /** Reversals only: the reason of the reversed entry (keeps earned/spent rebuildable from entries alone). */
  reversedReason?: PointsReason
}

/** One per member, `_id` = memberId, written in the same transaction as each of its entries. */
export interface BalanceDoc extends Totals {
  _id: string
  /** Number of entries applied; also an optimistic-concurrency token. */
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
  const seq = balance.version + 1
  const entry: LedgerEntry = { ...stripUndefined(draft), at: now, balanceAfter: next.balance, seq }
  return { ok: true, replayed: false, entry, balance: { _id: balance._id, ...next, version: seq, updatedAt: now } }
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
