/**
 * The signup award, inside the signup/promotion/cancel transactions. The entry's `_id` is
 * `class_signup:{classId}:{memberId}`, so it exists at most once per member per class: a member who cancels and
 * signs up again finds it (reversed) and earns nothing new. A cancel appends the entry's reversal, whose `_id` is
 * derived from the award's, so it too happens at most once.
 */
import { rejectClass, signupAwardKey, type FreeClass } from '../../domain/classes'
import { planReversal, reversalIdOf, type BalanceDoc, type LedgerEntry } from '../../domain/points'
import { TxAbort, txGet, type Tx } from '../../shared/db'
import { appendInTx, BALANCES, ENTRIES, writeBalance } from '../points/ledger'

export async function awardSignupInTx(tx: Tx, cls: FreeClass, memberId: string, now: number): Promise<void> {
  if (cls.signupPoints <= 0) return
  const key = signupAwardKey(cls._id, memberId)
  if (await txGet<LedgerEntry>(tx, ENTRIES, key)) return
  await appendInTx(tx, { _id: key, memberId, amount: cls.signupPoints, reason: 'class_signup', ref: cls._id }, now)
}

export async function reverseSignupAwardInTx(tx: Tx, classId: string, memberId: string, now: number): Promise<void> {
  const award = await txGet<LedgerEntry>(tx, ENTRIES, signupAwardKey(classId, memberId))
  if (!award) return
  if (await txGet<LedgerEntry>(tx, ENTRIES, reversalIdOf(award))) return
  const balance = await txGet<BalanceDoc>(tx, BALANCES, memberId)
  const plan = planReversal(award, balance ?? undefined, now, { note: '取消免费课报名' })
  if (!plan.ok) throw new TxAbort(plan.code === 'POINTS.INSUFFICIENT' ? rejectClass('CLASS.AWARD_SPENT') : plan)
  if (plan.replayed) return
  await tx.collection(ENTRIES).add({ data: plan.entry })
  await writeBalance(tx, plan.balance, true)
}
