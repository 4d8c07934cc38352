import { reversalKey } from './idempotency'
import { appendEntry, replayOf, type BalanceDoc, type EntryPlan, type EntryRequest, type LedgerEntry } from './ledger'
import type { PointsReason } from './reasons'
import { rejectPoints, type PointsCode } from './rejections'
import { type Rejection } from '../kernel'

/**
 * Corrections never edit an entry: they append a reversal that negates it, keyed by the original's `_id` so it
 * happens at most once. A redeem or refund is not reversed here — cancelling the order refunds exactly once, and
 * allowing both paths would return the same points twice.
 */
const NOT_REVERSIBLE: Partial<Record<PointsReason, string>> = {
  reversal: '冲正记录不能再次冲正',
  redeem: '兑换请通过取消订单退还积分',
  refund: '兑换退还不能冲正',
}

export interface ReversalOptions {
  note?: string
  /** The entry already stored under the reversal's key, if any (read in the same transaction). */
  existing?: LedgerEntry
}

/** Why an entry can never be reversed, or undefined when it can (checked before anything is read). */
export function reversalRefusal(original: Pick<LedgerEntry, 'reason'>): Rejection<PointsCode> | undefined {
  const refusal = NOT_REVERSIBLE[original.reason]
  return refusal ? rejectPoints('POINTS.NOT_REVERSIBLE', { reason: original.reason }, refusal) : undefined
}

export function planReversal(
  original: LedgerEntry,
  balance: BalanceDoc | undefined,
  now: number,
  options: ReversalOptions = {},
): EntryPlan {
  const refused = reversalRefusal(original)
  if (refused) return refused
  if (!balance) throw new Error(`member ${original.memberId} has an entry but no balance doc`)
  if (balance._id !== original.memberId) throw new Error(`balance doc ${balance._id} is not member ${original.memberId}'s`)
  const request: EntryRequest = {
    _id: reversalKey(original._id),
    memberId: original.memberId,
    amount: -original.amount,
    reason: 'reversal',
    ref: original._id,
    note: options.note,
  }
  if (options.existing) {
    if (options.existing._id !== request._id) throw new Error(`existing entry ${options.existing._id} is not ${request._id}`)
    return replayOf(options.existing, request)
  }
  return appendEntry(balance, { ...request, reversedReason: original.reason }, now)
}

/** The key under which `entry`'s reversal is (or would be) stored, for the caller's read-by-_id. */
export function reversalIdOf(entry: Pick<LedgerEntry, '_id'>): string {
  return reversalKey(entry._id)
}
