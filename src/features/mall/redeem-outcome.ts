import type { Envelope } from '@/shared/cloud/types'
import type { OrderView } from '@cloud/contracts/mall'
import { addressErrorsFrom, type AddressErrors } from './address-check'

/**
 * What the confirm screen does with a redeem answer:
 *  - done: the order exists (a retried request gets the same order back);
 *  - refused: a business answer (sold out, limit, not enough points…) that trying again will not change;
 *  - fix: the address needs correcting, with the server's hint per field;
 *  - retry: the call itself failed (network, system): stay on the screen, same requestId, let the member try again.
 */
export type RedeemOutcome =
  | { kind: 'done'; order: OrderView }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'fix'; message: string; errors: AddressErrors }
  | { kind: 'retry'; message: string }

const REFUSALS = /^(MALL|POINTS)\./

export function redeemOutcome(res: Envelope<OrderView>): RedeemOutcome {
  if (res.code === 0) return { kind: 'done', order: res.data }
  if (res.code === 'MALL.ADDRESS_INVALID' || res.code === 'MALL.ADDRESS_REQUIRED') {
    return { kind: 'fix', message: res.message, errors: addressErrorsFrom(res.details) }
  }
  if (REFUSALS.test(res.code)) return { kind: 'refused', code: res.code, message: res.message }
  return { kind: 'retry', message: res.message }
}
