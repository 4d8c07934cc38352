import { reject, type Rejection } from '../kernel'

/** Expected failures of the community layer (teams, roles, tiers, badges): stable codes, Chinese messages shown as is. */
export const TEAM_MESSAGES = {
  'TEAM.SIZE_INVALID': '每队人数需在 2 到 200 人之间',
  'TEAM.TOO_MANY': '一期最多分 100 个小队',
  'TEAM.NAME_INVALID': '队名需为 1 到 12 个字',
  'TEAM.NAME_TAKEN': '已有同名小队',
  'TEAM.NOT_FOUND': '小队不存在',
  'TEAM.NOT_MEMBER': '该学员不在这个小队',
  'TEAM.ROLE_TAKEN': '这个小队的该职务已满',
  'TEAM.NO_MEMBERS': '本期还没有学员，暂不能分队',
  'TEAM.PERIOD_NOT_FOUND': '期次不存在',
  'TEAM.ALREADY_SPLIT': '本期已经分过队',
  'TEAM.NOT_SPLIT': '本期还没有分队',
  'TEAM.NO_TEAM': '你还没有加入小队',
  'TEAM.NOT_LEADER': '只有组长或学习委员可以查看本队',
  'TEAM.NOT_CHECKIN_DAY': '今天不是本期的打卡日，无需提醒',
  'TEAM.NOT_ENROLLED': '该学员没有报名本期',
  'TEAM.TIERS_INVALID': '连续打卡加成的天数需递增且不超过本期天数，倍数需递增且在 1 到 3 倍之间',
  'TEAM.BADGE_POINTS_INVALID': '徽章积分需为 0 到 1000 的整数，且只能设置本期可获得的徽章',
} as const

export type TeamCode = keyof typeof TEAM_MESSAGES
export type TeamRejection = Rejection<TeamCode>

export const rejectTeam = (code: TeamCode, details?: Record<string, string | number>): TeamRejection =>
  reject(code, TEAM_MESSAGES[code], details)

/** Expected failures of the learning report. */
export const REPORT_MESSAGES = {
  'COMMUNITY.REPORT_NOT_READY': '报告将在本期结束后生成',
  'COMMUNITY.PERIOD_NOT_FOUND': '期次不存在',
  'COMMUNITY.NOT_ENROLLED': '没有报名本期',
  'COMMUNITY.MEMBER_NOT_FOUND': '没有找到这位学员',
  'COMMUNITY.CURSOR_INVALID': '列表已变化，请刷新后重试',
} as const

export type ReportCode = keyof typeof REPORT_MESSAGES
export type ReportRejection = Rejection<ReportCode>

export const rejectReport = (code: ReportCode): ReportRejection => reject(code, REPORT_MESSAGES[code])

/** Expected failures of the 日签 (daily share card). */
export const DAY_CARD_MESSAGES = {
  'COMMUNITY.DAY_CARD_NOT_CHECKED': '这一天还没有打卡，打卡后才能生成日签',
  'COMMUNITY.DAY_CARD_QR_FAILED': '日签的小程序码生成失败，请稍后重试',
  // The same codes as the report's: one wording each.
  'COMMUNITY.PERIOD_NOT_FOUND': REPORT_MESSAGES['COMMUNITY.PERIOD_NOT_FOUND'],
  'COMMUNITY.NOT_ENROLLED': REPORT_MESSAGES['COMMUNITY.NOT_ENROLLED'],
} as const

export type DayCardCode = keyof typeof DAY_CARD_MESSAGES
export type DayCardRejection = Rejection<DayCardCode>

export const rejectDayCard = (code: DayCardCode): DayCardRejection => reject(code, DAY_CARD_MESSAGES[code])
