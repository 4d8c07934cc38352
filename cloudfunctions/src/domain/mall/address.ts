import { z } from 'zod'
import type { Rejection } from '../kernel'
import { rejectMall } from './rejections'
import { ADDRESS_FIELD_HINTS, ADDRESS_LIMITS, fitsAddressText, isAddressPhone, normalizePhone, type ShippingAddress } from './address-rules'

export { ADDRESS_FIELD_HINTS, ADDRESS_LIMITS, MAINLAND_MOBILE, normalizePhone, type ShippingAddress } from './address-rules'

const trimmed = (max: number, min = 1) =>
  z
    .string()
    .refine((s) => fitsAddressText(s, max, min))
    .transform((s) => s.trim())

export const AddressSchema = z
  .object({
    name: trimmed(ADDRESS_LIMITS.name),
    phone: z.string().refine(isAddressPhone).transform(normalizePhone),
    province: trimmed(ADDRESS_LIMITS.region),
    city: trimmed(ADDRESS_LIMITS.region),
    district: trimmed(ADDRESS_LIMITS.region).optional(),
    detail: trimmed(ADDRESS_LIMITS.detail, ADDRESS_LIMITS.detailMin),
  })
  .strict()

export type AddressCheck = { ok: true; address: ShippingAddress } | Rejection<'MALL.ADDRESS_REQUIRED' | 'MALL.ADDRESS_INVALID'>

/** Missing → ADDRESS_REQUIRED; present but wrong → ADDRESS_INVALID with a hint per failed field in `details`. */
export function validateAddress(input: unknown): AddressCheck {
  if (input === undefined || input === null) return rejectMall('MALL.ADDRESS_REQUIRED') as Rejection<'MALL.ADDRESS_REQUIRED'>
  const parsed = AddressSchema.safeParse(input)
  if (parsed.success) {
    const { district, ...rest } = parsed.data
    return { ok: true, address: district ? { ...rest, district } : rest }
  }
  const details: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (typeof field === 'string' && field in ADDRESS_FIELD_HINTS) details[field] = ADDRESS_FIELD_HINTS[field as keyof ShippingAddress]
    else details._ = '地址包含无法识别的内容'
  }
  return rejectMall('MALL.ADDRESS_INVALID', details) as Rejection<'MALL.ADDRESS_INVALID'>
}
