import { changedFields } from '@/shared/patch'
import type { z } from 'zod'
import type { CampInputSchema } from '@cloud/contracts/camp'
import type { AdminCampSetup } from '@cloud/contracts/camp-results'
import type { ScoreScale } from '@cloud/domain/camp'
import type { Grade, Subject } from '@cloud/domain/identity'

/** The camp form and its conversion to `createCamp` / `updateCamp`. */
export type CampInput = z.input<typeof CampInputSchema>

export interface CampFormValues {
  title: string
  subject: Subject
  gradeTags: Grade[]
  coverFileId: string
  description: string
  scoreScale: ScoreScale
}

export type CampFormErrors = Partial<Record<keyof CampFormValues, string>>

export const EMPTY_CAMP_FORM: CampFormValues = {
  title: '',
  subject: 'english',
  gradeTags: [],
  coverFileId: '',
  description: '',
  scoreScale: 'stars5',
}

export function validateCampForm(v: CampFormValues): CampFormErrors {
  const e: CampFormErrors = {}
  const title = v.title.trim()
  if (!title || title.length > 40) e.title = '请填写打卡营名称（不超过40个字）'
  if (!v.coverFileId) e.coverFileId = '请上传封面图'
  if (v.description.length > 2000) e.description = '介绍不超过2000个字'
  return e
}

export function toCampInput(v: CampFormValues): CampInput {
  return {
    title: v.title.trim(),
    subject: v.subject,
    gradeTags: v.gradeTags,
    coverFileId: v.coverFileId,
    description: v.description.trim(),
    scoreScale: v.scoreScale,
  }
}

/** Only the fields that changed against the saved camp. */
export function toCampPatch(v: CampFormValues, original: CampFormValues): Partial<CampInput> {
  return changedFields(toCampInput(v), toCampInput(original))
}

export function valuesFromCamp(c: AdminCampSetup): CampFormValues {
  return {
    title: c.title,
    subject: c.subject as Subject,
    gradeTags: c.gradeTags as Grade[],
    coverFileId: c.coverFileId,
    description: c.description,
    scoreScale: c.scoreScale,
  }
}
