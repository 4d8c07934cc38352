import { INVITE_REWARD_POINTS } from '../../../cloudfunctions/src/domain/invites'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { balanceOf, updateDoc } from '../camp/support'
import { arriveByPoster, checkinDocFor, inviteOf, inviterWithCode, mine, rewardEntries, runSettle } from './support'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())

const checkedIn = (memberId: string) => checkinDocFor(h, memberId, 'p-fault')

describe('invite settlement under failures', () => {
  it('should leave nothing half-done when the reward transaction fails, and reward once on the next settle', async () => {
    const code = await inviterWithCode(h, 'fault-inviter', 'FA23KT')
    await arriveByPoster(h, 'fault-friend', code)
    await checkedIn('fault-friend')
    // The stats write comes after the ledger entry and the balance inside the reward transaction.
    h.emu.faults.failNext({ action: 'database.modifyDocument', collection: 'invite_stats', times: 50, code: 'DATABASE_TIMEOUT' })
    const run = await runSettle(h)
    h.emu.faults.clear()

    expect(run.result).toMatchObject({ code: 0, data: { failed: 1, rewarded: 0 } })
    // Qualifying and rewarding are one transaction: the failed one leaves the invite as it was.
    expect(await inviteOf(h, 'fault-friend')).toMatchObject({ status: 'pending' })
    expect(await h.emu.db.count('events', { type: 'invite_qualified', memberId: 'fault-friend' })).toBe(0)
    expect(await rewardEntries(h, 'fault-inviter')).toBe(0)
    expect(await balanceOf(h, 'fault-inviter')).toBe(0)
    expect(await h.emu.db.count('invite_daily', { inviterId: 'fault-inviter' })).toBe(0)

    await runSettle(h)
    await runSettle(h)
    expect(await inviteOf(h, 'fault-friend')).toMatchObject({ status: 'rewarded' })
    expect(await h.emu.db.count('events', { type: 'invite_qualified', memberId: 'fault-friend' })).toBe(1)
    expect(await rewardEntries(h, 'fault-inviter')).toBe(1)
    expect(await balanceOf(h, 'fault-inviter')).toBe(INVITE_REWARD_POINTS)
  })

  it('should page my invitees newest first with the `before` cursor', async () => {
    const code = await inviterWithCode(h, 'paging-inviter', 'PAGE23')
    for (let i = 0; i < 5; i++) {
      h.emu.clock.set(h.emu.clock.now() + 60_000)
      await arriveByPoster(h, `paged-${i}`, code)
    }
    const first = await mine(h, 'paging-inviter', { limit: 3 })
    expect(first.items.map((i) => i.invitee.id)).toEqual(['paged-4', 'paged-3', 'paged-2'].map(publicIdOf))
    expect(first.nextBefore).toEqual({ claimedAt: first.items[2].claimedAt, skip: 1 })
    const second = await mine(h, 'paging-inviter', { limit: 3, before: first.nextBefore })
    expect(second.items.map((i) => i.invitee.id)).toEqual(['paged-1', 'paged-0'].map(publicIdOf))
    expect(second.nextBefore).toBeNull()
    expect(first.counts.invited).toBe(5)
  })

  it('should skip nobody at a page boundary when several friends arrived in the same millisecond', async () => {
    const code = await inviterWithCode(h, 'tied-inviter', 'TYED23')
    h.emu.clock.set(h.emu.clock.now() + 60_000)
    const friends = ['tied-a', 'tied-b', 'tied-c', 'tied-d', 'tied-e']
    for (const f of friends) await h.ok('identity', { action: 'open', channel: 'poster', posterCode: code }, f)
    // All five claims at one instant (the clock stands still between them).
    const claims = await Promise.all(friends.map((f) => h.call('invites', { action: 'claim', code: `i=${code}` }, f)))
    expect(claims.map((c) => c.code)).toEqual([0, 0, 0, 0, 0])
    // Real time flows in the emulator: pin the five claims to one instant, as a burst of scans can land.
    const instant = h.emu.clock.now()
    for (const f of friends) await updateDoc(h, 'invites', f, { claimedAt: instant })
    const seen: string[] = []
    let before: unknown
    for (let pages = 0; pages < 5; pages++) {
      const page = await mine(h, 'tied-inviter', { limit: 2, ...(before ? { before } : {}) })
      seen.push(...page.items.map((i) => i.invitee.id))
      if (!page.nextBefore) break
      before = page.nextBefore
    }
    expect(seen.sort()).toEqual(friends.map(publicIdOf).sort())
  })

  it('should refuse a code other than the one the new member first arrived with', async () => {
    const [a, b] = [await inviterWithCode(h, 'touch-a', 'TCHA23'), await inviterWithCode(h, 'touch-b', 'TCHB23')]
    expect((await arriveByPoster(h, 'toucher', a)).code).toBe(0)
    // A second poster scanned later by someone attributed elsewhere: refused, the first touch stands.
    const res = await h.call('invites', { action: 'claim', code: b }, 'toucher')
    expect(res).toMatchObject({ code: 'INVITE.ALREADY_CLAIMED' })
    await h.ok('identity', { action: 'open', channel: 'poster', posterCode: a }, 'first-touch-only')
    expect(await h.call('invites', { action: 'claim', code: b }, 'first-touch-only')).toMatchObject({ code: 'INVITE.NOT_FIRST_TOUCH' })
    expect(await h.emu.db.count('invites', { _id: 'first-touch-only' })).toBe(0)
  })

  it('should run the timer only as a timer: a client call with its name is an unknown action', async () => {
    expect(await h.call('invites', { action: 'settle' }, 'someone')).toMatchObject({ code: 'REQUEST.UNKNOWN_ACTION' })
    expect(await h.call('invites', { Type: 'Timer', TriggerName: 'jobs', Job: 'settle' }, 'someone')).toMatchObject({
      code: 'REQUEST.UNKNOWN_ACTION',
    })
  })
})
