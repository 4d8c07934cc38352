import type { ContentType, EntryRule } from '@cloud/domain/camp'
import type { Grade, Subject } from '@cloud/domain/identity'

/**
 * Choices of the admin forms with their labels. The codes and labels live in the cloud domain, which the mini program
 * may import as types only; `satisfies` keeps these lists in step with the domain's unions.
 */
export const SUBJECT_OPTIONS = [
  { value: 'chinese', label: '语文' },
  { value: 'math', label: '数学' },
  { value: 'english', label: '英语' },
  { value: 'physics', label: '物理' },
  { value: 'chemistry', label: '化学' },
  { value: 'biology', label: '生物' },
  { value: 'reading', label: '阅读' },
  { value: 'art', label: '美术' },
  { value: 'music', label: '音乐' },
  { value: 'other', label: '其他' },
] as const satisfies readonly { value: Subject; label: string }[]

export const GRADE_OPTIONS = [
  { value: 'preschool', label: '学前' },
  { value: 'g1', label: '一年级' },
  { value: 'g2', label: '二年级' },
  { value: 'g3', label: '三年级' },
  { value: 'g4', label: '四年级' },
  { value: 'g5', label: '五年级' },
  { value: 'g6', label: '六年级' },
  { value: 'g7', label: '初一' },
  { value: 'g8', label: '初二' },
  { value: 'g9', label: '初三' },
  { value: 'g10', label: '高一' },
  { value: 'g11', label: '高二' },
  { value: 'g12', label: '高三' },
  { value: 'adult', label: '成人' },
] as const satisfies readonly { value: Grade; label: string }[]

export const CONTENT_OPTIONS = [
  { value: 'text', label: '文字' },
  { value: 'image', label: '图片' },
  { value: 'voice', label: '语音' },
] as const satisfies readonly { value: ContentType; label: string }[]

export const ENTRY_OPTIONS = [
  { value: 'open', label: '自由加入' },
  { value: 'invite_code', label: '邀请码' },
  { value: 'group', label: '群成员' },
] as const satisfies readonly { value: EntryRule['kind']; label: string }[]

export const LENGTH_OPTIONS = [
  { value: '7', label: '7 天' },
  { value: '14', label: '14 天' },
  { value: '21', label: '21 天' },
] as const

/** The business day may turn as late as 06:00 (PeriodInputSchema.cutoffMinutes ≤ 360). */
export const CUTOFF_OPTIONS = [0, 60, 120, 180, 240, 300, 360].map((m) => ({
  value: m,
  label: m === 0 ? '00:00（默认）' : `0${m / 60}:00`,
}))
