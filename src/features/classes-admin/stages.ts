import type { LeadStage } from '@cloud/domain/classes'

/** The lead pipeline's stages with their labels (the same labels as LEAD_STAGE_LABELS in the cloud domain). */
export const STAGE_CHOICES = [
  { value: 'new', label: '新线索' },
  { value: 'contacted', label: '已联系' },
  { value: 'booked', label: '已约诊断' },
  { value: 'paid', label: '已付费' },
  { value: 'lost', label: '已流失' },
] as const satisfies readonly { value: LeadStage; label: string }[]

export const stageLabel = (s: LeadStage) => STAGE_CHOICES.find((c) => c.value === s)?.label ?? s
