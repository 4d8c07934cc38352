import type { ContentType, EntryRule } from '@cloud/domain/camp'

/**
 * Choices of the camp admin forms with their labels (grades and subjects: shared/options). The codes and labels live
 * in the cloud domain, which the mini program may import as types only; `satisfies` keeps these lists in step.
 */
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
