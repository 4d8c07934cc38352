import { planCheckin, type CheckinDoc, type PeriodDoc } from '@cloud/domain/camp'
import type { Reviewer, ReviewInput, ReviewScope } from '@cloud/domain/review'
import { makeEnrollment, makePeriod, MEMBER, sh, textOnly } from '../camp/fixtures'

export { makeEnrollment, makePeriod, MEMBER, sh, textOnly }

export const TEACHER: Reviewer = { _id: 'oTeacher_1', roles: ['member', 'teacher'], nickname: '王老师' }
export const TEACHER2: Reviewer = { _id: 'oTeacher_2', roles: ['member', 'teacher'], nickname: '李老师' }
export const ADMIN: Reviewer = { _id: 'oAdmin_1', roles: ['member', 'admin'], nickname: '运营' }
export const MEMBER_ACTOR: Reviewer = { _id: MEMBER, roles: ['member'], nickname: '小明' }

/** Both teachers assigned; 第 1 天 = 2026-12-29. */
export const period: PeriodDoc = makePeriod({ teacherIds: [TEACHER._id, TEACHER2._id] })
export const scope = (p: PeriodDoc = period, scoreScale: 'stars5' | 'abc' = 'stars5'): ReviewScope => ({
  period: p,
  camp: { title: '英语晨读打卡营', scoreScale },
})

/** The member's check-in, submitted at `at` (Shanghai), with overrides. */
export function makeCheckin(
  at = sh('2026-12-29 08:00'),
  overrides: Partial<CheckinDoc> = {},
  p: PeriodDoc = period,
  memberId = MEMBER,
): CheckinDoc {
  const plan = planCheckin(p, makeEnrollment(p, {}, memberId), null, textOnly(), at, false)
  if (!plan.ok) throw new Error(plan.code)
  return { ...plan.checkin, moderation: 'pass', ...overrides }
}

export const voiceOf = (teacherId: string, name = 'v.mp3') => `cloud://env-1.6465-env-1-1300000000/reviews/${teacherId}/period1/${name}`

export function input(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return {
    edit: false,
    comment: '读得很流利，注意 th 的发音',
    voice: null,
    annotatedImages: [],
    score: 4,
    redoReason: null,
    commentVerdict: 'pass',
    ...overrides,
  }
}

/** Unwraps an ok plan, failing the test with the code otherwise. */
export function okOf<R extends { ok: true } | { ok: false; code: string }>(result: R): Extract<R, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${(result as { code: string }).code}`)
  return result as Extract<R, { ok: true }>
}

/** The check-in after the I/O layer wrote a plan's patch. */
export const applied = (c: CheckinDoc, patch: Partial<CheckinDoc>): CheckinDoc => ({ ...c, ...patch })
