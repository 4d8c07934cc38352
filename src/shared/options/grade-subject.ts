import type { Grade, Subject } from '@cloud/domain/identity'

/**
 * Grade and subject choices with their labels, for filters and admin forms. The codes and labels live in the cloud
 * domain, which the mini program may import as types only; `satisfies` keeps these lists in step with its unions.
 */
export const SUBJECT_CHOICES = [
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

export const GRADE_CHOICES = [
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
