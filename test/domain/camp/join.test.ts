import { canJoin, isFromBoundGroup, planJoin } from '@cloud/domain/camp'
import { makeEnrollment, makePeriod, MEMBER, sh } from './fixtures'

const member = { _id: MEMBER, publicId: `pub-${MEMBER}` }
const beforeStart = sh('2026-12-28 12:00')

describe('canJoin', () => {
  it('should let a member join an open period before it starts', () => {
    expect(canJoin(makePeriod(), 10, member, {}, beforeStart)).toEqual({ ok: true, via: 'open' })
  })

  it('should refuse a full period', () => {
    expect(canJoin(makePeriod({ capacity: 10 }), 10, member, {}, beforeStart)).toMatchObject({ ok: false, code: 'CAMP.FULL' })
  })

  it('should refuse a second join', () => {
    const period = makePeriod()
    expect(canJoin(period, 1, member, {}, beforeStart, makeEnrollment(period))).toMatchObject({ code: 'CAMP.ALREADY_JOINED' })
  })

  it('should refuse drafts, closed and ended periods', () => {
    expect(canJoin(makePeriod({ status: 'draft' }), 0, member, {}, beforeStart)).toMatchObject({ code: 'CAMP.PERIOD_DRAFT' })
    expect(canJoin(makePeriod({ status: 'closed' }), 0, member, {}, beforeStart)).toMatchObject({ code: 'CAMP.PERIOD_CLOSED' })
    expect(canJoin(makePeriod(), 0, member, {}, sh('2027-01-05 00:00'))).toMatchObject({ code: 'CAMP.PERIOD_ENDED' })
  })

  it('should allow a late join on the last day unless joinUntilDay closed it', () => {
    expect(canJoin(makePeriod(), 0, member, {}, sh('2027-01-04 23:00'))).toMatchObject({ ok: true })
    expect(canJoin(makePeriod({ joinUntilDay: 2 }), 0, member, {}, sh('2026-12-30 23:59:59.999'))).toMatchObject({ ok: true })
    expect(canJoin(makePeriod({ joinUntilDay: 2 }), 0, member, {}, sh('2026-12-31 00:00'))).toMatchObject({ code: 'CAMP.JOIN_CLOSED' })
  })

  it('should require the right invite code, ignoring case and spaces', () => {
    const period = makePeriod({ entry: { kind: 'invite_code', code: 'Camp2027' } })
    expect(canJoin(period, 0, member, {}, beforeStart)).toMatchObject({ code: 'CAMP.INVITE_CODE_REQUIRED' })
    expect(canJoin(period, 0, member, { inviteCode: 'nope' }, beforeStart)).toMatchObject({ code: 'CAMP.INVITE_CODE_WRONG' })
    expect(canJoin(period, 0, member, { inviteCode: ' camp2027 ' }, beforeStart)).toEqual({ ok: true, via: 'invite_code' })
  })

  it('should require entry from the bound group when the rule is group', () => {
    const period = makePeriod({ entry: { kind: 'group' } })
    expect(canJoin(period, 0, member, {}, beforeStart)).toMatchObject({ code: 'CAMP.GROUP_REQUIRED' })
    expect(canJoin(period, 0, member, { groupId: 'G_other' }, beforeStart)).toMatchObject({ code: 'CAMP.GROUP_MISMATCH' })
    expect(canJoin(period, 0, member, { groupId: 'G_bound' }, beforeStart)).toEqual({ ok: true, via: 'group' })
  })

  it('should report the entry rule before capacity so a wrong code is not told "full"', () => {
    const period = makePeriod({ capacity: 1, entry: { kind: 'invite_code', code: 'ABCD' } })
    expect(canJoin(period, 1, member, { inviteCode: 'x' }, beforeStart)).toMatchObject({ code: 'CAMP.INVITE_CODE_WRONG' })
  })
})

describe('planJoin', () => {
  it('should create the enrollment keyed by period and member with the business day of joining', () => {
    const plan = planJoin(makePeriod({ cutoffMinutes: 120 }), 0, member, {}, sh('2026-12-30 01:00'))
    if (!plan.ok) throw new Error(plan.code)
    expect(plan.enrollment).toMatchObject({ _id: `period1:${MEMBER}`, joinedDay: '2026-12-29', checkins: 0, currentStreak: 0, via: 'open' })
    expect(plan.enrollment.streakRank.endsWith(MEMBER)).toBe(true)
  })
})

describe('isFromBoundGroup', () => {
  it('should only match the bound group id', () => {
    const period = makePeriod()
    expect(isFromBoundGroup(period, 'G_bound')).toBe(true)
    expect(isFromBoundGroup(period, 'G_other')).toBe(false)
    expect(isFromBoundGroup(period, null)).toBe(false)
    expect(isFromBoundGroup(makePeriod({ boundGroups: [] }), 'G_bound')).toBe(false)
  })
})
