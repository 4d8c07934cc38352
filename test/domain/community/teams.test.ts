import fc from 'fast-check'
import { checkTeamName, placeLateJoiner, planGrant, planMove, planSplit, type PlannedTeam, type RoleHolder } from '@cloud/domain/community'
import { isRejection } from '@cloud/domain/kernel'

const members = (n: number) => Array.from({ length: n }, (_, i) => ({ memberId: `m${String(i).padStart(5, '0')}`, joinedAt: 1_000 + i }))

function teamsOf(result: ReturnType<typeof planSplit>): PlannedTeam[] {
  if (isRejection(result)) throw new Error(`refused: ${result.code}`)
  return result
}

describe('planSplit', () => {
  it('should deal 10 members into teams of 4 as 4 / 3 / 3, in join order, round robin', () => {
    const teams = teamsOf(planSplit(members(10), 4))
    expect(teams.map((t) => t.memberIds.length)).toEqual([4, 3, 3])
    expect(teams[0]).toEqual({ index: 1, name: '第 1 队', memberIds: ['m00000', 'm00003', 'm00006', 'm00009'] })
    expect(teams[1].memberIds).toEqual(['m00001', 'm00004', 'm00007'])
  })

  it('should keep every member exactly once, sizes within one, never above the size, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ memberId: fc.stringMatching(/^[a-z0-9]{1,6}$/), joinedAt: fc.integer({ min: 0, max: 50 }) }), {
          minLength: 1,
          maxLength: 400,
        }),
        fc.integer({ min: 2, max: 200 }),
        (input, size) => {
          const result = planSplit(input, size)
          const distinct = new Set(input.map((m) => m.memberId))
          if (Math.ceil(distinct.size / size) > 100) return isRejection(result) && result.code === 'TEAM.TOO_MANY'
          const teams = teamsOf(result)
          const placed = teams.flatMap((t) => t.memberIds)
          const sizes = teams.map((t) => t.memberIds.length)
          return (
            placed.length === distinct.size &&
            new Set(placed).size === distinct.size &&
            Math.max(...sizes) - Math.min(...sizes) <= 1 &&
            Math.max(...sizes) <= size &&
            teams.length === Math.ceil(distinct.size / size)
          )
        },
      ),
    )
  })

  it('should plan the same teams for the same members in any input order (a retried split rewrites the same ids)', () => {
    const input = members(37)
    const shuffled = [...input].reverse()
    expect(teamsOf(planSplit(shuffled, 6))).toEqual(teamsOf(planSplit(input, 6)))
  })

  it('should refuse sizes outside 2..200, an empty period and more than 100 teams', () => {
    expect(planSplit(members(5), 1)).toMatchObject({ ok: false, code: 'TEAM.SIZE_INVALID' })
    expect(planSplit(members(5), 201)).toMatchObject({ ok: false, code: 'TEAM.SIZE_INVALID' })
    expect(planSplit(members(5), 2.5)).toMatchObject({ ok: false, code: 'TEAM.SIZE_INVALID' })
    expect(planSplit([], 5)).toMatchObject({ ok: false, code: 'TEAM.NO_MEMBERS' })
    expect(planSplit(members(202), 2)).toMatchObject({ ok: false, code: 'TEAM.TOO_MANY' })
    expect(teamsOf(planSplit(members(200), 2))).toHaveLength(100)
  })
})

describe('placeLateJoiner', () => {
  it('should put late joiners in the smallest team, the lowest number among equals, keeping sizes within one', () => {
    const sizes = new Map([
      [1, 4],
      [2, 3],
      [3, 3],
    ])
    const order: number[] = []
    for (let i = 0; i < 7; i++) {
      const index = placeLateJoiner([...sizes].map(([index, size]) => ({ index, size })))
      if (index === null) throw new Error('no team')
      order.push(index)
      sizes.set(index, (sizes.get(index) ?? 0) + 1)
      expect(Math.max(...sizes.values()) - Math.min(...sizes.values())).toBeLessThanOrEqual(1)
    }
    expect(order).toEqual([2, 3, 1, 2, 3, 1, 2])
  })

  it('should leave a joiner unassigned while the period has no teams', () => {
    expect(placeLateJoiner([])).toBeNull()
  })
})

describe('checkTeamName', () => {
  it('should trim, count characters and refuse empty, long and taken names', () => {
    expect(checkTeamName('  晨读小队 ', ['第 1 队'])).toEqual({ name: '晨读小队' })
    expect(checkTeamName('一二三四五六七八九十一二', [])).toEqual({ name: '一二三四五六七八九十一二' })
    expect(checkTeamName('一二三四五六七八九十一二三', [])).toMatchObject({ code: 'TEAM.NAME_INVALID' })
    expect(checkTeamName('   ', [])).toMatchObject({ code: 'TEAM.NAME_INVALID' })
    expect(checkTeamName('第 1 队', [' 第 1 队'])).toMatchObject({ code: 'TEAM.NAME_TAKEN' })
  })
})

describe('roles', () => {
  const holder = (memberId: string, teamId: string | null, teamRole: RoleHolder['teamRole'] = null): RoleHolder => ({
    memberId,
    teamId,
    teamRole,
  })

  it('should give a team one 组长 and two 学习委员, and answer a repeated grant unchanged', () => {
    const others = [holder('a', 't1', 'leader'), holder('b', 't1', 'study_officer'), holder('c', 't2', 'study_officer')]
    expect(planGrant(holder('d', 't1'), 't1', 'leader', others)).toMatchObject({ code: 'TEAM.ROLE_TAKEN', details: { role: '组长' } })
    expect(planGrant(holder('d', 't1'), 't1', 'study_officer', others)).toEqual({ teamRole: 'study_officer', changed: true })
    const full = [...others, holder('d', 't1', 'study_officer')]
    expect(planGrant(holder('e', 't1'), 't1', 'study_officer', full)).toMatchObject({ code: 'TEAM.ROLE_TAKEN' })
    expect(planGrant(holder('a', 't1', 'leader'), 't1', 'leader', others)).toEqual({ teamRole: 'leader', changed: false })
    // Another team's holders do not count.
    expect(planGrant(holder('f', 't2'), 't2', 'leader', others)).toEqual({ teamRole: 'leader', changed: true })
  })

  it('should refuse a role in a team the member is not in', () => {
    expect(planGrant(holder('x', 't2'), 't1', 'leader', [])).toMatchObject({ code: 'TEAM.NOT_MEMBER' })
    expect(planGrant(holder('x', null), 't1', 'leader', [])).toMatchObject({ code: 'TEAM.NOT_MEMBER' })
  })

  it('should drop the role of a member moved to another team, and change nothing on a move to their own team', () => {
    expect(planMove(holder('a', 't1', 'leader'), 't2')).toEqual({ teamId: 't2', teamRole: null, changed: true })
    expect(planMove(holder('a', 't1', 'leader'), 't1')).toEqual({ teamId: 't1', teamRole: 'leader', changed: false })
  })
})
