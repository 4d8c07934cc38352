import { reject, type Rejection } from '../kernel'

/** Expected failures of teacher review: stable codes, Chinese messages shown as is. */
export const REVIEW_MESSAGES = {
  'REVIEW.NOT_REGISTERED': '请先登录',
  'REVIEW.NOT_TEACHER': '只有老师可以点评',
  'REVIEW.NOT_ASSIGNED': '你不是这份打卡的带班老师',
  'REVIEW.ALREADY_REVIEWED': '这份打卡已被其他老师点评',
  'REVIEW.NOT_FOUND': '点评不存在',
  'REVIEW.NOT_AUTHOR': '只能修改自己的点评',
  'REVIEW.EDIT_WINDOW_PASSED': '只能在点评当天修改',
  'REVIEW.STALE': '打卡已更新，请刷新后再试',
  'REVIEW.NOT_REVIEWABLE': '补卡记录不需要点评',
  'REVIEW.AWAITING_REDO': '已退回重做，请等学员重新提交',
  'REVIEW.PERIOD_CLOSED': '该期已结营，不能再点评',
  'REVIEW.CONTENT_BLOCKED': '该打卡内容未通过安全审核，不能点评',
  'REVIEW.INVALID_SCORE': '评分不符合本营的评分方式',
  'REVIEW.EMPTY': '请填写评语、录制语音或打分',
  'REVIEW.COMMENT_TOO_LONG': '评语不能超过 500 字',
  'REVIEW.COMMENT_RISKY': '评语未通过安全检查，请修改后再提交',
  'REVIEW.VOICE_INVALID': '语音时长不正确',
  'REVIEW.VOICE_TOO_LONG': '语音点评不能超过 60 秒',
  'REVIEW.FOREIGN_FILE': '只能使用自己录制的语音',
  'REVIEW.TOO_MANY_IMAGES': '最多添加 9 张批注图片',
  'REVIEW.FOREIGN_IMAGE': '批注图片无效，请重新批注后再提交',
  'REVIEW.REDO_REASON_REQUIRED': '请填写退回重做的原因',
  'REVIEW.REDO_REASON_TOO_LONG': '退回原因不能超过 100 字',
  'REVIEW.REDO_LIMIT': '这份打卡已经重做过，不能再退回',
  'REVIEW.FEATURE_RETURNED': '退回重做的打卡不能设为精选',
  'REVIEW.NOT_FEATURABLE': '内容审核通过后才能设为精选',
  'REVIEW.NOT_FLAGGED': '这份打卡不在待审核状态',
  'REVIEW.PHRASE_EMPTY': '请填写常用语',
  'REVIEW.PHRASE_TOO_LONG': '常用语不能超过 100 字',
  'REVIEW.PHRASE_LIMIT': '最多保存 30 条常用语',
  'REVIEW.PHRASE_DUPLICATE': '这条常用语已经保存过了',
  'REVIEW.PHRASE_NOT_FOUND': '常用语不存在',
  'REVIEW.PHRASE_ORDER_INVALID': '常用语顺序不正确，请刷新后再试',
  'REVIEW.LEASED': '其他老师正在点评这份打卡',
  'REVIEW.NOT_YOURS': '这份打卡已分配给其他老师',
  'REVIEW.NOT_WAITING': '这份打卡已不在待点评队列中',
  'REVIEW.SLA_RANGE': '日期范围不正确：开始日期不能晚于结束日期，最多 31 天',
} as const

export type ReviewCode = keyof typeof REVIEW_MESSAGES
export type ReviewRejection = Rejection<ReviewCode>

export function rejectReview(code: ReviewCode, details?: Record<string, string | number>, message?: string): ReviewRejection {
  return reject(code, message ?? REVIEW_MESSAGES[code], details)
}
