import { certificateNo, mergeStats, planClose, planCompletion } from '@cloud/domain/camp'
import { makeEnrollment, makePeriod, MEMBER, OTHER, sh } from './fixtures'

const period = makePeriod()
const afterEnd = sh('2027-01-05 08:00')
const days = (n: number) => ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'].slice(0, n)

describe('planCompletion', () => {
  const done = makeEnrollment(period, { checkedDays: days(4), madeUpDays: ['2027-01-04'], bestStreak: 4 })
  const short = makeEnrollment(period, { checkedDays: days(4) }, OTHER)

  it('should refuse before the period ended', () =>
    expect(planCompletion(period, [done], sh('2027-01-04 23:59:59.999'))).toMatchObject({ code: 'CAMP.PERIOD_NOT_ENDED' }))

  it('should award the bonus and a certificate to members at the threshold, counting made-up days', () => {
    const plan = planCompletion(period, [done, short], afterEnd)
    if (!plan.ok) throw new Error(plan.code)
    expect(plan.items).toHaveLength(1)
    expect(plan.items[0].award).toEqual({
      key: `completion:period1:${MEMBER}`,
      memberId: MEMBER,
      reason: 'completion',
      amount: 100,
      ref: `period1:${MEMBER}`,
    })
    expect(plan.items[0].certificate).toMatchObject({
      memberId: MEMBER,
      checkedDays: 5,
      periodIndex: 3,
      endDay: '2027-01-04',
      issuedDay: '2027-01-05',
    })
    expect(plan.items[0].patch).toMatchObject({ completed: true, pointsEarned: 100 })
    expect(plan.tally).toEqual({ members: 2, completed: 1, checkins: 8, makeups: 1 })
  })

  it('should skip members already completed so a re-run pays nothing twice', () => {
    const plan = planCompletion(period, [{ ...done, completed: true }], afterEnd)
    expect(plan).toMatchObject({ ok: true, items: [], tally: { completed: 1 } })
  })

  it('should give a stable certificate number', () => {
    expect(certificateNo(period, `period1:${MEMBER}`)).toBe(certificateNo(period, `period1:${MEMBER}`))
    expect(certificateNo(period, `period1:${MEMBER}`)).not.toBe(certificateNo(period, `period1:${OTHER}`))
  })
})

describe('planClose', () => {
  it('should freeze stats with the completion rate and close the period', () => {
    const tally = mergeStats({ members: 3, completed: 1, checkins: 10, makeups: 1 }, { members: 1, completed: 1, checkins: 6, makeups: 0 })
    expect(planClose(period, tally, afterEnd)).toEqual({
      ok: true,
      patch: {
        status: 'closed',
        updatedAt: afterEnd,
        stats: { members: 4, completed: 2, checkins: 16, makeups: 1, completionRate: 0.5, closedAt: afterEnd },
      },
    })
  })

  it('should refuse closing twice', () =>
    expect(planClose(makePeriod({ status: 'closed' }), { members: 0, completed: 0, checkins: 0, makeups: 0 }, afterEnd)).toMatchObject({
      code: 'CAMP.PERIOD_CLOSED',
    }))
})
