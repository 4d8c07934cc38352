/**
 * Expected failures are values with a stable dotted code and a Chinese message the page can show as is
 * (they map 1:1 onto the envelope's `{ code, message }`). Only bugs throw.
 */
export interface Rejection<C extends string = string> {
  ok: false
  code: C
  message: string
  details?: Readonly<Record<string, string | number>>
}

export const POINTS_MESSAGES = {
  'POINTS.INSUFFICIENT': '积分不足',
  'POINTS.INVALID_AMOUNT': '积分数量不正确',
  'POINTS.REASON_SIGN': '积分变动方向与原因不符',
  'POINTS.INVALID_REASON': '不支持的积分变动原因',
  'POINTS.KEY_CONFLICT': '该请求已处理，且内容与之前不同',
  'POINTS.NOT_REVERSIBLE': '该记录不能冲正',
} as const

export type PointsCode = keyof typeof POINTS_MESSAGES

export function reject<C extends string>(code: C, message: string, details?: Record<string, string | number>): Rejection<C> {
  return details === undefined ? { ok: false, code, message } : { ok: false, code, message, details }
}

export function rejectPoints(code: PointsCode, details?: Record<string, string | number>, message?: string): Rejection<PointsCode> {
  return reject(code, message ?? POINTS_MESSAGES[code], details)
}

export function isRejection(value: unknown): value is Rejection {
  return !!value && typeof value === 'object' && (value as Rejection).ok === false && typeof (value as Rejection).code === 'string'
}
