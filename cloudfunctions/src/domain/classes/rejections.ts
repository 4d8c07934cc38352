import { reject, type Rejection } from '../kernel'

/** Stable free-class rejection codes and the Chinese message a page shows for each. */
export const CLASS_MESSAGES = {
  'CLASS.NOT_FOUND': '免费课不存在或已下架',
  'CLASS.SESSION_NOT_FOUND': '该场次不存在',
  'CLASS.SESSION_STARTED': '该场次已开始，不能再报名或取消',
  'CLASS.SESSION_NOT_STARTED': '该场次尚未开始，暂不能记录出勤',
  'CLASS.GRADE_INVALID': '请选择孩子的年级',
  'CLASS.PHONE_REQUIRED': '请先授权手机号',
  'CLASS.PHONE_INVALID': '手机号授权无效，请重新授权',
  'CLASS.PHONE_EXPIRED': '手机号授权已过期，请重新授权',
  'CLASS.ALREADY_SIGNED_UP': '你已报名该免费课的其他场次，如需更换请先取消',
  'CLASS.SIGNUP_NOT_FOUND': '报名记录不存在',
  'CLASS.SIGNUP_STATE': '当前报名状态不能进行该操作',
  'CLASS.AWARD_SPENT': '报名奖励的积分已被使用，暂不能取消报名',
  'CLASS.LEAD_STAGE': '线索不能从当前阶段改到该阶段',
  'CLASS.INVALID': '免费课信息填写有误',
  'CLASS.CAPACITY_BELOW_TAKEN': '名额不能少于已确认的人数',
} as const

export type ClassCode = keyof typeof CLASS_MESSAGES
export type ClassRejection = Rejection<ClassCode>

export function rejectClass(code: ClassCode, details?: Record<string, string | number>, message?: string): ClassRejection {
  return reject(code, message ?? CLASS_MESSAGES[code], details)
}
