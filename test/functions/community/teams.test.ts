import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, checkin, joined, openPeriod } from '../camp/support'
import { community, communityOk, handleIn, teamOfEach } from './support'

let h: FunctionsHarness
let period: AdminPeriodView
const EARLY = ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6', 't-7']

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 09:00')
  period = await openPeriod(h, { lengthDays: 7 })
  await joined(h, period, EARLY)
})
afterAll(() => h.close())

describe('operator team management', () => {
  it('should refuse a plain member every operator action', async () => {
    for (const [action, payload] of [
      ['teams', {}],
      ['split', { split: { mode: 'auto', size: 3 } }],
      ['roster', { teamIndex: 1 }],
      ['rename', { teamIndex: 1, name: '飞鸟队' }],
    ] as const) {
      const res = await community(h, action, { periodId: period._id, ...payload }, 't-1')
      expect(res.code).toBe('AUTH.FORBIDDEN')
    }
    expect(await h.emu.db.count('teams', {})).toBe(0)
  })

  it('should split by size into teams that differ by at most one, every member on exactly one team', async () => {
    const view = await communityOk(h, 'split', { periodId: period._id, split: { mode: 'auto', size: 3 } }, ADMIN)
    expect(view.split).toEqual({ mode: 'auto', size: 3 })
    expect(view.teams.map((t) => [t.index, t.name, t.size])).toEqual([
      [1, '第 1 队', 3],
      [2, '第 2 队', 2],
      [3, '第 3 队', 2],
    ])
    const placed = await teamOfEach(h, ADMIN, period._id)
    expect(Object.keys(placed).sort()).toEqual(EARLY)
    expect(await h.emu.db.count('team_members', { periodId: period._id })).toBe(EARLY.length)
  })

  it('should refuse a second split of the period', async () => {
    const res = await community(h, 'split', { periodId: period._id, split: { mode: 'auto', size: 2 } }, ADMIN)
    expect(res.code).toBe('TEAM.ALREADY_SPLIT')
  })

  it('should place a member who joins after the split in the smallest team', async () => {
    await joined(h, period, ['late-1'])
    const placed = await teamOfEach(h, ADMIN, period._id)
    expect(placed['late-1']).toBe(2)
    await joined(h, period, ['late-2'])
    expect((await teamOfEach(h, ADMIN, period._id))['late-2']).toBe(3)
    const { teams } = await communityOk(h, 'teams', { periodId: period._id }, ADMIN)
    expect(teams.map((t) => t.size)).toEqual([3, 3, 3])
  })

  it('should rename a team and refuse a name another team has', async () => {
    const renamed = await communityOk(h, 'rename', { periodId: period._id, teamIndex: 1, name: '  飞鸟队 ' }, ADMIN)
    expect(renamed.name).toBe('飞鸟队')
    const taken = await community(h, 'rename', { periodId: period._id, teamIndex: 2, name: '飞鸟队' }, ADMIN)
    expect(taken.code).toBe('TEAM.NAME_TAKEN')
  })

  it('should grant 组长 once per team and show holders by name, never by openid', async () => {
    const placed = await teamOfEach(h, ADMIN, period._id)
    const [first, second] = Object.keys(placed).filter((m) => placed[m] === 1)
    const row = await communityOk(
      h,
      'grantRole',
      { periodId: period._id, member: await handleIn(h, ADMIN, period._id, first), role: 'leader' },
      ADMIN,
    )
    expect(row.role).toEqual({ value: 'leader', label: '组长' })
    const again = await communityOk(h, 'grantRole', { periodId: period._id, member: row.member.id, role: 'leader' }, ADMIN)
    expect(again.role?.value).toBe('leader')
    const other = await community(
      h,
      'grantRole',
      { periodId: period._id, member: await handleIn(h, ADMIN, period._id, second), role: 'leader' },
      ADMIN,
    )
    expect(other.code).toBe('TEAM.ROLE_TAKEN')
    const view = await communityOk(h, 'teams', { periodId: period._id }, ADMIN)
    expect(view.teams[0].leaders.map((p) => p.nickname)).toEqual([first])
    const roster = await communityOk(h, 'roster', { periodId: period._id, teamIndex: 1 }, ADMIN)
    const ids = [...view.teams.flatMap((t) => t.leaders), ...roster.members.map((m) => m.member)].map((p) => p.id)
    for (const id of ids) expect(id).toMatch(/^u[A-Za-z0-9_-]{16}$/)
    expect(JSON.stringify([view, roster])).not.toMatch(/openid|memberId/i)
  })

  it('should revoke a role and free the seat', async () => {
    const placed = await teamOfEach(h, ADMIN, period._id)
    const [first, second] = Object.keys(placed).filter((m) => placed[m] === 1)
    const revoked = await communityOk(h, 'revokeRole', { periodId: period._id, member: await handleIn(h, ADMIN, period._id, first) }, ADMIN)
    expect(revoked.role).toBeNull()
    const granted = await communityOk(
      h,
      'grantRole',
      { periodId: period._id, member: await handleIn(h, ADMIN, period._id, second), role: 'leader' },
      ADMIN,
    )
    expect(granted.role?.label).toBe('组长')
    // Leave the first one as leader again for the scope tests below: second hands back, first takes it.
    await communityOk(h, 'revokeRole', { periodId: period._id, member: granted.member.id }, ADMIN)
    await communityOk(h, 'grantRole', { periodId: period._id, member: revoked.member.id, role: 'leader' }, ADMIN)
  })
})

describe("a leader's team day", () => {
  it("should show the leader's own team: who checked in today with streaks, who has not", async () => {
    const placed = await teamOfEach(h, ADMIN, period._id)
    const team1 = Object.keys(placed).filter((m) => placed[m] === 1)
    const leader = team1[0]
    await at(h, '2026-03-02 10:00')
    const res = await checkin(h, period._id, team1[1])
    expect(res.code).toBe(0)
    const day = await communityOk(h, 'teamDay', { periodId: period._id }, leader)
    expect(day.team.index).toBe(1)
    expect(day.dayIndex).toBe(1)
    expect(day.checkedIn.map((r) => [r.member.nickname, r.streak])).toEqual([[team1[1], 1]])
    expect(day.notYet.map((r) => r.member.nickname).sort()).toEqual(team1.filter((m) => m !== team1[1]).sort())
    expect(day.notYet.find((r) => r.member.nickname === leader)?.role?.label).toBe('组长')
  })

  it("should refuse a leader another team's day", async () => {
    const placed = await teamOfEach(h, ADMIN, period._id)
    const leader = Object.keys(placed).filter((m) => placed[m] === 1)[0]
    const res = await community(h, 'teamDay', { periodId: period._id, teamIndex: 2 }, leader)
    expect(res.code).toBe('TEAM.NOT_LEADER')
  })

  it('should refuse a member without a role any team view, their own included', async () => {
    const placed = await teamOfEach(h, ADMIN, period._id)
    const plain = Object.keys(placed).filter((m) => placed[m] === 1)[1]
    expect((await community(h, 'teamDay', { periodId: period._id }, plain)).code).toBe('TEAM.NOT_LEADER')
    expect((await community(h, 'teamDay', { periodId: period._id, teamIndex: 1 }, plain)).code).toBe('TEAM.NOT_LEADER')
    const mine = await communityOk(h, 'myTeam', { periodId: period._id }, plain)
    expect(mine).toMatchObject({ team: { index: 1 }, role: null, canSeeDay: false })
  })

  it('should let an admin open any team', async () => {
    const day = await communityOk(h, 'teamDay', { periodId: period._id, teamIndex: 3 }, ADMIN)
    expect(day.team.index).toBe(3)
  })
})

describe('races', () => {
  it('should give a team one 组长 when three grants race', async () => {
    const placed = await teamOfEach(h, ADMIN, period._id)
    const team2 = Object.keys(placed).filter((m) => placed[m] === 2)
    const handles = await Promise.all(team2.map((m) => handleIn(h, ADMIN, period._id, m)))
    const answers = await Promise.all(
      handles.map((member) => community(h, 'grantRole', { periodId: period._id, member, role: 'leader' }, ADMIN)),
    )
    expect(answers.map((a) => a.code).sort()).toEqual([0, 'TEAM.ROLE_TAKEN', 'TEAM.ROLE_TAKEN'])
    expect(await h.emu.db.count('team_members', { teamId: `${period._id}:2`, teamRole: 'leader' })).toBe(1)
    const [doc] = (await h.emu.db.find('teams', { _id: `${period._id}:2` })) as { roles: { leader: string[] } }[]
    expect(doc.roles.leader).toHaveLength(1)
  })

  it('should place a late joiner once when several reads place at the same time', async () => {
    await joined(h, period, ['late-3'])
    await Promise.all([1, 2, 3, 4].map(() => communityOk(h, 'teams', { periodId: period._id }, ADMIN)))
    const { teams } = await communityOk(h, 'teams', { periodId: period._id }, ADMIN)
    const members = await h.emu.db.count('team_members', { periodId: period._id })
    expect(members).toBe(EARLY.length + 3)
    expect(teams.reduce((sum, t) => sum + t.size, 0)).toBe(members)
  })
  it('should place a late joiner who opens their own team before any operator read', async () => {
    await joined(h, period, ['late-4'])
    const mine = await communityOk(h, 'myTeam', { periodId: period._id }, 'late-4')
    expect(mine.team?.index).toBeGreaterThan(0)
    expect(mine.canSeeDay).toBe(false)
    const [doc] = (await h.emu.db.find('teams', { _id: `${period._id}:${mine.team?.index}` })) as { size: number }[]
    expect(doc.size).toBe(mine.team?.size)
    expect(await h.emu.db.count('team_members', { periodId: period._id, teamId: `${period._id}:${mine.team?.index}` })).toBe(doc.size)
  })
})

describe('the team on the enrollment (what check-ins and the teacher/leader policy read)', () => {
  it('should mark the split, a late joiner, a role and a move on the member’s enrollment, and a check-in carries the team', async () => {
    await at(h, '2026-03-02 09:00')
    const own = await openPeriod(h, { lengthDays: 7 })
    const people = ['mark-1', 'mark-2', 'mark-3', 'mark-4']
    await joined(h, own, people)
    await communityOk(h, 'split', { periodId: own._id, split: { mode: 'auto', size: 2 } }, ADMIN)
    const enrollment = async (m: string) => (await h.emu.db.find('enrollments', { _id: `${own._id}:${m}` }))[0]
    const placed = await teamOfEach(h, ADMIN, own._id)
    for (const m of people) expect(await enrollment(m)).toMatchObject({ teamId: `${own._id}:${placed[m]}`, teamRole: null })

    await joined(h, own, ['mark-late'])
    const late = (await teamOfEach(h, ADMIN, own._id))['mark-late']
    expect(await enrollment('mark-late')).toMatchObject({ teamId: `${own._id}:${late}` })

    const [lead] = people.filter((m) => placed[m] === 1)
    await communityOk(h, 'grantRole', { periodId: own._id, member: await handleIn(h, ADMIN, own._id, lead), role: 'leader' }, ADMIN)
    expect(await enrollment(lead)).toMatchObject({ teamId: `${own._id}:1`, teamRole: 'leader' })
    const today = await h.ok<{ team: unknown }>('camp', { action: 'today', periodId: own._id }, lead)
    expect(today.team).toEqual({ onTeam: true, leads: true })
    const plainToday = await h.ok<{ team: unknown }>('camp', { action: 'today', periodId: own._id }, 'mark-late')
    expect(plainToday.team).toEqual({ onTeam: true, leads: false })
    expect((await checkin(h, own._id, lead)).code).toBe(0)
    const [day] = await h.emu.db.find('checkins', { periodId: own._id, memberId: lead })
    expect(day).toMatchObject({ teamId: `${own._id}:1` })

    await communityOk(h, 'moveMember', { periodId: own._id, member: await handleIn(h, ADMIN, own._id, lead), teamIndex: 2 }, ADMIN)
    expect(await enrollment(lead)).toMatchObject({ teamId: `${own._id}:2`, teamRole: null })
  })
})
