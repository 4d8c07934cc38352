import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { planReview, reviewId } from '@cloud/domain/review'
import { applied, input, makeCheckin, okOf, period, scope, sh, TEACHER, TEACHER2, voiceOf } from './fixtures'

const reviewedAt = sh('2026-12-29 10:30')

describe('planReview: a fresh review', () => {
  const checkin = makeCheckin(sh('2026-12-29 08:00'))
  const plan = okOf(planReview(checkin, scope(), TEACHER, input(), null, reviewedAt))

  it('should insert a review whose _id is derived from the check-in and its round', () => {
    expect(plan.kind).toBe('create')
    expect(plan.review._id).toBe(reviewId(checkin._id, 0))
    expect(plan.review).toMatchObject({ reviewerId: TEACHER._id, reviewerName: '王老师', outcome: 'reviewed', round: 0 })
  })

  it('should store the score with its scale', () => expect(plan.review.score).toEqual({ scale: 'stars5', value: 4 }))

  it('should record how long the check-in waited', () => expect(plan.review.waitMinutes).toBe(150))

  it('should mark the check-in reviewed, guarded by the state it was read in', () => {
    expect(plan.checkinPatch).toEqual({ reviewStatus: 'reviewed' })
    expect(plan.checkinGuard).toEqual({ reviewStatus: 'pending', redoCount: 0 })
  })

  it('should plan one notification and one stats increment', () => {
    expect(plan.notification?.memberId).toBe(checkin.memberId)
    expect(plan.stats?.docId).toBe('stats:oTeacher_1:2026-12-29')
  })

  it('should accept a voice-only review', () => {
    const voice = { fileId: voiceOf(TEACHER._id), durationSec: 60 }
    expect(okOf(planReview(checkin, scope(), TEACHER, input({ comment: '', score: null, voice }), null, reviewedAt)).review.voice).toEqual(
      voice,
    )
  })

  it('should let an admin review any period', () => {
    const admin = { _id: 'oAdmin_1', roles: ['member' as const, 'admin' as const], nickname: '运营' }
    expect(planReview(checkin, scope(), admin, input(), null, reviewedAt).ok).toBe(true)
  })
})

describe('planReview: first review wins', () => {
  const checkin = makeCheckin()
  const first = okOf(planReview(checkin, scope(), TEACHER, input(), null, reviewedAt))

  it('should give both teachers the same insert key when they plan concurrently', () => {
    const second = okOf(planReview(checkin, scope(), TEACHER2, input({ comment: '很好' }), null, reviewedAt + 1000))
    expect(second.review._id).toBe(first.review._id)
  })

  it("should answer the loser's re-plan with ALREADY_REVIEWED naming the winner", () => {
    const loser = planReview(checkin, scope(), TEACHER2, input(), first.review, reviewedAt + 1000)
    expect(loser).toMatchObject({
      ok: false,
      code: 'REVIEW.ALREADY_REVIEWED',
      message: '这份打卡已被王老师点评',
      details: { reviewer: publicIdOf(TEACHER._id), reviewerName: '王老师' },
    })
  })

  it("should treat the winner's own retry as an edit, not a second review", () => {
    const retry = okOf(planReview(applied(checkin, first.checkinPatch), scope(), TEACHER, input(), first.review, reviewedAt + 1000))
    expect(retry.kind).toBe('edit')
    expect(retry.notification).toBeNull()
    expect(retry.stats).toBeNull()
  })
})

describe('planReview: editing', () => {
  // Cut-off 00:00: the review was written at 23:00 Shanghai on 2026-12-29.
  const checkin = { ...makeCheckin(), reviewStatus: 'reviewed' as const }
  const written = okOf(planReview(makeCheckin(), scope(), TEACHER, input(), null, sh('2026-12-29 23:00'))).review
  const edit = input({ edit: true, comment: '改一下评语' })

  it('should let the author edit until 23:59:59.999 the same day', () => {
    const plan = okOf(planReview(checkin, scope(), TEACHER, edit, written, sh('2026-12-29 23:59:59.999')))
    expect(plan.reviewPatch).toMatchObject({ comment: '改一下评语', editedAt: sh('2026-12-29 23:59:59.999') })
    expect(plan.review.reviewedAt).toBe(sh('2026-12-29 23:00'))
  })

  it('should refuse the edit at 00:00 the next day', () =>
    expect(planReview(checkin, scope(), TEACHER, edit, written, sh('2026-12-30 00:00'))).toMatchObject({
      code: 'REVIEW.EDIT_WINDOW_PASSED',
    }))

  it("should honour the period's later cut-off for the edit window", () => {
    const late = { ...period, cutoffMinutes: 120 }
    const w = okOf(planReview(makeCheckin(), scope(late), TEACHER, input(), null, sh('2026-12-29 23:00'))).review
    expect(planReview(checkin, scope(late), TEACHER, edit, w, sh('2026-12-30 01:59')).ok).toBe(true)
  })

  it("should refuse another teacher's edit with NOT_AUTHOR", () =>
    expect(planReview(checkin, scope(), TEACHER2, edit, written, sh('2026-12-29 23:10'))).toMatchObject({ code: 'REVIEW.NOT_AUTHOR' }))

  it('should not notify again or count the review twice', () => {
    const plan = okOf(planReview(checkin, scope(), TEACHER, edit, written, sh('2026-12-29 23:10')))
    expect([plan.notification, plan.stats]).toEqual([null, null])
  })
})

describe('planReview: score scales', () => {
  const checkin = makeCheckin()

  it('should take A/B/C on a grade camp', () =>
    expect(okOf(planReview(checkin, scope(period, 'abc'), TEACHER, input({ score: 'C' }), null, reviewedAt)).review.score).toEqual({
      scale: 'abc',
      value: 'C',
    }))

  it('should refuse stars on a grade camp', () =>
    expect(planReview(checkin, scope(period, 'abc'), TEACHER, input({ score: 5 }), null, reviewedAt)).toMatchObject({
      code: 'REVIEW.INVALID_SCORE',
    }))
})
