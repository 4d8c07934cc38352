import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, camp, campOk, ensureMember, GROUP, joined, OTHER_GROUP, openPeriod, periodInput, today, requestId } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

const join = (periodId: string, openid: string, extra: Record<string, unknown> = {}) => camp(h, 'join', { periodId, ...extra }, openid)
const membersOf = async (periodId: string) => h.emu.db.count('enrollments', { periodId })

describe('admin setup', () => {
  it('should refuse camp and period setup to a member', async () => {
    await ensureMember(h, 'plain')
    const res = await camp(
      h,
      'createCamp',
      { requestId: requestId(), title: 'x', subject: 'art', gradeTags: [], coverFileId: 'cloud://e.x/c.png', description: '' },
      'plain',
    )
    expect(res).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await h.emu.db.count('camps', {})).toBe(0)
  })

  it('should keep a draft out of the member list until it is published', async () => {
    const created = await campOk(
      h,
      'createCamp',
      {
        requestId: requestId(),
        title: '美术打卡',
        subject: 'art',
        gradeTags: ['g2'],
        coverFileId: 'cloud://e.x/c.png',
        description: '画画',
      },
      ADMIN,
    )
    const draft = await campOk(h, 'createPeriod', periodInput(created.camp._id, today(h), { lengthDays: 14 }), ADMIN)
    await ensureMember(h, 'browser')
    const before = await campOk(h, 'campDetail', { campId: created.camp._id }, 'browser')
    expect(before.periods).toEqual([])
    expect(await join(draft._id, 'browser')).toMatchObject({ code: 'CAMP.PERIOD_NOT_FOUND' })
    await campOk(h, 'updatePeriod', { periodId: draft._id, status: 'open' }, ADMIN)
    const after = await campOk(h, 'campDetail', { campId: created.camp._id }, 'browser')
    expect(after.periods.map((p) => p.title)).toEqual(['第 1 期 · 14 天'])
    const list = await campOk(h, 'listCamps', { subject: 'art' }, 'browser')
    expect(list.items.map((c) => c.id)).toContain(created.camp._id)
  })

  it('should refuse a period whose rules contradict each other with CAMP.CONFIG_INVALID', async () => {
    const created = await campOk(
      h,
      'createCamp',
      { requestId: requestId(), title: '错误设置', subject: 'math', gradeTags: [], coverFileId: 'cloud://e.x/c.png', description: '' },
      ADMIN,
    )
    const res = await camp(
      h,
      'createPeriod',
      periodInput(created.camp._id, today(h), { makeup: { maxCount: 1, withinDays: 7, cost: 0, keepsStreak: true } }),
      ADMIN,
    )
    expect(res).toMatchObject({ code: 'CAMP.CONFIG_INVALID', details: { field: 'makeup.withinDays' } })
    expect(await h.emu.db.count('periods', { campId: created.camp._id })).toBe(0)
  })

  it('should record view_camp once per member and day', async () => {
    const period = await openPeriod(h)
    await ensureMember(h, 'viewer')
    await campOk(h, 'campDetail', { campId: period.campId }, 'viewer')
    await campOk(h, 'campDetail', { campId: period.campId }, 'viewer')
    expect(await h.emu.db.count('events', { type: 'view_camp', memberId: 'viewer', campId: period.campId })).toBe(1)
  })
})

describe('joining', () => {
  it('should admit exactly the capacity when more members race to join', async () => {
    const period = await openPeriod(h, { capacity: 3 })
    const racers = Array.from({ length: 10 }, (_, i) => `joiner-${i}`)
    for (const r of racers) await ensureMember(h, r)
    const results = await Promise.all(racers.map((r) => join(period._id, r)))
    expect(results.filter((r) => r.code === 0)).toHaveLength(3)
    expect(results.filter((r) => r.code === 'CAMP.FULL')).toHaveLength(7)
    expect(await membersOf(period._id)).toBe(3)
  })

  it('should answer a second join with the same enrollment', async () => {
    const period = await openPeriod(h, { capacity: 5 })
    await joined(h, period, ['twice'])
    expect(await join(period._id, 'twice')).toMatchObject({ code: 0, data: { joined: true } })
    expect(await membersOf(period._id)).toBe(1)
    expect(await h.emu.db.count('events', { type: 'join_period', memberId: 'twice' })).toBe(1)
  })

  it('should require the right invite code', async () => {
    const period = await openPeriod(h, { entry: { kind: 'invite_code', code: 'READ2026' } })
    await ensureMember(h, 'invited')
    expect(await join(period._id, 'invited')).toMatchObject({ code: 'CAMP.INVITE_CODE_REQUIRED' })
    expect(await join(period._id, 'invited', { inviteCode: 'WRONG' })).toMatchObject({ code: 'CAMP.INVITE_CODE_WRONG' })
    expect(await join(period._id, 'invited', { inviteCode: 'read2026' })).toMatchObject({ code: 0 })
  })

  it('should admit to a group period only with a group-enter CloudID of the bound group issued to the caller', async () => {
    const period = await openPeriod(h, { entry: { kind: 'group' } })
    await ensureMember(h, 'groupie')
    const cid = (openid: string, opengid: string) => ({ cloudID: h.emu.openapi.issueCloudId(openid, 'groupEnterInfo', { opengid }) })
    expect(await join(period._id, 'groupie')).toMatchObject({ code: 'CAMP.GROUP_REQUIRED' })
    expect(await join(period._id, 'groupie', { groupCloudId: cid('another', GROUP) })).toMatchObject({ code: 'CAMP.GROUP_REQUIRED' })
    expect(await join(period._id, 'groupie', { groupCloudId: cid('groupie', OTHER_GROUP) })).toMatchObject({ code: 'CAMP.GROUP_MISMATCH' })
    expect(await join(period._id, 'groupie', { groupCloudId: { cloudID: 'x', data: { opengid: GROUP } } })).toMatchObject({
      code: 'CAMP.GROUP_REQUIRED',
    })
    expect(await membersOf(period._id)).toBe(0)
    expect(await join(period._id, 'groupie', { groupCloudId: cid('groupie', GROUP) })).toMatchObject({ code: 0 })
  })

  it('should list the periods the member joined with today’s state', async () => {
    const period = await openPeriod(h)
    await joined(h, period, ['mine'])
    const mine = await campOk(h, 'myPeriods', {}, 'mine')
    expect(mine.items).toEqual([expect.objectContaining({ campId: period.campId, checkedToday: false, today: '2026-03-02' })])
  })
})
