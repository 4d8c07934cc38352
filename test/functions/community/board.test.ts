import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { countDatabaseRequests } from '../../support/request-trail'
import { ADMIN, at, checkin, joined, openPeriod, sh } from '../camp/support'
import { community, communityOk } from './support'

let h: FunctionsHarness
let period: AdminPeriodView
const MEMBERS = ['b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6']

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-02 09:00')
  period = await openPeriod(h, { lengthDays: 7 })
  await joined(h, period, MEMBERS)
})
afterAll(() => h.close())

const counted = <T>(run: () => Promise<T>) => countDatabaseRequests(h, run)

describe('team PK board', () => {
  it('should answer TEAM.NOT_SPLIT before the period has teams', async () => {
    expect((await community(h, 'board', { periodId: period._id, board: 'today' }, 'b-1')).code).toBe('TEAM.NOT_SPLIT')
  })

  it("should rank teams by today's check-in rate once the refresh job has counted, in three reads", async () => {
    // Dealt in join order: team 1 = b-1, b-4; team 2 = b-2, b-5; team 3 = b-3, b-6.
    await communityOk(h, 'split', { periodId: period._id, split: { mode: 'auto', size: 2 } }, ADMIN)
    await at(h, '2026-03-02 10:00')
    for (const m of ['b-1', 'b-4', 'b-2']) expect((await checkin(h, period._id, m)).code).toBe(0)
    const before = await communityOk(h, 'board', { periodId: period._id, board: 'today' }, 'b-2')
    expect(before.rows.map((r) => r.ratePercent)).toEqual([0, 0, 0])
    await at(h, '2026-03-02 10:10')
    const { value, requests } = await counted(() => communityOk(h, 'board', { periodId: period._id, board: 'today' }, 'b-2'))
    expect(requests).toBeLessThanOrEqual(3)
    expect(value.rows.map((r) => [r.rank, r.index, r.ratePercent, r.averageStreak, r.mine])).toEqual([
      [1, 1, 100, 1, false],
      [2, 2, 50, 0.5, true],
      [3, 3, 0, 0, false],
    ])
    expect(value.computedAt).toBeGreaterThanOrEqual(sh('2026-03-02 10:10'))
  })

  it('should page the board and rank the period by the average rate over the days so far', async () => {
    await at(h, '2026-03-03 10:00')
    for (const m of ['b-3', 'b-6', 'b-1']) expect((await checkin(h, period._id, m)).code).toBe(0)
    await at(h, '2026-03-03 10:10')
    const first = await communityOk(h, 'board', { periodId: period._id, board: 'period', limit: 2 }, 'b-1')
    // team 1: 3 of 4 member-days; team 3: 2 of 4; team 2: 1 of 4.
    expect(first.rows.map((r) => [r.index, r.ratePercent])).toEqual([
      [1, 75],
      [3, 50],
    ])
    expect(first.next).toBe(2)
    const second = await communityOk(h, 'board', { periodId: period._id, board: 'period', offset: 2, limit: 2 }, 'b-1')
    expect(second.rows.map((r) => [r.rank, r.index, r.ratePercent])).toEqual([[3, 2, 25]])
    expect(second.next).toBeNull()
    const today = await communityOk(h, 'board', { periodId: period._id, board: 'today' }, 'b-1')
    expect(today.rows.map((r) => [r.index, r.ratePercent])).toEqual([
      [3, 100],
      [1, 50],
      [2, 0],
    ])
  })
})

describe('manual split', () => {
  let manual: AdminPeriodView
  beforeAll(async () => {
    manual = await openPeriod(h, { lengthDays: 7 })
    await joined(h, manual, ['h-1', 'h-2', 'h-3'])
  })

  it('should create empty teams and list every member as unassigned, late joiners too', async () => {
    const view = await communityOk(h, 'split', { periodId: manual._id, split: { mode: 'manual', teams: 2 } }, ADMIN)
    expect(view.teams.map((t) => t.size)).toEqual([0, 0])
    await joined(h, manual, ['h-4'])
    const free = await communityOk(h, 'unassigned', { periodId: manual._id }, ADMIN)
    expect(free.members.map((m) => m.nickname)).toEqual(['h-1', 'h-2', 'h-3', 'h-4'])
    expect(free.cursor).toBeNull()
  })

  it('should page the unassigned members with a cursor that holds no openid or enrollment id', async () => {
    const big = await openPeriod(h, { lengthDays: 7 })
    const ids = Array.from({ length: 55 }, (_v, i) => `pg-${String(i).padStart(2, '0')}`)
    await joined(h, big, ids)
    await communityOk(h, 'split', { periodId: big._id, split: { mode: 'manual', teams: 2 } }, ADMIN)
    const first = await communityOk(h, 'unassigned', { periodId: big._id }, ADMIN)
    expect(first.members).toHaveLength(50)
    expect(first.cursor).toEqual(expect.any(String))
    expect(first.cursor).not.toContain('pg-')
    expect(first.cursor).not.toContain(big._id)
    const second = await communityOk(h, 'unassigned', { periodId: big._id, cursor: first.cursor ?? undefined }, ADMIN)
    expect(second.cursor).toBeNull()
    expect([...first.members, ...second.members].map((m) => m.nickname)).toEqual(ids)
    expect((await community(h, 'unassigned', { periodId: big._id, cursor: '1~unobody' }, ADMIN)).code).toBe('TEAM.NOT_FOUND')
  })

  it('should place a picked member by hand, and drop their role when they move', async () => {
    const free = await communityOk(h, 'unassigned', { periodId: manual._id }, ADMIN)
    const h1 = free.members[0].id
    expect((await communityOk(h, 'moveMember', { periodId: manual._id, member: h1, teamIndex: 1 }, ADMIN)).teamIndex).toBe(1)
    await communityOk(h, 'grantRole', { periodId: manual._id, member: h1, role: 'study_officer' }, ADMIN)
    const moved = await communityOk(h, 'moveMember', { periodId: manual._id, member: h1, teamIndex: 2 }, ADMIN)
    expect([moved.teamIndex, moved.role]).toEqual([2, null])
    const { teams } = await communityOk(h, 'teams', { periodId: manual._id }, ADMIN)
    expect(teams.map((t) => [t.size, t.studyOfficers.length])).toEqual([
      [0, 0],
      [1, 0],
    ])
    const left = await communityOk(h, 'unassigned', { periodId: manual._id }, ADMIN)
    expect(left.members.map((m) => m.nickname)).toEqual(['h-2', 'h-3', 'h-4'])
  })

  it('should refuse to move someone who is not enrolled in the period', async () => {
    const { members } = await communityOk(h, 'unassigned', { periodId: manual._id }, ADMIN)
    const res = await community(h, 'moveMember', { periodId: period._id, member: members[0].id, teamIndex: 1 }, ADMIN)
    expect(res.code).toBe('TEAM.NOT_ENROLLED')
  })
})
