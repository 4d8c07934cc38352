import { reject, type Rejection } from '../kernel/rejection'

/** The points ledger's expected failures (the shape is the shared kernel's, ../kernel/rejection.ts). */

export const POINTS_MESSAGES = {
  'POINTS.INSUFFICIENT': '积分不足',
  'POINTS.INVALID_AMOUNT': '积分数量不正确',
  'POINTS.REASON_SIGN': '积分变动方向与原因不符',
  'POINTS.INVALID_REASON': '不支持的积分变动原因',
  'POINTS.KEY_CONFLICT': '该请求已处理，且内容与之前不同',
  'POINTS.NOT_REVERSIBLE': '该记录不能冲正',
} as const

export type PointsCode = keyof typeof POINTS_MESSAGES

export function rejectPoints(code: PointsCode, details?: Record<string, string | number>, message?: string): Rejection<PointsCode> {
  return reject(code, message ?? POINTS_MESSAGES[code], details)
}
