/**
 * Client-side hints for the shipping address, the same rules the `mall` function applies (it validates again and
 * answers MALL.ADDRESS_INVALID with per-field hints in `details`). Kept here because the client may import cloud
 * code as types only.
 */
export interface AddressDraft {
  name: string
  phone: string
  province: string
  city: string
  district?: string
  detail: string
}

export type AddressField = keyof AddressDraft
export type AddressErrors = Partial<Record<AddressField, string>>

export const EMPTY_ADDRESS: AddressDraft = { name: '', phone: '', province: '', city: '', district: '', detail: '' }

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
const chars = (s: string) => [...s.trim()].length

export const ADDRESS_HINTS: Readonly<Record<AddressField, string>> = {
  name: '请填写收货人姓名（不超过20个字）',
  phone: '请填写正确的手机号',
  province: '请选择省份',
  city: '请选择城市',
  district: '请选择区县',
  detail: '请填写详细地址（4-120个字）',
}

/** '+86 138-0013-8000' → '13800138000'. */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
}

export function checkAddress(draft: AddressDraft): AddressErrors {
  const errors: AddressErrors = {}
  if (chars(draft.name) < 1 || chars(draft.name) > 20) errors.name = ADDRESS_HINTS.name
  if (!MAINLAND_MOBILE.test(normalizePhone(draft.phone))) errors.phone = ADDRESS_HINTS.phone
  if (chars(draft.province) < 1 || chars(draft.province) > 20) errors.province = ADDRESS_HINTS.province
  if (chars(draft.city) < 1 || chars(draft.city) > 20) errors.city = ADDRESS_HINTS.city
  if (draft.district && chars(draft.district) > 20) errors.district = ADDRESS_HINTS.district
  if (chars(draft.detail) < 4 || chars(draft.detail) > 120) errors.detail = ADDRESS_HINTS.detail
  return errors
}

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
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    if (key in ADDRESS_HINTS && typeof value === 'string') errors[key as AddressField] = value
  }
  return errors
}
