import { reject, type Rejection } from '../kernel'

/** Expected failures of camp rules: stable codes, Chinese messages shown as is (see ../points/rejection.ts for the shape). */
export const CAMP_MESSAGES = {
  'CAMP.NOT_FOUND': '打卡营不存在',
  'CAMP.PERIOD_NOT_FOUND': '该期不存在',
  'CAMP.PERIOD_DRAFT': '该期尚未发布',
  'CAMP.PERIOD_CLOSED': '该期已结营',
  'CAMP.PERIOD_NOT_STARTED': '该期还没开始，请在开营后打卡',
  'CAMP.PERIOD_ENDED': '该期已结束',
  'CAMP.PERIOD_NOT_ENDED': '该期尚未结束',
  'CAMP.JOIN_CLOSED': '该期已停止报名',
  'CAMP.FULL': '该期名额已满',
  'CAMP.ALREADY_JOINED': '你已加入该期',
  'CAMP.INVITE_CODE_REQUIRED': '请输入邀请码',
  'CAMP.INVITE_CODE_WRONG': '邀请码不正确',
  'CAMP.GROUP_REQUIRED': '请从打卡群内打开小程序后加入',
  'CAMP.GROUP_MISMATCH': '你不在该期的打卡群中',
  'CAMP.GROUP_UNRESOLVED': '未能识别当前群聊，请在群聊里重新打开本期卡片',
  'CAMP.GROUP_LIMIT': '本期绑定的群已达上限',
  'CAMP.GROUP_NOT_BOUND': '该群没有绑定本期',
  'CAMP.GROUP_LAST': '按群加入的期次至少要保留一个打卡群',
  'CAMP.GROUP_REQUIRED_TO_PUBLISH': '按群加入的期次需要先在打卡群里绑定群聊，再发布',
  'CAMP.NOT_JOINED': '你还没有加入该期',
  'CAMP.OUTSIDE_WINDOW': '现在不在打卡时间内',
  'CAMP.ALREADY_CHECKED_IN': '今天已经打过卡了',
  'CAMP.CONTENT_EMPTY': '请填写打卡内容',
  'CAMP.CONTENT_TYPE_NOT_ALLOWED': '本期不支持这种打卡形式',
  'CAMP.TEXT_TOO_LONG': '文字不能超过 1000 字',
  'CAMP.TOO_MANY_IMAGES': '最多上传 9 张图片',
  'CAMP.IMAGE_TOO_LARGE': '图片不能超过 10 MB，请压缩后再上传',
  'CAMP.VOICE_TOO_LONG': '语音不能超过 60 秒',
  'CAMP.VOICE_INVALID': '语音时长不正确',
  'CAMP.FOREIGN_FILE': '只能使用自己上传的文件',
  'CAMP.CONTENT_RISKY': '内容未通过安全检查，请修改后再提交',
  'CAMP.CHECKIN_NOT_FOUND': '没有找到这次打卡',
  'CAMP.CERTIFICATE_NOT_READY': '完成本期打卡后才能领取结营证书',
  'CAMP.NOT_AUTHOR': '只能修改自己的打卡',
  'CAMP.EDIT_DAY_PASSED': '只能在打卡当天修改',
  'CAMP.ALREADY_REVIEWED': '老师已点评，不能再修改',
  'CAMP.MAKEUP_NOT_EDITABLE': '补卡记录不能修改',
  'CAMP.MAKEUP_DISABLED': '本期不支持补卡',
  'CAMP.MAKEUP_DAY_INVALID': '该日期不在本期内',
  'CAMP.MAKEUP_FUTURE': '不能为未来的日期补卡',
  'CAMP.MAKEUP_TODAY': '今天请直接打卡',
  'CAMP.MAKEUP_BEFORE_JOIN': '不能为加入之前的日期补卡',
  'CAMP.MAKEUP_TOO_LATE': '已超过可补卡的期限',
  'CAMP.MAKEUP_ALREADY_CHECKED': '这一天已经打过卡了',
  'CAMP.MAKEUP_LIMIT': '补卡次数已用完',
  'CAMP.MAKEUP_INSUFFICIENT_POINTS': '积分不足，无法补卡',
  'CAMP.REMINDER_PERIOD_OVER': '该期已结束，无需提醒',
  'CAMP.CONFIG_INVALID': '打卡营设置不正确',
  'CAMP.CAPACITY_BELOW_TAKEN': '名额不能少于已报名的人数',
  'CAMP.TEACHER_NOT_FOUND': '没有找到这位老师',
  'CAMP.NOT_A_TEACHER': '请先在角色管理中授予老师角色',
  'CAMP.TOO_MANY_TEACHERS': '每期最多 50 位老师',
} as const

export type CampCode = keyof typeof CAMP_MESSAGES
export type CampRejection = Rejection<CampCode>

export function rejectCamp(code: CampCode, details?: Record<string, string | number>, message?: string): CampRejection {
  return reject(code, message ?? CAMP_MESSAGES[code], details)
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false
}
