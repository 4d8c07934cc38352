import { z } from 'zod'
import type { Rejection } from '../kernel'
import { rejectMall } from './rejections'

/**
 * Shipping addresses for physical items. Lengths count characters (code points), so 2-character Chinese names
 * and long ones with '·' both fit. Phones are mainland mobiles; '+86', spaces and dashes are tolerated and removed.
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

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
export const ADDRESS_LIMITS = { name: 20, region: 20, detail: 120, detailMin: 4 } as const

const chars = (s: string) => [...s].length
const trimmed = (max: number, min = 1) =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => chars(s) >= min && chars(s) <= max)

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
}

export const AddressSchema = z
  .object({
    name: trimmed(ADDRESS_LIMITS.name),
    phone: z
      .string()
      .max(20)
      .transform(normalizePhone)
      .refine((p) => MAINLAND_MOBILE.test(p)),
    province: trimmed(ADDRESS_LIMITS.region),
    city: trimmed(ADDRESS_LIMITS.region),
    district: trimmed(ADDRESS_LIMITS.region).optional(),
    detail: trimmed(ADDRESS_LIMITS.detail, ADDRESS_LIMITS.detailMin),
  })
  .strict()

/** The Chinese hint shown next to each field that failed. */
export const ADDRESS_FIELD_HINTS: Readonly<Record<keyof ShippingAddress, string>> = {
  name: `请填写收货人姓名（不超过${ADDRESS_LIMITS.name}个字）`,
  phone: '请填写正确的手机号',
  province: '请选择省份',
  city: '请选择城市',
  district: '请选择区县',
  detail: `请填写详细地址（${ADDRESS_LIMITS.detailMin}-${ADDRESS_LIMITS.detail}个字）`,
}

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
