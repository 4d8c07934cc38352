/** What other features may ask the mall: an unlock item's redemption is recorded as a fulfilled order. */
import { ORDERS, repo } from './store'

/** A fulfilled mall order that unlocked this material (index member_status_created, then a filter; one request). */
export async function hasMaterialUnlockOrder(memberId: string, materialId: string): Promise<boolean> {
  const res = await repo
    .col(ORDERS)
    .where({
      memberId,
      status: 'fulfilled',
      'fulfilment.kind': 'unlock',
      'fulfilment.unlockTarget': 'material',
      'fulfilment.unlockTargetId': materialId,
    })
    .limit(1)
    .get()
  return res.data.length > 0
}
