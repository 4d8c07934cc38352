/**
 * Shipping address rules that need no library: the mall function's schema (address.ts) is built on them and the
 * mini program's address form checks drafts with them (this module imports nothing, so the client imports its
 * values: check-deps rule `client-pure-values`). Lengths count characters (code points), so 2-character Chinese
 * names and long ones with '·' both fit. Phones are mainland mobiles; '+86', spaces and dashes are tolerated and removed.
 */
export interface ShippingAddress {
  name: string
  phone: string
  province: string
  city: string
  /** Some prefecture-level cities (东莞, 中山…) have no district level. */
  district?: string
  detail: string
}

export type AddressField = keyof ShippingAddress

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
export const ADDRESS_LIMITS = { name: 20, region: 20, detail: 120, detailMin: 4, phoneRaw: 20 } as const

export const addressChars = (s: string) => [...s].length

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
}

export const isAddressPhone = (raw: string): boolean => raw.length <= ADDRESS_LIMITS.phoneRaw && MAINLAND_MOBILE.test(normalizePhone(raw))

/** A trimmed text of `min`–`max` characters. */
export const fitsAddressText = (s: string, max: number, min = 1): boolean => {
  const n = addressChars(s.trim())
  return n >= min && n <= max
}

/** The Chinese hint shown next to each field that failed. */
export const ADDRESS_FIELD_HINTS: Readonly<Record<AddressField, string>> = {
  name: `请填写收货人姓名（不超过${ADDRESS_LIMITS.name}个字）`,
  phone: '请填写正确的手机号',
  province: '请选择省份',
  city: '请选择城市',
  district: '请选择区县',
  detail: `请填写详细地址（${ADDRESS_LIMITS.detailMin}-${ADDRESS_LIMITS.detail}个字）`,
}

/** The fields of a draft that break a rule, each with its hint; a blank district counts as left out. */
export function addressFieldErrors(draft: ShippingAddress): Partial<Record<AddressField, string>> {
  const errors: Partial<Record<AddressField, string>> = {}
  const { name, region, detail, detailMin } = ADDRESS_LIMITS
  if (!fitsAddressText(draft.name, name)) errors.name = ADDRESS_FIELD_HINTS.name
  if (!isAddressPhone(draft.phone)) errors.phone = ADDRESS_FIELD_HINTS.phone
  if (!fitsAddressText(draft.province, region)) errors.province = ADDRESS_FIELD_HINTS.province
  if (!fitsAddressText(draft.city, region)) errors.city = ADDRESS_FIELD_HINTS.city
  if (draft.district?.trim() && !fitsAddressText(draft.district, region)) errors.district = ADDRESS_FIELD_HINTS.district
  if (!fitsAddressText(draft.detail, detail, detailMin)) errors.detail = ADDRESS_FIELD_HINTS.detail
  return errors
}
