/**
 * 绑定此群: an operator opens the period's card inside a group chat and binds that group; the opengid comes only from
 * the group-enter CloudID, resolved by the camp function with getOpenData (the emulator resolves CloudIDs per caller
 * as WeChat does: a CloudID issued to another user does not resolve for this one).
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import type { PeriodDoc } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import {
  ADMIN,
  at,
  balanceOf,
  camp,
  campOk,
  checkin,
  ensureMember,
  GROUP,
  groupCloudId,
  joined,
  OTHER_GROUP,
  periodInput,
  requestId,
  today,
} from './support'

let h: FunctionsHarness
const TEACHER = 'bind-teacher'
const STRANGER_TEACHER = 'bind-teacher-2'

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
  await h.member(TEACHER, ['teacher'])
  await h.member(STRANGER_TEACHER, ['teacher'])
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

let seq = 0
async function draft(overrides: Record<string, unknown> = {}): Promise<AdminPeriodView> {
  const created = await campOk(
    h,
    'createCamp',
    {
      requestId: requestId(),
      title: `绑定测试 ${++seq}`,
      subject: 'english',
      gradeTags: [],
      coverFileId: 'cloud://x/c.png',
      description: '',
    },
    ADMIN,
  )
  return campOk(h, 'createPeriod', periodInput(created.camp._id, today(h), { teacherIds: [TEACHER], ...overrides }), ADMIN)
}

const stored = async (periodId: string) => ((await h.emu.db.find('periods', { _id: periodId })) as PeriodDoc[])[0]
const groupIdsOf = async (periodId: string) => (await stored(periodId)).boundGroups.map((g) => g.groupId)
const bind = (periodId: string, who: string, proof: unknown) => camp(h, 'bindGroup', { periodId, groupCloudId: proof }, who)

describe('bindGroup', () => {
  it('should bind the group the operator opened the card in, once, and show it as bound there only', async () => {
    const period = await draft()
    const first = await bind(period._id, ADMIN, groupCloudId(h, ADMIN, GROUP))
    expect(first).toMatchObject({ code: 0, data: { inGroup: true, bound: true, boundCount: 1, already: false } })
    const again = await bind(period._id, ADMIN, groupCloudId(h, ADMIN, GROUP))
    expect(again).toMatchObject({ code: 0, data: { bound: true, boundCount: 1, already: true } })
    expect(await groupIdsOf(period._id)).toEqual([GROUP])
    const saved = await stored(period._id)
    expect(saved.boundGroups[0]).toMatchObject({ groupId: GROUP, boundBy: ADMIN, boundAt: expect.any(Number) })

    const here = await campOk(h, 'groupBinding', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, GROUP) }, ADMIN)
    const elsewhere = await campOk(h, 'groupBinding', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, OTHER_GROUP) }, ADMIN)
    expect(here).toMatchObject({ inGroup: true, bound: true, boundCount: 1 })
    expect(elsewhere).toMatchObject({ inGroup: true, bound: false, boundCount: 1 })
    // The page never sees the opengid.
    expect(JSON.stringify([first, here, elsewhere])).not.toContain(GROUP)
  })

  it('should bind one group once out of 20 parallel taps, and every group of parallel binds of different groups', async () => {
    const period = await draft()
    const same = await Promise.all(Array.from({ length: 20 }, () => bind(period._id, ADMIN, groupCloudId(h, ADMIN, GROUP))))
    expect(same.every((r) => r.code === 0)).toBe(true)
    expect(same.filter((r) => r.code === 0 && !r.data.already)).toHaveLength(1)
    const others = ['G_a', 'G_b', 'G_c', 'G_d', 'G_e']
    await Promise.all(others.map((g) => bind(period._id, ADMIN, groupCloudId(h, ADMIN, g))))
    expect((await groupIdsOf(period._id)).sort()).toEqual([GROUP, ...others].sort())
  })

  it.each([
    ['a CloudID issued to another user', () => groupCloudId(h, 'someone-else', GROUP)],
    ['a group id the client claims itself', () => ({ cloudID: 'forged', data: { opengid: GROUP } })],
    ['a bare string that is no CloudID', () => 'not-a-cloud-id'],
  ])('should refuse %s with CAMP.GROUP_UNRESOLVED and change nothing', async (_name, proof) => {
    const period = await draft()
    const before = await stored(period._id)
    expect(await bind(period._id, ADMIN, proof())).toMatchObject({ code: 'CAMP.GROUP_UNRESOLVED', message: expect.any(String) })
    expect(await stored(period._id)).toEqual(before)
  })

  it('should let the period teacher bind, and refuse other teachers and members with nothing changed', async () => {
    const period = await draft()
    await ensureMember(h, 'bind-member')
    expect(await bind(period._id, 'bind-member', groupCloudId(h, 'bind-member', GROUP))).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await bind(period._id, STRANGER_TEACHER, groupCloudId(h, STRANGER_TEACHER, GROUP))).toMatchObject({
      code: 'AUTH.NOT_ASSIGNED',
    })
    expect(await groupIdsOf(period._id)).toEqual([])
    expect(await bind(period._id, TEACHER, groupCloudId(h, TEACHER, GROUP))).toMatchObject({ code: 0, data: { bound: true } })
    expect(await groupIdsOf(period._id)).toEqual([GROUP])
  })

  it('should refuse an unknown period and a malformed request', async () => {
    expect(await bind('no-such-period', ADMIN, groupCloudId(h, ADMIN, GROUP))).toMatchObject({ code: 'CAMP.PERIOD_NOT_FOUND' })
    const period = await draft()
    expect(await camp(h, 'bindGroup', { periodId: period._id }, ADMIN)).toMatchObject({ code: 'REQUEST.INVALID' })
    expect(
      await camp(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, GROUP), groupId: GROUP }, ADMIN),
    ).toMatchObject({ code: 'REQUEST.INVALID' })
  })

  it('should earn the operator nothing for binding: no points and no event', async () => {
    const period = await draft()
    const eventsBefore = await h.emu.db.count('events', {})
    await campOk(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, 'G_unpaid') }, ADMIN)
    expect(await balanceOf(h, ADMIN)).toBe(0)
    expect(await h.emu.db.count('points_entries', { memberId: ADMIN })).toBe(0)
    expect(await h.emu.db.count('events', {})).toBe(eventsBefore)
  })

  it('should keep the bound groups through later edits of the period', async () => {
    const period = await draft()
    await campOk(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, GROUP) }, ADMIN)
    await campOk(h, 'updatePeriod', { periodId: period._id, capacity: 300 }, ADMIN)
    await campOk(h, 'setTasks', { periodId: period._id, tasks: [] }, ADMIN)
    expect(await groupIdsOf(period._id)).toEqual([GROUP])
  })
})

describe('the group multiplier after binding', () => {
  it('should pay the multiplier only for check-ins from a bound group, and stop after unbinding', async () => {
    const period = await draft()
    await campOk(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, 'G_new') }, ADMIN)
    const open = await campOk(h, 'updatePeriod', { periodId: period._id, status: 'open' }, ADMIN)
    await joined(h, open, ['bound-member', 'other-member'])
    const fromNew = await checkin(h, period._id, 'bound-member', {
      text: '群里打卡',
      groupCloudId: groupCloudId(h, 'bound-member', 'G_new'),
    })
    expect(fromNew).toMatchObject({ code: 0, data: { checkin: { fromGroup: true, points: 20 } } })
    expect(await balanceOf(h, 'bound-member')).toBe(20)

    await campOk(h, 'unbindGroup', { periodId: period._id, groupId: 'G_new' }, ADMIN)
    expect(await groupIdsOf(period._id)).toEqual([])
    // The check-in hot path caches a period per instance for PERIOD_TTL_MS (store.ts): let it expire.
    await at(h, '2026-03-02 10:01')
    const after = await checkin(h, period._id, 'other-member', { text: '解绑后', groupCloudId: groupCloudId(h, 'other-member', 'G_new') })
    expect(after).toMatchObject({ code: 0, data: { checkin: { fromGroup: false, points: 10 } } })
  })
})

describe('unbindGroup and publishing', () => {
  it('should refuse to publish a group-entry period before a group is bound, and publish after', async () => {
    const period = await draft({ entry: { kind: 'group' } })
    expect(await camp(h, 'updatePeriod', { periodId: period._id, status: 'open' }, ADMIN)).toMatchObject({
      code: 'CAMP.GROUP_REQUIRED_TO_PUBLISH',
    })
    expect((await stored(period._id)).status).toBe('draft')
    await campOk(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, GROUP) }, ADMIN)
    expect(await campOk(h, 'updatePeriod', { periodId: period._id, status: 'open' }, ADMIN)).toMatchObject({ status: 'open' })
  })

  it('should keep the last group of a published group-entry period and refuse an unknown group', async () => {
    const period = await draft({ entry: { kind: 'group' } })
    await campOk(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, GROUP) }, ADMIN)
    await campOk(h, 'updatePeriod', { periodId: period._id, status: 'open' }, ADMIN)
    expect(await camp(h, 'unbindGroup', { periodId: period._id, groupId: GROUP }, ADMIN)).toMatchObject({ code: 'CAMP.GROUP_LAST' })
    expect(await camp(h, 'unbindGroup', { periodId: period._id, groupId: 'G_never' }, ADMIN)).toMatchObject({
      code: 'CAMP.GROUP_NOT_BOUND',
    })
    await campOk(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, OTHER_GROUP) }, ADMIN)
    expect(await campOk(h, 'unbindGroup', { periodId: period._id, groupId: GROUP }, ADMIN)).toMatchObject({
      boundGroups: [{ groupId: OTHER_GROUP }],
    })
  })

  it('should refuse unbinding by a member or a teacher of another period', async () => {
    const period = await draft()
    await campOk(h, 'bindGroup', { periodId: period._id, groupCloudId: groupCloudId(h, ADMIN, GROUP) }, ADMIN)
    await ensureMember(h, 'unbind-member')
    expect(await camp(h, 'unbindGroup', { periodId: period._id, groupId: GROUP }, 'unbind-member')).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    })
    expect(await camp(h, 'unbindGroup', { periodId: period._id, groupId: GROUP }, STRANGER_TEACHER)).toMatchObject({
      code: 'AUTH.NOT_ASSIGNED',
    })
    expect(await groupIdsOf(period._id)).toEqual([GROUP])
  })
})
