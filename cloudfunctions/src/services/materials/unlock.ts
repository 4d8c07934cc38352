/**
 * Unlocking: a points unlock spends through the ledger and writes the member's unlock record in one transaction
 * (ledger entry `unlock:{materialId}:{memberId}` and record `{materialId}:{memberId}` are both idempotency keys),
 * so 20 parallel taps or a retry after a lost answer spend exactly once. A signup unlock writes only the record.
 */
import { toMaterialDetail, type MaterialDetail } from '../../contracts/materials'
import { planUnlock, type AccessFacts, type MaterialDoc, type UnlockDoc } from '../../domain/materials'
import { isRejection, type Rejection } from '../../domain/kernel'
import { isDuplicateKey, withTransaction } from '../../shared/db'
import { settleInviterNow } from '../invites/settle'
import { appendInTx } from '../points/ledger'
import { trackInTx } from '../tracking/track'
import { qualifiedInvitesOf } from './access'
import { materialFor } from './catalog'
import { UNLOCKS, repo } from './store'

type Written = { fresh: boolean; unlock: UnlockDoc }

async function writeUnlock(record: UnlockDoc, spend: Parameters<typeof appendInTx>[1] | null, now: number): Promise<Written | Rejection> {
  try {
    const out = await withTransaction<Written | Rejection>(async (tx) => {
      const existing = await repo.getIn(tx, UNLOCKS, record._id)
      if (existing) return { fresh: false, unlock: existing }
      // A rejection (POINTS.INSUFFICIENT) aborts the transaction: nothing is written.
      if (spend) await appendInTx(tx, spend, now)
      await repo.inTx(tx, UNLOCKS).add({ data: record })
      const props = { materialId: record.materialId, via: record.via, cost: record.cost }
      await trackInTx(tx, { type: 'material_unlock', memberId: record.memberId, ref: record.materialId, props }, now)
      return { fresh: true, unlock: record }
    })
    if (!isRejection(out)) return out
    // A duplicate tap may have unlocked it meanwhile and left too few points for this one: answer with that.
    const existing = await repo.get(UNLOCKS, record._id)
    return existing ? { fresh: false, unlock: existing } : out
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const existing = await repo.get(UNLOCKS, record._id)
    if (!existing) throw err
    return { fresh: false, unlock: existing }
  }
}

/** Plans and writes one unlock; answers how the member now holds the material. Tracks `material_unlock` once. */
export async function recordUnlock(material: MaterialDoc, memberId: string, facts: AccessFacts, now: number) {
  const plan = planUnlock(material, memberId, facts, now)
  if (!plan.ok) return plan
  if (!plan.record) return { via: plan.via }
  const written = await writeUnlock(plan.record, plan.spend, now)
  if (isRejection(written)) return written
  return { via: written.unlock.via }
}

/** Members only: staff preview without unlocking, and an off-shelf material cannot be newly unlocked. */
export async function unlockMaterial(materialId: string, memberId: string, now: number): Promise<MaterialDetail | Rejection> {
  const found = await materialFor(materialId, { memberId, staff: false })
  if (isRejection(found)) return found
  const { material } = found
  let facts = found.facts
  // Short of friends: settle the member's open invites first, so a friend who just checked in counts now rather
  // than after the next settle timer.
  if (material.rule.kind === 'invites' && !found.access.unlocked) {
    await settleInviterNow(memberId, now)
    facts = { ...facts, qualifiedInvites: await qualifiedInvitesOf(memberId) }
  }
  const held = await recordUnlock(material, memberId, facts, now)
  if (isRejection(held)) return held
  return toMaterialDetail(material, held.via, facts.qualifiedInvites)
}
