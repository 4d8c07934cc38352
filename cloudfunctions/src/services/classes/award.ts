/**
 * The signup award, inside the signup/promotion/cancel transactions. The entry's `_id` is
 * `class_signup:{classId}:{memberId}`, so it exists at most once per member per class: a member who cancels and
 * signs up again finds it (reversed) and earns nothing new. A cancel appends the entry's reversal, whose `_id` is
 * derived from the award's, so it too happens at most once.
 */
import { rejectClass, signupAwardKey, type FreeClass } from '../../domain/classes'
import { planReversal, reversalIdOf } from '../../domain/points'
import { TxAbort, type Tx } from '../../shared/db'
import { addEntryInTx, appendInTx, balanceInTx, entryInTx, writeBalance } from '../points/ledger'

export async function awardSignupInTx(tx: Tx, cls: FreeClass, memberId: string, now: number): Promise<void> {
  if (cls.signupPoints <= 0) return
  const key = signupAwardKey(cls._id, memberId)
  if (await entryInTx(tx, key)) return
  await appendInTx(tx, { _id: key, memberId, amount: cls.signupPoints, reason: 'class_signup', ref: cls._id }, now)
}

export async function reverseSignupAwardInTx(tx: Tx, classId: string, memberId: string, now: number): Promise<void> {
  const award = await entryInTx(tx, signupAwardKey(classId, memberId))
  if (!award) return
  if (await entryInTx(tx, reversalIdOf(award))) return
  const balance = await balanceInTx(tx, memberId)
  const plan = planReversal(award, balance ?? undefined, now, { note: '取消免费课报名' })
  if (!plan.ok) throw new TxAbort(plan.code === 'POINTS.INSUFFICIENT' ? rejectClass('CLASS.AWARD_SPENT') : plan)
  if (plan.replayed) return
  await addEntryInTx(tx, plan.entry)
  await writeBalance(tx, plan.balance, true)
}
