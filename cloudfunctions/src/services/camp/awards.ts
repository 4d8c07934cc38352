/**
 * Camp points inside the caller's transaction. Credits only (a check-in, its group bonus, a streak milestone) go through
 * the ledger's creditInTx: one entry add each plus ONE `_.inc` update of the balance doc, no balance read — a plain
 * check-in's transaction is five operations. When a debit is part of it (a make-up's cost and a milestone), the balance
 * is read and every entry is planned on it one after the other, then written as one entry add EACH plus ONE balance
 * write: CloudBase transactions take single-document operations only, so a batch add is not an option. Every entry
 * keeps its own key (`_id`), so each award is exactly-once.
 */
import { isBlindCredit, planEntry, type BalanceDoc, type LedgerEntry } from '../../domain/points'
import type { PointsAward } from '../../domain/camp'
import { TxAbort, type Tx } from '../../shared/db'
import { addEntriesInTx, appendInTx, balanceInTx, creditInTx, writeBalance } from '../points/ledger'

const toRequest = (a: PointsAward) => ({ _id: a.key, memberId: a.memberId, amount: a.amount, reason: a.reason, ref: a.ref })

/** Reads the member's balance in `tx` (for plans that need it first, e.g. a make-up's cost). */
export const readBalance = (tx: Tx, memberId: string) => balanceInTx(tx, memberId)

/**
 * Appends `awards` (all of one member) in `tx`. Pass `balance` when it was already read in this transaction
 * (`null` = the member has none yet). A ledger rejection (e.g. POINTS.INSUFFICIENT) aborts the whole transaction.
 */
export async function appendAwardsInTx(
  tx: Tx,
  awards: readonly PointsAward[],
  now: number,
  balance?: BalanceDoc | null,
): Promise<LedgerEntry[]> {
  if (awards.length === 0) return []
  const memberId = awards[0].memberId
  if (awards.some((a) => a.memberId !== memberId)) throw new Error('awards of one transaction must belong to one member')
  const requests = awards.map(toRequest)
  if (balance === undefined && requests.every(isBlindCredit)) return creditInTx(tx, requests, now)
  if (requests.length === 1) return [(await appendInTx(tx, requests[0], now, { balance })).entry]
  const start = balance !== undefined ? balance : await readBalance(tx, memberId)
  let current: BalanceDoc | undefined = start ?? undefined
  const entries: LedgerEntry[] = []
  for (const request of requests) {
    const plan = planEntry(current, request, now)
    if (!plan.ok) throw new TxAbort(plan)
    if (plan.replayed) throw new Error('planEntry replayed without an existing entry')
    entries.push(plan.entry)
    current = plan.balance
  }
  await addEntriesInTx(tx, entries)
  if (current) await writeBalance(tx, current, !!start)
  return entries
}
