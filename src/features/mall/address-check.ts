/**
 * Client-side hints for the shipping address: the mall function's own rules (domain/mall/address-rules.ts, a module
 * with no imports). The function validates again and answers MALL.ADDRESS_INVALID with per-field hints in `details`.
 */
import {
  ADDRESS_FIELD_HINTS,
  addressFieldErrors,
  normalizePhone,
  type AddressField,
  type ShippingAddress,
} from '@cloud/domain/mall/address-rules'

export type AddressDraft = ShippingAddress
export type { AddressField }
export type AddressErrors = Partial<Record<AddressField, string>>

export const EMPTY_ADDRESS: AddressDraft = { name: '', phone: '', province: '', city: '', district: '', detail: '' }

export const ADDRESS_HINTS = ADDRESS_FIELD_HINTS
export { normalizePhone }

export const checkAddress = (draft: AddressDraft): AddressErrors => addressFieldErrors(draft)

/** What is sent: trimmed, phone normalised, an empty district left out (some cities have none). */
export function toAddressInput(draft: AddressDraft): AddressDraft {
  const district = draft.district?.trim()
  const base = {
    name: draft.name.trim(),
    phone: normalizePhone(draft.phone),
    province: draft.province.trim(),
    city: draft.city.trim(),
    detail: draft.detail.trim(),
  }
  return district ? { ...base, district } : base
}

/** Server hints (`details` of MALL.ADDRESS_INVALID) as field errors; unknown keys are ignored. */
export function addressErrorsFrom(details: unknown): AddressErrors {
  if (!details || typeof details !== 'object') return {}
  const errors: AddressErrors = {}
  for (const [key, value] of Object.entries(details)) {
    if (key in ADDRESS_HINTS && typeof value === 'string') errors[key as AddressField] = value
  }
  return errors
}
