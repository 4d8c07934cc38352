import { reject, type Rejection } from '../kernel'

/** Stable analytics rejection codes and the Chinese message an operator page shows for each. */
export const ANALYTICS_MESSAGES = {
  'ANALYTICS.PERIOD_NOT_FOUND': '期次不存在',
  'ANALYTICS.NOT_ENROLLED': '该学员没有参加这一期',
  'ANALYTICS.ALREADY_RECORDED': '该学员本期已登记过付费转化，如需修改请使用更正',
  'ANALYTICS.CONVERSION_NOT_FOUND': '该学员本期还没有付费转化记录',
  'ANALYTICS.ROUND_NOT_SET': '该轮转化尚未设置',
  'ANALYTICS.ROUNDS_INVALID': '转化轮次设置有误：每轮须有名称，开始日期须依次递增',
  'ANALYTICS.REFRESH_TOO_SOON': '刚刚已刷新过，请一分钟后再试',
  'ANALYTICS.NOTHING_TO_CORRECT': '没有要更正的内容',
} as const

export type AnalyticsCode = keyof typeof ANALYTICS_MESSAGES

export function rejectAnalytics(code: AnalyticsCode, details?: Record<string, string | number>): Rejection<AnalyticsCode> {
  return reject(code, ANALYTICS_MESSAGES[code], details)
}
