import { checkGroupEntry, isFromBoundGroup, MAX_BOUND_GROUPS, planBind, planUnbind, type BoundGroup } from '@cloud/domain/camp'
import { makePeriod } from './fixtures'

const group = (groupId: string): BoundGroup => ({ groupId, boundAt: 1, boundBy: 'admin' })

describe('planBind', () => {
  it('should append a new group with who bound it and when', () => {
    const plan = planBind(makePeriod({ boundGroups: [group('G1')] }), 'G2', 'op', 42)
    expect(plan).toEqual({ kind: 'bind', boundGroups: [group('G1'), { groupId: 'G2', boundAt: 42, boundBy: 'op' }] })
  })

  it('should answer already for a group bound before, so a repeat writes nothing', () => {
    expect(planBind(makePeriod({ boundGroups: [group('G1')] }), 'G1', 'op', 42)).toEqual({ kind: 'already' })
  })

  it('should bind a draft (groups are bound before publishing) but refuse a closed period', () => {
    expect(planBind(makePeriod({ status: 'draft', boundGroups: [] }), 'G1', 'op', 1)).toMatchObject({ kind: 'bind' })
    expect(planBind(makePeriod({ status: 'closed', boundGroups: [] }), 'G1', 'op', 1)).toMatchObject({ code: 'CAMP.PERIOD_CLOSED' })
  })

  it('should refuse a group past the limit', () => {
    const full = Array.from({ length: MAX_BOUND_GROUPS }, (_, i) => group(`G${i}`))
    expect(planBind(makePeriod({ boundGroups: full }), 'Gnew', 'op', 1)).toMatchObject({ ok: false, code: 'CAMP.GROUP_LIMIT' })
  })
})

describe('planUnbind and checkGroupEntry', () => {
  it('should drop only that group', () => {
    const plan = planUnbind(makePeriod({ boundGroups: [group('G1'), group('G2')] }), 'G1')
    expect(plan).toEqual({ kind: 'unbind', boundGroups: [group('G2')] })
  })

  it('should refuse a group that is not bound', () => {
    expect(planUnbind(makePeriod({ boundGroups: [group('G1')] }), 'G9')).toMatchObject({ code: 'CAMP.GROUP_NOT_BOUND' })
  })

  it('should keep the last group of a published group-entry period, and let a draft or an open-entry period drop it', () => {
    const groupOnly = { entry: { kind: 'group' as const }, boundGroups: [group('G1')] }
    expect(planUnbind(makePeriod({ ...groupOnly, status: 'open' }), 'G1')).toMatchObject({ code: 'CAMP.GROUP_LAST' })
    expect(planUnbind(makePeriod({ ...groupOnly, status: 'draft' }), 'G1')).toEqual({ kind: 'unbind', boundGroups: [] })
    expect(planUnbind(makePeriod({ status: 'open', boundGroups: [group('G1')] }), 'G1')).toEqual({ kind: 'unbind', boundGroups: [] })
  })

  it('should refuse publishing a group-entry period that has no group', () => {
    expect(checkGroupEntry(makePeriod({ entry: { kind: 'group' }, status: 'open', boundGroups: [] }))).toMatchObject({
      code: 'CAMP.GROUP_REQUIRED_TO_PUBLISH',
    })
    expect(checkGroupEntry(makePeriod({ entry: { kind: 'group' }, status: 'draft', boundGroups: [] }))).toBeNull()
    expect(checkGroupEntry(makePeriod({ entry: { kind: 'group' }, status: 'open', boundGroups: [group('G1')] }))).toBeNull()
  })
})

describe('isFromBoundGroup with several groups', () => {
  it('should match any of the bound groups and nothing else', () => {
    const period = makePeriod({ boundGroups: [group('G1'), group('G2')] })
    expect(isFromBoundGroup(period, 'G2')).toBe(true)
    expect(isFromBoundGroup(period, 'G3')).toBe(false)
    expect(isFromBoundGroup(period, '')).toBe(false)
  })
})
