import { buildEvent, type EventType } from '../../../cloudfunctions/src/domain/identity'
import { DAILY_REWARD_CAP, INVITE_REWARD_POINTS, QUALIFY_WINDOW_MS } from '../../../cloudfunctions/src/domain/invites'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, balanceOf, checkin, joined, openPeriod, sh } from '../camp/support'
import { arriveByPoster, checkinDocFor, inviteOf, inviterWithCode, mine, rewardEntries, runSettle } from './support'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await h.member(ADMIN, ['admin'])
})
afterAll(() => h.close())

/**
 * What another feature leaves for the invitee's real action: a class signup's event (the classes feature's own tests
 * cover writing it), or a committed check-in document (check-ins carry no event of their own).
 */
const realAction = (memberId: string, type: EventType, ref: string) =>
  type === 'checkin'
    ? checkinDocFor(h, memberId, ref)
    : h.emu.db.insert('events', [buildEvent({ type, memberId, periodId: ref, ref }, h.emu.clock.now())])

let codeSeq = 0
const nextCode = () => `ST${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'[codeSeq++]}${'AB'}Z`

describe('invite settlement', () => {
  it('should reward the inviter exactly once after the invitee’s first check-in, with 10 settles and the timer racing', async () => {
    await at(h, '2026-03-02 09:00')
    const code = await inviterWithCode(h, 'rewarded-inviter', nextCode())
    expect((await arriveByPoster(h, 'checker', code)).code).toBe(0)
    const period = await openPeriod(h)
    await joined(h, period, ['checker'])
    expect((await mine(h, 'rewarded-inviter')).items[0]).toMatchObject({ status: 'pending', statusLabel: '待完成' })
    expect((await checkin(h, period._id, 'checker')).code).toBe(0)

    await Promise.all([...Array.from({ length: 10 }, () => mine(h, 'rewarded-inviter')), runSettle(h), runSettle(h)])
    expect(await rewardEntries(h, 'rewarded-inviter')).toBe(1)
    expect(await balanceOf(h, 'rewarded-inviter')).toBe(INVITE_REWARD_POINTS)
    expect(await inviteOf(h, 'checker')).toMatchObject({ status: 'rewarded', qualifiedBy: 'checkin', points: INVITE_REWARD_POINTS })
    const after = await mine(h, 'rewarded-inviter')
    expect(after.items[0]).toMatchObject({ invitee: { id: publicIdOf('checker') }, statusLabel: '已奖励', points: INVITE_REWARD_POINTS })
    expect(after.counts).toEqual({ invited: 1, qualified: 1, rewarded: 1, points: INVITE_REWARD_POINTS })
    // More check-ins by the same invitee earn the inviter nothing more.
    await at(h, '2026-03-03 09:00')
    await checkin(h, period._id, 'checker')
    await runSettle(h)
    expect(await rewardEntries(h, 'rewarded-inviter')).toBe(1)
  })

  it('should qualify on a free-class signup too, through the timer alone', async () => {
    const code = await inviterWithCode(h, 'class-inviter', nextCode())
    await arriveByPoster(h, 'class-goer', code)
    await realAction('class-goer', 'class_signup', 'class-1')
    await runSettle(h)
    expect(await inviteOf(h, 'class-goer')).toMatchObject({ status: 'rewarded', qualifiedBy: 'class_signup' })
    expect(await h.emu.db.count('events', { type: 'invite_rewarded', memberId: 'class-inviter' })).toBe(1)
  })

  it('should cap rewards per inviter per Shanghai business day and start again after midnight (server in UTC)', async () => {
    h.emu.clock.set(sh('2026-04-10 23:50'))
    const code = await inviterWithCode(h, 'busy-inviter', nextCode())
    const friends = Array.from({ length: DAILY_REWARD_CAP + 1 }, (_, i) => `friend-${i}`)
    for (const f of friends) {
      await arriveByPoster(h, f, code)
      await realAction(f, 'checkin', 'p-cap')
    }
    await runSettle(h)
    const statuses = await Promise.all(friends.map(async (f) => (await inviteOf(h, f)).status))
    expect(statuses.filter((s) => s === 'rewarded')).toHaveLength(DAILY_REWARD_CAP)
    expect(statuses.filter((s) => s === 'over_cap')).toHaveLength(1)
    const capped = (await mine(h, 'busy-inviter')).items.find((i) => i.status === 'over_cap')
    expect(capped).toMatchObject({ statusLabel: '超出今日上限', points: 0, note: expect.stringContaining('上限') })

    // 00:05 in Shanghai is still 16:05 UTC of the 10th: a new business day all the same.
    h.emu.clock.set(sh('2026-04-11 00:05'))
    await arriveByPoster(h, 'after-midnight', code)
    await realAction('after-midnight', 'checkin', 'p-cap')
    await runSettle(h)
    expect(await inviteOf(h, 'after-midnight')).toMatchObject({ status: 'rewarded', rewardDay: '2026-04-11' })
    expect(await balanceOf(h, 'busy-inviter')).toBe((DAILY_REWARD_CAP + 1) * INVITE_REWARD_POINTS)
    expect(await h.emu.db.find('invite_daily', { inviterId: 'busy-inviter' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ day: '2026-04-10', rewarded: DAILY_REWARD_CAP }),
        expect.objectContaining({ day: '2026-04-11', rewarded: 1 }),
      ]),
    )
  })

  it('should leave an invite pending (checked later, not every run) until the invitee acts, and expire it after the window', async () => {
    const code = await inviterWithCode(h, 'patient-inviter', nextCode())
    await arriveByPoster(h, 'idle-friend', code)
    await runSettle(h)
    const first = await inviteOf(h, 'idle-friend')
    expect(first).toMatchObject({ status: 'pending', checks: 1 })
    expect(first.nextCheckAt).toBeGreaterThan(h.emu.clock.now())
    await runSettle(h) // not due yet: untouched
    expect(await inviteOf(h, 'idle-friend')).toMatchObject({ checks: 1 })
    h.emu.clock.set(h.emu.clock.now() + QUALIFY_WINDOW_MS + 60_000)
    await runSettle(h)
    expect(await inviteOf(h, 'idle-friend')).toMatchObject({ status: 'expired', nextCheckAt: null })
    expect((await mine(h, 'patient-inviter')).items[0]).toMatchObject({ statusLabel: '已过期' })
    expect(await rewardEntries(h, 'patient-inviter')).toBe(0)
  })
})
