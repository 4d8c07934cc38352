import { ACTION_RULES, can, type Actor, type PeriodResource } from '@cloud/domain/identity'

const memberActor: Actor = { _id: 'oM', roles: ['member'] }
const teacherActor: Actor = { _id: 'oT', roles: ['member', 'teacher'] }
const adminActor: Actor = { _id: 'oA', roles: ['member', 'admin'] }
const period: PeriodResource = { periodId: 'p1', teacherIds: ['oT'] }

describe('can', () => {
  it('should let any registered member call member actions', () => {
    expect(can(memberActor, 'checkin.submit')).toEqual({ ok: true })
  })

  it('should refuse callers without a member record', () => {
    expect(can(null, 'checkin.submit')).toMatchObject({ ok: false, code: 'AUTH.NOT_REGISTERED' })
  })

  it('should refuse members on teacher actions', () => {
    expect(can(memberActor, 'review.submit', period)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })

  it('should let teachers act only on periods assigned to them', () => {
    expect(can(teacherActor, 'review.submit', period)).toEqual({ ok: true })
    expect(can(teacherActor, 'review.submit', { periodId: 'p2', teacherIds: ['oOther'] })).toMatchObject({ code: 'AUTH.NOT_ASSIGNED' })
  })

  it('should narrow a teacher to their teams when the period assigns teams', () => {
    const scoped = { ...period, teacherTeams: { oT: ['t1'] } }
    expect(can(teacherActor, 'review.open', { ...scoped, teamId: 't1' })).toEqual({ ok: true })
    expect(can(teacherActor, 'review.open', { ...scoped, teamId: 't2' })).toMatchObject({ code: 'AUTH.NOT_ASSIGNED' })
    expect(can(teacherActor, 'review.queue', scoped)).toEqual({ ok: true })
  })

  it('should keep admin actions for admins, who may do everything', () => {
    expect(can(teacherActor, 'period.create')).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(can(adminActor, 'period.create')).toEqual({ ok: true })
    expect(can(adminActor, 'review.submit', { periodId: 'p9', teacherIds: [] })).toEqual({ ok: true })
  })

  it('should let 组长 and 学习委员 see their own team only', () => {
    const lead = { ...period, callerTeamRole: 'leader' as const, callerTeamId: 't1' }
    expect(can(memberActor, 'team.progress', { ...lead, teamId: 't1' })).toEqual({ ok: true })
    expect(can(memberActor, 'team.progress', { ...lead, teamId: 't2' })).toMatchObject({ code: 'AUTH.NOT_TEAM_ROLE' })
    expect(can(memberActor, 'team.progress', { ...period, callerTeamRole: null, teamId: 't1' })).toMatchObject({
      code: 'AUTH.NOT_TEAM_ROLE',
    })
  })

  it('should throw when a scoped action is checked without its period', () => {
    expect(() => can(teacherActor, 'review.submit')).toThrow(/needs its period/)
  })

  it('should declare a rule for every action', () => {
    for (const rule of Object.values(ACTION_RULES)) expect(['member', 'teacher', 'admin']).toContain(rule.role)
  })
})
