import { planEdit } from '@cloud/domain/camp'
import { featuredAwardKey, featuredBonusOf, planFeature, planReview, reviewId, DEFAULT_FEATURED_BONUS } from '@cloud/domain/review'
import { featuredKey } from '@cloud/domain/points'
import { applied, input, makeCheckin, okOf, period, scope, sh, TEACHER, TEACHER2, textOnly } from './fixtures'

const day1 = sh('2026-12-29 08:00')

describe('return for redo', () => {
  const checkin = makeCheckin(day1)
  const returnPlan = okOf(
    planReview(checkin, scope(), TEACHER, input({ score: null, redoReason: '请把第二段重读一遍' }), null, sh('2026-12-29 09:00')),
  )
  const returned = applied(checkin, returnPlan.checkinPatch)

  it('should set the check-in returned and keep the reason on the review', () => {
    expect(returned.reviewStatus).toBe('returned')
    expect(returnPlan.review).toMatchObject({ outcome: 'returned', redoReason: '请把第二段重读一遍' })
  })

  it('should let the member resubmit once, days later, keeping the original day', () => {
    const redo = okOf(planEdit(period, returned, returned.memberId, textOnly('重做了'), sh('2026-12-31 20:00')))
    expect(redo.redo).toBe(true)
    expect(redo.checkin).toMatchObject({ day: '2026-12-29', reviewStatus: 'pending', redoCount: 1 })
  })

  it('should review the redo under a new round key, with the wait counted from the resubmission', () => {
    const redone = okOf(planEdit(period, returned, returned.memberId, textOnly('重做了'), sh('2026-12-31 20:00'))).checkin
    const plan = okOf(planReview(redone, scope(), TEACHER2, input(), null, sh('2026-12-31 20:30')))
    expect(plan.review._id).toBe(reviewId(checkin._id, 1))
    expect(plan.review.waitMinutes).toBe(30)
  })

  it('should un-feature a featured check-in when returning it', () => {
    const featured = { ...checkin, featured: true, featuredAt: day1 }
    const plan = okOf(planReview(featured, scope(), TEACHER, input({ redoReason: '重做' }), null, sh('2026-12-29 09:00')))
    expect(plan.checkinPatch).toMatchObject({ featured: false, featuredAt: null, reviewStatus: 'returned' })
  })

  it('should let the author turn the return back into a normal review the same day', () => {
    const plan = okOf(planReview(returned, scope(), TEACHER, input({ edit: true }), returnPlan.review, sh('2026-12-29 10:00')))
    expect(plan.checkinPatch).toEqual({ reviewStatus: 'reviewed' })
    expect(plan.review.redoReason).toBeNull()
  })
})

describe('featured bonus', () => {
  const checkin = makeCheckin(day1)
  const at = sh('2026-12-29 09:00')

  it('should pay the bonus through the ledger key of the check-in', () => {
    const plan = okOf(planReview(checkin, scope(), TEACHER, input({ featured: true }), null, at))
    expect(plan.awards).toEqual([
      { key: featuredAwardKey(checkin), memberId: checkin.memberId, reason: 'featured', amount: DEFAULT_FEATURED_BONUS, ref: checkin._id },
    ])
    expect(featuredAwardKey(checkin)).toBe(featuredKey('period1.2026-12-29.oMember_001'))
  })

  it('should plan the same key under repeated planning, so the ledger pays exactly once', () => {
    const keys = [1, 2, 3].map(() => okOf(planFeature(checkin, period, TEACHER, true, at)).award?.key)
    expect(new Set(keys)).toEqual(new Set([featuredAwardKey(checkin)]))
  })

  it('should plan no award once the check-in is featured', () => {
    const featured = applied(checkin, okOf(planFeature(checkin, period, TEACHER, true, at)).checkinPatch)
    expect(okOf(planFeature(featured, period, TEACHER2, true, at + 1)).award).toBeNull()
    expect(okOf(planReview(featured, scope(), TEACHER, input({ featured: true }), null, at + 1)).awards).toEqual([])
  })

  it('should never claw back on un-feature, and re-featuring reuses the spent key', () => {
    const featured = applied(checkin, okOf(planFeature(checkin, period, TEACHER, true, at)).checkinPatch)
    const off = okOf(planFeature(featured, period, TEACHER, false, at + 1))
    expect(off).toMatchObject({ award: null, checkinPatch: { featured: false, featuredAt: null } })
    const again = okOf(planFeature(applied(featured, off.checkinPatch), period, TEACHER, true, at + 2))
    expect(again.award?.key).toBe(featuredAwardKey(checkin))
  })

  it('should change nothing when featuring an already featured check-in', () => {
    const featured = { ...checkin, featured: true, featuredAt: at }
    expect(okOf(planFeature(featured, period, TEACHER, true, at + 1))).toMatchObject({ changed: false, checkinPatch: {} })
  })

  it("should take the bonus from the period's points rules when they carry one", () => {
    const rich = { ...period, points: { ...period.points, featuredBonus: 50 } }
    expect(featuredBonusOf(rich)).toBe(50)
    expect(okOf(planFeature(checkin, rich, TEACHER, true, at)).award?.amount).toBe(50)
  })

  it('should pay nothing when the bonus is set to 0', () => {
    const none = { ...period, points: { ...period.points, featuredBonus: 0 } }
    expect(okOf(planFeature(checkin, none, TEACHER, true, at)).award).toBeNull()
  })
})
