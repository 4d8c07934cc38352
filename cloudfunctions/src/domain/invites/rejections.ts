import { reject, type Rejection } from '../kernel'

/** Stable invite rejection codes and the Chinese message a page shows for each. */
export const INVITE_MESSAGES = {
  'INVITE.CODE_INVALID': '邀请码格式不正确',
  'INVITE.CODE_NOT_FOUND': '邀请码不存在',
  'INVITE.NOT_MEMBER': '请先打开小程序完成登录',
  'INVITE.SELF': '不能使用自己的邀请码',
  'INVITE.NOT_NEW': '仅新用户可以接受邀请',
  'INVITE.NOT_FIRST_TOUCH': '你已通过其他邀请加入',
  'INVITE.ALREADY_CLAIMED': '你已被其他好友邀请',
  'INVITE.LOOP': '不能接受自己邀请的好友的邀请',
  'INVITE.POSTER_FAILED': '海报生成失败，请稍后重试',
} as const

export type InviteCode = keyof typeof INVITE_MESSAGES

export function rejectInvite(code: InviteCode, details?: Record<string, string | number>): Rejection<InviteCode> {
  return reject(code, INVITE_MESSAGES[code], details)
}
