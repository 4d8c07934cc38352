import type { AdminMaterialView, MaterialCreateInput } from '@cloud/contracts/materials'
import type { Grade, Subject } from '@cloud/domain/identity'
import type { MaterialFile, UnlockKind } from '@cloud/domain/materials'

/** The server's MAX_INVITES_TO_UNLOCK (domain/materials, checked again by the schema); the client imports cloud types only. */
const MAX_INVITES_TO_UNLOCK = 50

/** The form's state: text as typed, choices as picked, files already uploaded. */
export interface MaterialDraft {
  title: string
  description: string
  subject: Subject | ''
  grades: Grade[]
  cover: string | null
  files: MaterialFile[]
  ruleKind: UnlockKind
  cost: string
  classId: string
  /** Friends to invite, for an `invites` rule. */
  inviteCount: string
  onShelf: boolean
}

export type DraftErrors = Partial<Record<'title' | 'subject' | 'grades' | 'files' | 'cost' | 'classId' | 'inviteCount', string>>

export const emptyDraft = (): MaterialDraft => ({
  title: '',
  description: '',
  subject: '',
  grades: [],
  cover: null,
  files: [],
  ruleKind: 'free',
  cost: '',
  classId: '',
  inviteCount: '',
  onShelf: false,
})

export function draftOf(m: AdminMaterialView): MaterialDraft {
  return {
    title: m.title,
    description: m.description,
    subject: m.subject,
    grades: m.grades,
    cover: m.cover,
    files: m.files,
    ruleKind: m.rule.kind,
    cost: m.rule.kind === 'points' ? String(m.rule.cost) : '',
    classId: m.rule.kind === 'signup' ? (m.rule.classId ?? '') : '',
    inviteCount: m.rule.kind === 'invites' ? String(m.rule.count) : '',
    onShelf: m.onShelf,
  }
}

function ruleOf(d: MaterialDraft, errors: DraftErrors): MaterialCreateInput['rule'] {
  if (d.ruleKind === 'points') {
    const cost = Number(d.cost)
    if (!/^\d+$/.test(d.cost.trim()) || cost < 1 || cost > 100_000) errors.cost = '请填写 1–100000 的整数积分'
    return { kind: 'points', cost }
  }
  if (d.ruleKind === 'signup') {
    const classId = d.classId.trim()
    if (classId && !/^[A-Za-z0-9_.-]{1,80}$/.test(classId)) errors.classId = '课程编号只能包含字母、数字、_ . -'
    return { kind: 'signup', classId: classId || null }
  }
  if (d.ruleKind === 'invites') {
    const count = Number(d.inviteCount)
    if (!/^\d+$/.test(d.inviteCount.trim()) || count < 1 || count > MAX_INVITES_TO_UNLOCK)
      errors.inviteCount = `请填写 1–${MAX_INVITES_TO_UNLOCK} 的整数人数`
    return { kind: 'invites', count }
  }
  return { kind: 'free' }
}

/** The create input (also sent whole as an edit's patch), or the first problems to show next to their fields. */
export function toInput(d: MaterialDraft): { ok: true; input: MaterialCreateInput } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {}
  const title = d.title.trim()
  if (!title) errors.title = '请填写资料名称'
  else if ([...title].length > 40) errors.title = '资料名称不超过 40 个字'
  if (!d.subject) errors.subject = '请选择学科'
  if (d.grades.length === 0) errors.grades = '请至少选择一个年级'
  if (d.files.length === 0) errors.files = '请至少上传一个文件'
  const rule = ruleOf(d, errors)
  if (Object.keys(errors).length > 0 || !d.subject) return { ok: false, errors }
  const input: MaterialCreateInput = {
    title,
    description: d.description.trim(),
    subject: d.subject,
    grades: d.grades,
    cover: d.cover,
    files: d.files,
    rule,
    onShelf: d.onShelf,
  }
  return { ok: true, input }
}
