import { applyMediaVerdict, planCheckin, planEdit, visibleToOthers, type CheckinDoc } from '@cloud/domain/camp'
import { fileOf, makeEnrollment, makePeriod, MEMBER, OTHER, sh, textOnly } from './fixtures'

const period = makePeriod({ cutoffMinutes: 120 })

function checkinAt(now: number, overrides: Partial<CheckinDoc> = {}): CheckinDoc {
  const plan = planCheckin(period, makeEnrollment(period), null, textOnly(), now, false)
  if (!plan.ok) throw new Error(plan.code)
  return { ...plan.checkin, ...overrides }
}

describe('planEdit', () => {
  const submitted = sh('2026-12-29 21:00')

  it('should let the author edit until the cut-off of the same business day', () => {
    const plan = planEdit(period, checkinAt(submitted), MEMBER, textOnly('改过了'), sh('2026-12-30 01:59'))
    expect(plan).toMatchObject({ ok: true, redo: false, patch: { content: { text: '改过了' }, editedAt: sh('2026-12-30 01:59') } })
  })

  it('should refuse an edit after the business day turned', () =>
    expect(planEdit(period, checkinAt(submitted), MEMBER, textOnly('晚了'), sh('2026-12-30 02:00'))).toMatchObject({
      code: 'CAMP.EDIT_DAY_PASSED',
    }))

  it('should refuse anyone but the author', () =>
    expect(planEdit(period, checkinAt(submitted), OTHER, textOnly('x'), submitted)).toMatchObject({ code: 'CAMP.NOT_AUTHOR' }))

  it('should reset moderation so edited media is hidden until checked', () => {
    const plan = planEdit(
      period,
      checkinAt(submitted),
      MEMBER,
      { content: { text: '', images: [fileOf(MEMBER, 'n.jpg')], voice: null }, textVerdict: 'pass' },
      submitted,
    )
    if (!plan.ok) throw new Error(plan.code)
    expect(plan.patch.moderation).toBe('pending')
    expect(plan.patch.mediaChecks).toEqual([{ fileId: fileOf(MEMBER, 'n.jpg'), verdict: 'pending' }])
  })

  it('should refuse editing once a teacher reviewed it', () =>
    expect(planEdit(period, checkinAt(submitted, { reviewStatus: 'reviewed' }), MEMBER, textOnly('x'), submitted)).toMatchObject({
      code: 'CAMP.ALREADY_REVIEWED',
    }))

  it('should allow one redo of a returned check-in on a later day, keeping its day', () => {
    const returned = checkinAt(submitted, { reviewStatus: 'returned' })
    const plan = planEdit(period, returned, MEMBER, textOnly('重做'), sh('2026-12-31 10:00'))
    if (!plan.ok) throw new Error(plan.code)
    expect(plan).toMatchObject({ redo: true, checkin: { day: '2026-12-29', reviewStatus: 'pending', redoCount: 1 } })
    expect(planEdit(period, { ...plan.checkin, reviewStatus: 'returned' }, MEMBER, textOnly('再做'), sh('2026-12-31 11:00'))).toMatchObject(
      { ok: false },
    )
  })

  it('should check the new content like a check-in', () =>
    expect(planEdit(period, checkinAt(submitted), MEMBER, textOnly('a'.repeat(1001)), submitted)).toMatchObject({
      code: 'CAMP.TEXT_TOO_LONG',
    }))

  it('should refuse editing a make-up', () =>
    expect(planEdit(period, checkinAt(submitted, { makeup: true }), MEMBER, textOnly('x'), submitted)).toMatchObject({
      code: 'CAMP.MAKEUP_NOT_EDITABLE',
    }))
})

describe('media moderation', () => {
  const a = fileOf(MEMBER, 'a.jpg')
  const b = fileOf(MEMBER, 'b.jpg')
  const base = {
    textVerdict: 'pass' as const,
    mediaChecks: [
      { fileId: a, verdict: 'pending' as const, traceId: 't1' },
      { fileId: b, verdict: 'pending' as const, traceId: 't2' },
    ],
  }

  it('should stay pending until every file passed, then pass', () => {
    const first = applyMediaVerdict(base, { traceId: 't1' }, 'pass')
    expect(first?.moderation).toBe('pending')
    const second = applyMediaVerdict({ ...base, ...first! }, { traceId: 't2' }, 'pass')
    expect(second?.moderation).toBe('pass')
    expect(visibleToOthers(second!)).toBe(true)
  })

  it('should become risky as soon as one file is risky', () => {
    expect(applyMediaVerdict(base, { fileId: b }, 'risky')?.moderation).toBe('risky')
  })

  it('should ignore a verdict for a file no longer in the check-in', () => {
    expect(applyMediaVerdict(base, { traceId: 'gone' }, 'risky')).toBeNull()
  })
})
