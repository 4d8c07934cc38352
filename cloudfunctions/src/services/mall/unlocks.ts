/** What other features may ask the mall: an unlock item's redemption is recorded as a fulfilled order. */
import { orderEntries } from './order-entries'

/** A fulfilled mall order that unlocked this material (index member_reason_order_status_at, then a filter; one request). */
export async function hasMaterialUnlockOrder(memberId: string, materialId: string): Promise<boolean> {
  const found = await orderEntries(
    {
      memberId,
      status: 'fulfilled',
      fields: { 'fulfilment.kind': 'unlock', 'fulfilment.unlockTarget': 'material', 'fulfilment.unlockTargetId': materialId },
    },
    'desc',
    1,
  )
  return found.length > 0
}
