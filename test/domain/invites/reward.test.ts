import { businessDay } from '@cloud/domain/business-day'
import {
  DAILY_REWARD_CAP,
  dailyId,
  emptyStats,
  INVITE_REWARD_POINTS,
  newInvite,
  nextCheckDelay,
  planPendingCheck,
  planReward,
  QUALIFY_WINDOW_MS,
  type InviteDoc,
  type InviteStatsDoc,
} from '@cloud/domain/invites'

const T0 = Date.parse('2026-11-23T10:00:00Z') // 18:00 in Shanghai
const qualified = (invitee: string, inviter = 'oInviter'): InviteDoc => ({
  ...newInvite(invitee, inviter, 'AB23CD', T0),
  status: 'qualified',
  qualifiedAt: T0,
  qualifiedBy: 'checkin',
})

/** Settles qualified invites one after another the way the service does: the counter doc is per inviter per Shanghai day. */
function settleSequence(times: number[]) {
  const daily = new Map<string, number>()
  let stats: InviteStatsDoc | null = null
  return times.map((now, i) => {
    const invite = qualified(`oFriend${i}`)
    const key = dailyId(invite.inviterId, businessDay(now))
    const plan = planReward({ invite, rewardedToday: daily.get(key) ?? 0, stats, now })
    daily.set(dailyId(invite.inviterId, plan.day), plan.dailyRewarded)
    stats = plan.stats
    return plan
  })
}

describe('planReward', () => {
  it('should reward a qualified invite with the policy points and count it for the day and the inviter', () => {
    const plan = planReward({ invite: qualified('oFriend'), rewardedToday: 0, stats: null, now: T0 })
    expect(plan).toMatchObject({
      rewarded: true,
      points: INVITE_REWARD_POINTS,
      day: '2026-11-23',
      dailyRewarded: 1,
      invitePatch: { status: 'rewarded', points: INVITE_REWARD_POINTS, rewardDay: '2026-11-23', nextCheckAt: null },
      stats: { _id: 'oInviter', qualified: 1, rewarded: 1, points: INVITE_REWARD_POINTS, reachedAt: T0 },
    })
  })

  it('should mark the invite over the cap, qualified but unrewarded, once the day’s cap is reached', () => {
    const stats = { ...emptyStats('oInviter', 0), invited: 9, qualified: 5, rewarded: 5, points: 250 }
    const plan = planReward({ invite: qualified('oLate'), rewardedToday: DAILY_REWARD_CAP, stats, now: T0 })
    expect(plan).toMatchObject({
      rewarded: false,
      points: 0,
      dailyRewarded: DAILY_REWARD_CAP,
      invitePatch: { status: 'over_cap', points: 0 },
      stats: { invited: 9, qualified: 6, rewarded: 5, points: 250 },
    })
  })

  it('should start a new daily count at midnight in Shanghai although the server clock is UTC', () => {
    const beforeMidnight = Date.parse('2026-11-23T15:59:00Z') // 23:59 Shanghai
    const afterMidnight = Date.parse('2026-11-23T16:00:00Z') // 00:00 Shanghai, still the 23rd in UTC
    const plans = settleSequence([...Array(DAILY_REWARD_CAP + 1).fill(beforeMidnight), afterMidnight])
    expect(plans.map((p) => p.invitePatch.status)).toEqual([...Array(DAILY_REWARD_CAP).fill('rewarded'), 'over_cap', 'rewarded'])
    expect(plans[DAILY_REWARD_CAP + 1]).toMatchObject({ day: '2026-11-24', dailyRewarded: 1 })
    expect(plans.at(-1)?.stats).toMatchObject({ qualified: DAILY_REWARD_CAP + 2, rewarded: DAILY_REWARD_CAP + 1 })
  })

  it('should refuse to plan a reward for an invite that is not qualified (a bug in the caller)', () => {
    expect(() => planReward({ invite: { ...qualified('x'), status: 'rewarded' }, rewardedToday: 0, stats: null, now: T0 })).toThrow()
  })
})

describe('planPendingCheck', () => {
  const pending = newInvite('oFriend', 'oInviter', 'AB23CD', T0)

  it('should qualify on the invitee’s real action, recording which one', () => {
    expect(planPendingCheck(pending, { type: 'class_signup', at: T0 + 5 }, T0 + 10)).toEqual({
      kind: 'qualify',
      patch: { status: 'qualified', qualifiedAt: T0 + 5, qualifiedBy: 'class_signup', nextCheckAt: T0 + 10 },
    })
  })

  it('should back off between checks while nothing happened, up to six hours', () => {
    const step = planPendingCheck({ ...pending, checks: 2 }, null, T0 + 1000)
    expect(step).toEqual({ kind: 'wait', patch: { checks: 3, nextCheckAt: T0 + 1000 + nextCheckDelay(2) } })
    expect(nextCheckDelay(0)).toBe(5 * 60_000)
    expect(nextCheckDelay(1)).toBe(10 * 60_000)
    expect(nextCheckDelay(50)).toBe(6 * 3_600_000)
  })

  it('should expire an invite whose invitee did nothing real within the window', () => {
    const later = T0 + QUALIFY_WINDOW_MS + 1
    expect(planPendingCheck(pending, null, later)).toMatchObject({ kind: 'expire', patch: { status: 'expired', nextCheckAt: null } })
    expect(planPendingCheck(pending, { type: 'checkin', at: later }, later).kind).toBe('qualify')
  })
})
