import { addDays } from '@cloud/domain/business-day'
import { planCheckin, type CheckinPlan, type CheckinSubmission, type EnrollmentDoc, type PeriodDoc } from '@cloud/domain/camp'
import { applied, fileOf, makeEnrollment, makePeriod, MEMBER, OTHER, sh, textOnly } from './fixtures'

const period = makePeriod()
const day1Noon = sh('2026-12-29 12:00')

function ok(plan: ReturnType<typeof planCheckin>): CheckinPlan {
  if (!plan.ok) throw new Error(`rejected: ${plan.code}`)
  return plan
}

const submit = (
  content: Partial<CheckinSubmission['content']>,
  textVerdict: CheckinSubmission['textVerdict'] = 'pass',
): CheckinSubmission => ({
  content: { text: '', images: [], voice: null, ...content },
  textVerdict,
})

describe('planCheckin rejections', () => {
  const e = makeEnrollment(period)
  const rejects = (code: string, p: PeriodDoc, s: CheckinSubmission, now = day1Noon, enrollment: EnrollmentDoc | null = e) =>
    expect(planCheckin(p, enrollment, null, s, now, false)).toMatchObject({ ok: false, code })

  it('should refuse a member who did not join', () => rejects('CAMP.NOT_JOINED', period, textOnly(), day1Noon, null))
  it('should refuse before the first day', () => rejects('CAMP.PERIOD_NOT_STARTED', period, textOnly(), sh('2026-12-28 23:59:59.999')))
  it('should refuse after the last day', () => rejects('CAMP.PERIOD_ENDED', period, textOnly(), sh('2027-01-05 00:00')))
  it('should refuse a closed period', () => rejects('CAMP.PERIOD_CLOSED', makePeriod({ status: 'closed' }), textOnly()))
  it('should refuse a draft period', () => rejects('CAMP.PERIOD_DRAFT', makePeriod({ status: 'draft' }), textOnly()))
  it('should refuse outside the window', () =>
    rejects('CAMP.OUTSIDE_WINDOW', makePeriod({ window: { start: '06:00', end: '23:00' } }), textOnly(), sh('2026-12-29 23:00')))
  it('should refuse empty content', () => rejects('CAMP.CONTENT_EMPTY', period, submit({ text: '   ' })))
  it('should refuse a content type the period does not allow', () =>
    rejects(
      'CAMP.CONTENT_TYPE_NOT_ALLOWED',
      makePeriod({ contentTypes: ['text'] }),
      submit({ text: 'hi', voice: { fileId: fileOf(MEMBER, 'a.mp3'), durationSec: 5 } }),
    ))
  it('should refuse text longer than 1000 characters', () => rejects('CAMP.TEXT_TOO_LONG', period, submit({ text: 'a'.repeat(1001) })))
  it('should refuse more than 9 images', () =>
    rejects('CAMP.TOO_MANY_IMAGES', period, submit({ images: Array.from({ length: 10 }, (_, i) => fileOf(MEMBER, `${i}.jpg`)) })))
  it('should refuse voice longer than 60 seconds', () =>
    rejects('CAMP.VOICE_TOO_LONG', period, submit({ voice: { fileId: fileOf(MEMBER, 'a.mp3'), durationSec: 60.5 } })))
  it('should refuse files uploaded by someone else', () =>
    rejects('CAMP.FOREIGN_FILE', period, submit({ images: [fileOf(OTHER, 'x.jpg')] })))
  it('should refuse text content security marked risky', () => rejects('CAMP.CONTENT_RISKY', period, submit({ text: 'bad' }, 'risky')))

  it('should answer "already checked in" with the existing check-in id', () => {
    const first = ok(planCheckin(period, e, null, textOnly(), day1Noon, false))
    const again = planCheckin(period, e, first.checkin, textOnly(), sh('2026-12-29 20:00'), false)
    expect(again).toMatchObject({ ok: false, code: 'CAMP.ALREADY_CHECKED_IN', details: { checkinId: first.checkin._id } })
    expect(planCheckin(period, applied(e, first), null, textOnly(), sh('2026-12-29 20:00'), false)).toMatchObject({
      code: 'CAMP.ALREADY_CHECKED_IN',
    })
  })
})

describe('planCheckin plan', () => {
  const e = makeEnrollment(period)

  it('should key the check-in and its award by period, business day and member', () => {
    const plan = ok(planCheckin(period, e, null, textOnly(), day1Noon, false))
    expect(plan.checkin).toMatchObject({
      _id: `checkin:period1:2026-12-29:${MEMBER}`,
      day: '2026-12-29',
      dayIndex: 1,
      moderation: 'pass',
      reviewStatus: 'pending',
    })
    expect(plan.awards).toEqual([{ key: plan.checkin._id, memberId: MEMBER, reason: 'checkin', amount: 10, ref: plan.checkin._id }])
    expect(plan.enrollment).toMatchObject({ checkins: 1, currentStreak: 1, bestStreak: 1, lastCheckinDay: '2026-12-29', pointsEarned: 10 })
  })

  it('should count 01:59:59.999 for yesterday and 02:00 for today with a 120-minute cut-off', () => {
    const late = makePeriod({ cutoffMinutes: 120 })
    expect(ok(planCheckin(late, e, null, textOnly(), sh('2026-12-30 01:59:59.999'), false)).checkin.day).toBe('2026-12-29')
    expect(ok(planCheckin(late, e, null, textOnly(), sh('2026-12-30 02:00'), false)).checkin.day).toBe('2026-12-30')
  })

  it('should count 23:59:59.999 and 00:00 as two days at midnight without a cut-off', () => {
    const first = ok(planCheckin(period, e, null, textOnly(), sh('2026-12-29 23:59:59.999'), false))
    const second = ok(planCheckin(period, applied(e, first), null, textOnly(), sh('2026-12-30 00:00'), false))
    expect([first.checkin.day, second.checkin.day]).toEqual(['2026-12-29', '2026-12-30'])
    expect(second.enrollment.currentStreak).toBe(2)
  })

  it('should add the group bonus as its own award when checked in from the bound group', () => {
    const plan = ok(planCheckin(period, e, null, textOnly(), day1Noon, true))
    expect(plan.awards.map((a) => [a.reason, a.amount, a.key])).toEqual([
      ['checkin', 10, `checkin:period1:2026-12-29:${MEMBER}`],
      ['group_bonus', 10, `group:period1:2026-12-29:${MEMBER}`],
    ])
    expect(plan.checkin).toMatchObject({ fromGroup: true, points: 20 })
  })

  it('should leave media check-ins pending and text marked review in review', () => {
    expect(ok(planCheckin(period, e, null, submit({ images: [fileOf(MEMBER, '1.jpg')] }), day1Noon, false)).checkin.moderation).toBe(
      'pending',
    )
    expect(ok(planCheckin(period, e, null, submit({ text: '嗯' }, 'review'), day1Noon, false)).checkin.moderation).toBe('review')
  })
})

describe('streak milestones', () => {
  /** Checks in on the given day indexes (1-based), returning every plan. */
  function run(indexes: number[], p: PeriodDoc = period): CheckinPlan[] {
    let e = makeEnrollment(p)
    return indexes.map((i) => {
      const plan = ok(planCheckin(p, e, null, textOnly(), sh(`${addDays(p.startDay, i - 1)} 09:00`), false))
      e = applied(e, plan)
      return plan
    })
  }
  const bonuses = (plan: CheckinPlan) => plan.awards.filter((a) => a.reason === 'streak_bonus').map((a) => a.key)

  it('should pay each milestone exactly on the day the streak reaches it', () => {
    const plans = run([1, 2, 3, 4, 5, 6, 7])
    expect(plans.map(bonuses)).toEqual([[], [], [`streak:period1:3:${MEMBER}`], [], [], [], [`streak:period1:7:${MEMBER}`]])
    expect(plans[6].enrollment.streakMilestones).toEqual([3, 7])
  })

  it('should not pay a milestone again when a broken streak reaches it again', () => {
    const plans = run([1, 2, 3, 5, 6, 7])
    expect(plans.flatMap(bonuses)).toEqual([`streak:period1:3:${MEMBER}`])
    expect(plans[5].enrollment).toMatchObject({ currentStreak: 3, bestStreak: 3 })
  })
})
