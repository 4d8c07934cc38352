import { reject, type Rejection } from '../kernel'

/** Stable mall rejection codes and the Chinese message a page shows for each. */
export const MALL_MESSAGES = {
  'MALL.ITEM_NOT_FOUND': '商品不存在',
  'MALL.UNLOCK_TARGET_NOT_FOUND': '要解锁的资料不存在',
  'MALL.OFF_SHELF': '该商品已下架',
  'MALL.NOT_STARTED': '兑换尚未开始',
  'MALL.ENDED': '兑换已结束',
  'MALL.SOLD_OUT': '商品已兑完',
  'MALL.LIMIT_REACHED': '已达到每人兑换上限',
  'MALL.ADDRESS_REQUIRED': '请填写收货地址',
  'MALL.ADDRESS_INVALID': '收货地址填写有误',
  'MALL.ORDER_NOT_FOUND': '订单不存在',
  'MALL.ORDER_STATE': '订单当前状态不能进行该操作',
  'MALL.ORDER_FORBIDDEN': '无权操作该订单',
} as const

export type MallCode = keyof typeof MALL_MESSAGES

export function rejectMall(code: MallCode, details?: Record<string, string | number>, message?: string): Rejection<MallCode> {
  return reject(code, message ?? MALL_MESSAGES[code], details)
}
