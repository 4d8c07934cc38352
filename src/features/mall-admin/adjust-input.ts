import type { MemberPick } from '@cloud/contracts/identity'

/** Checks the points adjustment form; the `points` function applies the same rules. */
export const MAX_ADJUST = 1_000_000

export type Direction = 'add' | 'deduct'

export interface AdjustDraft {
  /** Picked from the member search (name + handle); never typed. */
  member: MemberPick | null
  direction: Direction
  amount: string
  note: string
}

export type AdjustErrors = Partial<Record<'member' | 'amount' | 'note', string>>

export function checkAdjust(d: AdjustDraft): AdjustErrors {
  const errors: AdjustErrors = {}
  if (!d.member) errors.member = '请先搜索并选择学员'
  const n = Number(d.amount)
  if (!/^\d+$/.test(d.amount.trim()) || n < 1 || n > MAX_ADJUST) errors.amount = `请填写 1-${MAX_ADJUST} 的整数`
  const note = d.note.trim()
  if (note.length < 2 || note.length > 100) errors.note = '请写明调整原因（2-100个字），会记入积分流水'
  return errors
}

/** The signed integer sent as `amount`. */
export function signedAmount(d: AdjustDraft): number {
  const n = Number(d.amount.trim())
  return d.direction === 'add' ? n : -n
}
