/** Corrections by reversal entries only, exactly once per original entry. */
import { planReversal, replayOf, reversalIdOf, reversalRefusal, type EntryRequest, type LedgerEntry } from '../../domain/points'
import { reject, type Rejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import { writeBalance, type AppendResult } from './ledger'
import { BALANCES, ENTRIES, repo } from './store'

export async function reverseEntry(entryId: string, note: string, now: number): Promise<AppendResult> {
  const original = await repo.get(ENTRIES, entryId)
  if (!original) return reject('POINTS.ENTRY_NOT_FOUND', '积分记录不存在')
  const refused = reversalRefusal(original)
  if (refused) return refused
  if (await repo.get(ENTRIES, reversalIdOf(original))) return replayReversal(original)
  try {
    const out = await withTransaction(async (tx) => {
      const balance = await repo.getIn(tx, BALANCES, original.memberId)
      const plan = planReversal(original, balance ?? undefined, now, { note })
      if (!plan.ok) throw new TxAbort<Rejection>(plan)
      if (plan.replayed) throw new Error('planReversal replayed without an existing entry')
      await repo.inTx(tx, ENTRIES).add({ data: plan.entry })
      await writeBalance(tx, plan.balance, true)
      return plan
    })
    // A racing reversal of the same entry committed first: this one no longer fits the balance, but the entry is
    // reversed — answer with the first result, as a retry would.
    if (!out.ok) return (await repo.get(ENTRIES, reversalIdOf(original))) ? replayReversal(original) : out
    return { ok: true, entry: out.entry, replayed: false }
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return replayReversal(original)
  }
}

async function replayReversal(original: LedgerEntry): Promise<AppendResult> {
  const existing = await repo.get(ENTRIES, reversalIdOf(original))
  if (!existing) throw new Error(`reversal of ${original._id} vanished`)
  const request: EntryRequest = {
    _id: existing._id,
    memberId: original.memberId,
    amount: -original.amount,
    reason: 'reversal',
    ref: original._id,
  }
  const answer = replayOf(existing, request)
  return answer.ok ? { ok: true, entry: answer.entry, replayed: true } : answer
}
