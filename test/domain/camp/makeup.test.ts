import { planMakeup, type EnrollmentDoc, type MakeupPlan } from '@cloud/domain/camp'
import { makeEnrollment, makePeriod, MEMBER, sh } from './fixtures'

const period = makePeriod()
/** Checked 12-29, 12-30, missed 12-31, checked 01-01, 01-02; it is now 01-02 evening. */
const gapped = (overrides: Partial<EnrollmentDoc> = {}) =>
  makeEnrollment(period, {
    checkedDays: ['2026-12-29', '2026-12-30', '2027-01-01', '2027-01-02'],
    checkins: 4,
    currentStreak: 2,
    bestStreak: 2,
    ...overrides,
  })
const now = sh('2027-01-02 20:00')

function ok(plan: ReturnType<typeof planMakeup>): MakeupPlan {
  if (!plan.ok) throw new Error(`rejected: ${plan.code}`)
  return plan
}

describe('planMakeup rejections', () => {
  it('should refuse a future day', () =>
    expect(planMakeup(period, gapped(), '2027-01-03', now, 100)).toMatchObject({ code: 'CAMP.MAKEUP_FUTURE' }))

  it('should refuse today, judged by the cut-off', () => {
    expect(planMakeup(period, gapped(), '2027-01-02', now, 100)).toMatchObject({ code: 'CAMP.MAKEUP_TODAY' })
    const late = makePeriod({ cutoffMinutes: 120 })
    const e = makeEnrollment(late)
    expect(planMakeup(late, e, '2026-12-30', sh('2026-12-31 01:30'), 100)).toMatchObject({ code: 'CAMP.MAKEUP_TODAY' })
    expect(planMakeup(late, e, '2026-12-30', sh('2026-12-31 02:00'), 100)).toMatchObject({ ok: true })
  })

  it('should refuse a day before the member joined', () =>
    expect(planMakeup(period, makeEnrollment(period, { joinedDay: '2026-12-31' }), '2026-12-30', now, 100)).toMatchObject({
      code: 'CAMP.MAKEUP_BEFORE_JOIN',
    }))

  it('should refuse a day older than withinDays and accept exactly withinDays back', () => {
    const e = makeEnrollment(period)
    expect(planMakeup(period, e, '2026-12-29', sh('2027-01-02 12:00'), 100)).toMatchObject({ code: 'CAMP.MAKEUP_TOO_LATE' })
    expect(planMakeup(period, e, '2026-12-30', sh('2027-01-02 12:00'), 100)).toMatchObject({ ok: true })
  })

  it('should refuse once maxCount make-ups were used', () =>
    expect(
      planMakeup(period, gapped({ madeUpDays: ['2026-12-29', '2026-12-30'], checkedDays: ['2027-01-01'] }), '2026-12-31', now, 100),
    ).toMatchObject({
      code: 'CAMP.MAKEUP_LIMIT',
    }))

  it('should refuse when the balance cannot pay the cost, and accept an exact balance', () => {
    expect(planMakeup(period, gapped(), '2026-12-31', now, 19)).toMatchObject({
      code: 'CAMP.MAKEUP_INSUFFICIENT_POINTS',
      details: { balance: 19, cost: 20 },
    })
    expect(planMakeup(period, gapped(), '2026-12-31', now, 20)).toMatchObject({ ok: true })
  })

  it('should refuse a day already checked in', () =>
    expect(planMakeup(period, gapped(), '2026-12-30', now, 100)).toMatchObject({ code: 'CAMP.MAKEUP_ALREADY_CHECKED' }))

  it('should refuse days outside the period and impossible dates', () => {
    expect(planMakeup(period, gapped(), '2026-12-28', now, 100)).toMatchObject({ code: 'CAMP.MAKEUP_DAY_INVALID' })
    expect(planMakeup(period, gapped(), '2026-02-30', now, 100)).toMatchObject({ code: 'CAMP.MAKEUP_DAY_INVALID' })
  })

  it('should refuse when the policy disables make-ups', () =>
    expect(planMakeup(makePeriod({ makeup: { ...period.makeup, maxCount: 0 } }), gapped(), '2026-12-31', now, 100)).toMatchObject({
      code: 'CAMP.MAKEUP_DISABLED',
    }))

  it('should refuse non-members, periods not started and closed periods', () => {
    expect(planMakeup(period, null, '2026-12-31', now, 100)).toMatchObject({ code: 'CAMP.NOT_JOINED' })
    expect(planMakeup(period, gapped(), '2026-12-31', sh('2026-12-28 12:00'), 100)).toMatchObject({ code: 'CAMP.PERIOD_NOT_STARTED' })
    expect(planMakeup(makePeriod({ status: 'closed' }), gapped(), '2026-12-31', now, 100)).toMatchObject({ code: 'CAMP.PERIOD_CLOSED' })
  })
})

describe('planMakeup plan', () => {
  it('should debit the cost under the make-up key and write the day as a made-up check-in', () => {
    const plan = ok(planMakeup(period, gapped(), '2026-12-31', now, 100))
    expect(plan.checkin).toMatchObject({
      _id: `checkin:period1:2026-12-31:${MEMBER}`,
      day: '2026-12-31',
      dayIndex: 3,
      makeup: true,
      reviewStatus: 'none',
    })
    expect(plan.awards[0]).toEqual({
      key: `makeup:period1:2026-12-31:${MEMBER}`,
      memberId: MEMBER,
      reason: 'makeup',
      amount: -20,
      ref: plan.checkin._id,
    })
    expect(plan.enrollment).toMatchObject({ madeUpDays: ['2026-12-31'], makeups: 1, checkins: 4, pointsSpent: 20 })
  })

  it('should restore the streak across the filled gap when the policy keeps the streak', () => {
    const plan = ok(planMakeup(period, gapped(), '2026-12-31', now, 100))
    expect(plan.enrollment).toMatchObject({ currentStreak: 5, bestStreak: 5, streakMilestones: [3] })
    expect(plan.awards.map((a) => a.reason)).toEqual(['makeup', 'streak_bonus'])
  })

  it('should fill the calendar but not the streak when the policy does not keep it', () => {
    const noKeep = makePeriod({ makeup: { ...period.makeup, keepsStreak: false } })
    const plan = ok(planMakeup(noKeep, makeEnrollment(noKeep, gapped()), '2026-12-31', now, 100))
    expect(plan.enrollment).toMatchObject({ currentStreak: 2, bestStreak: 2, madeUpDays: ['2026-12-31'], streakMilestones: [] })
    expect(plan.awards.map((a) => a.reason)).toEqual(['makeup'])
  })

  it('should have no debit when make-ups are free', () => {
    const free = makePeriod({ makeup: { ...period.makeup, cost: 0 } })
    const plan = ok(planMakeup(free, makeEnrollment(free), '2027-01-01', now, 0))
    expect(plan.awards.filter((a) => a.reason === 'makeup')).toEqual([])
    expect(plan.cost).toBe(0)
  })

  it('should still allow making up the last day after the period ended but before it closed', () => {
    expect(planMakeup(period, gapped(), '2027-01-04', sh('2027-01-05 09:00'), 100)).toMatchObject({ ok: true })
  })
})
