import { seedPersonaMembers } from '../../../local/seed'
import { seedInvites } from '../../../local/seed/invites'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { leaderboard, mine, poster } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  const now = h.emu.clock.now()
  await seedPersonaMembers(h.emu, now)
  await seedInvites(h.emu, now)
}, 60_000)
afterAll(() => h.close())

describe('demo invites seed', () => {
  it('should show 小明妈妈 invitees in every status, with counts matching her ledger', async () => {
    const view = await mine(h, 'dev-member-01')
    expect(view.code).toBe('XMAMA2')
    expect(new Set(view.items.map((i) => i.statusLabel))).toEqual(new Set(['待完成', '已奖励', '超出今日上限', '已过期']))
    expect(view.items.find((i) => i.status === 'rewarded')?.invitee.nickname).toBeTruthy()
    expect(view.counts).toEqual({ invited: 6, qualified: 3, rewarded: 2, points: 100 })
    expect(await h.emu.db.count('points_entries', { memberId: 'dev-member-01', reason: 'invite_reward' })).toBe(2)
  })

  it('should rank the seeded inviters by qualified invites, the one who got there first ahead on a tie', async () => {
    const board = await leaderboard(h, 'dev-member-05')
    expect(board.rows.map((r) => [r.inviter.nickname, r.qualified])).toEqual([
      ['小明妈妈', 3],
      ['乐乐爸爸', 3],
      ['朵朵', 1],
    ])
  })

  it('should make the seeded inviter’s poster on demand with the seeded code', async () => {
    expect((await poster(h, 'dev-member-01')).scene).toBe('i=XMAMA2')
  })

  it.each([
    ['my invitees', 'invites', { inviterId: 'dev-member-01' }, { claimedAt: -1 }, /^inviter_claimed$/],
    ['my open invites', 'invites', { inviterId: 'dev-member-01', status: 'pending' }, { claimedAt: -1 }, /^inviter_status_claimed$/],
    ['due invites (timer)', 'invites', { status: 'pending', nextCheckAt: { $lte: 1 } }, { nextCheckAt: 1 }, /^status_next_check$/],
    ['the leaderboard', 'invite_stats', { qualified: { $gt: 0 } }, { qualified: -1, reachedAt: 1 }, /^qualified_reached$/],
    ['a member’s code', 'invite_codes', { memberId: 'dev-member-01' }, undefined, /^member$/],
    ['the invitee’s real actions', 'events', { memberId: 'm', type: { $in: ['checkin', 'class_signup'] } }, { at: 1 }, /^member_at$/],
  ] as const)('should read %s through an index', (_name, collection, query, sort, index) => {
    const plan = h.emu.db.explain(collection, query, { sort, limit: 21 })
    expect(plan.mode).not.toBe('scan')
    expect(plan.index).toMatch(index)
  })
})
