/**
 * Camp points inside the caller's transaction. One award goes through the ledger's appendInTx (balance get, entry add,
 * balance write): a plain check-in is six requests. Several (check-in + group bonus + a streak milestone, or a make-up
 * debit + a milestone) are planned one after the other on the same balance and written as one entry add EACH plus ONE
 * balance write: CloudBase transactions take single-document operations only, so a batch add is not an option (a group
 * check-in is seven requests, eight on a milestone day). Every entry keeps its own key (`_id`), so each award is
 * exactly-once.
 */
import { planEntry, type BalanceDoc, type LedgerEntry } from '../../domain/points'
import type { PointsAward } from '../../domain/camp'
import { TxAbort, txGet, type Tx } from '../../shared/db'
import { appendInTx, BALANCES, ENTRIES, writeBalance } from '../points/ledger'

const toRequest = (a: PointsAward) => ({ _id: a.key, memberId: a.memberId, amount: a.amount, reason: a.reason, ref: a.ref })

/** Reads the member's balance in `tx` (for plans that need it first, e.g. a make-up's cost). */
export const readBalance = (tx: Tx, memberId: string) => txGet<BalanceDoc>(tx, BALANCES, memberId)

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
  if (awards.length === 1) return [(await appendInTx(tx, toRequest(awards[0]), now, { balance })).entry]
  const start = balance !== undefined ? balance : await readBalance(tx, memberId)
  let current: BalanceDoc | undefined = start ?? undefined
  const entries: LedgerEntry[] = []
  for (const award of awards) {
    const plan = planEntry(current, toRequest(award), now)
    if (!plan.ok) throw new TxAbort(plan)
    if (plan.replayed) throw new Error('planEntry replayed without an existing entry')
    entries.push(plan.entry)
    current = plan.balance
  }
  for (const entry of entries) await tx.collection(ENTRIES).add({ data: entry })
  if (current) await writeBalance(tx, current, !!start)
  return entries
}
