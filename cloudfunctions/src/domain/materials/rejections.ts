import { reject, type Rejection } from '../kernel'

/** Stable material rejection codes and the Chinese message a page shows for each. */
export const MATERIAL_MESSAGES = {
  'MATERIAL.NOT_FOUND': '资料不存在或已下架',
  'MATERIAL.LOCKED': '请先解锁该资料',
  'MATERIAL.SIGNUP_REQUIRED': '报名免费课后即可解锁该资料',
  'MATERIAL.INVITES_REQUIRED': '邀请的好友人数还不够，好友完成首次打卡或报名免费课后才算数',
  'MATERIAL.FILE_NOT_FOUND': '文件不存在',
  'MATERIAL.FILE_FOREIGN': '文件必须来自本小程序的云存储',
  'MATERIAL.FILE_MISSING': '云存储中找不到该文件，请重新上传',
  'MATERIAL.FILE_DUPLICATE': '同一个文件不能添加两次',
} as const

export type MaterialCode = keyof typeof MATERIAL_MESSAGES

export function rejectMaterial(code: MaterialCode, details?: Record<string, string | number>, message?: string): Rejection<MaterialCode> {
  return reject(code, message ?? MATERIAL_MESSAGES[code], details)
}
