/** Checks the points adjustment form; the `points` function applies the same rules. */
export const MAX_ADJUST = 1_000_000
const MEMBER_ID = /^[A-Za-z0-9_.-]{1,64}$/

export type Direction = 'add' | 'deduct'

export interface AdjustDraft {
  memberId: string
  direction: Direction
  amount: string
  note: string
}

export type AdjustErrors = Partial<Record<'memberId' | 'amount' | 'note', string>>

export function checkAdjust(d: AdjustDraft): AdjustErrors {
  const errors: AdjustErrors = {}
  if (!MEMBER_ID.test(d.memberId.trim())) errors.memberId = '请填写学员编号（openid）'
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
