/**
 * Every new write of 激励设置 fails cleanly (issue #18 item 4): a check-in that pays its tier bonus and a badge's
 * points, a feature that earns 首次精选 with points, and saving the settings — each commits whole or not at all
 * (SYS.*, nothing stored), and a retry succeeds once. Failure shape: platform-facts "errCode -502001 is generic".
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { enrollmentId } from '../../../cloudfunctions/src/domain/camp'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { faultMatrix, type FaultFlow } from '../../support/write-faults'
import { ADMIN, at, balanceOf, checkin, joined, openPeriod, updateDoc } from '../camp/support'
import { community, communityOk } from '../community/support'
import { LI, periodWithSubmissions, review, teachers } from '../review/support'

let h: FunctionsHarness
let period: AdminPeriodView

const TIERS = [{ fromDays: 7, multiplier: 1.2 }]

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await teachers(h)
  // 第 7 天 of a 14-day period that started 2026-03-02.
  await at(h, '2026-03-08 10:00')
  period = await openPeriod(h, { lengthDays: 14, teacherIds: [LI] }, -6)
  await communityOk(h, 'setIncentives', { periodId: period._id, tiers: TIERS, badgePoints: { streak_7: 5, first_featured: 8 } }, ADMIN)
})
afterAll(() => h.close())

async function ledgerOf(h: FunctionsHarness, who: string) {
  const entries = (await h.emu.db.find('points_entries', { memberId: who })) as { reason: string; amount: number }[]
  const [e] = (await h.emu.db.find('enrollments', { memberId: who })) as { badges?: string[]; pointsEarned: number }[]
  return {
    entries: entries.map((x) => `${x.reason}:${x.amount}`).sort(),
    balance: await balanceOf(h, who),
    badges: e?.badges ?? [],
    pointsEarned: e?.pointsEarned ?? 0,
  }
}

/** Six days on time behind them (days 1–6, the milestone paid), the member checks in on day 7: base, ×1.2, 坚持 7 天. */
const tierCheckinFlow: FaultFlow<string> = {
  name: 'tier-checkin',
  async prepare(h, who) {
    await joined(h, period, [who])
    const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']
    await updateDoc(h, 'enrollments', enrollmentId(period._id, who), {
      checkedDays: days,
      checkins: 6,
      currentStreak: 6,
      bestStreak: 6,
      streakMilestones: [3],
    })
    return who
  },
  act: (h, who) => checkin(h, period._id, who),
  async outcome(h, who) {
    const out = await ledgerOf(h, who)
    expect(out.entries).toEqual(['badge:5', 'checkin:10', 'tier_bonus:2'])
    return out
  },
  replayCodes: ['CAMP.ALREADY_CHECKED_IN'],
}

/** A teacher features the member's check-in: the featured bonus and 首次精选 with its 8 points, in one transaction. */
const featureFlow: FaultFlow<{ checkinId: string; who: string }> = {
  name: 'first-featured',
  async prepare(h, who) {
    const { period: p, ids } = await periodWithSubmissions(h, [who])
    await communityOk(h, 'setIncentives', { periodId: p._id, tiers: [], badgePoints: { first_featured: 8 } }, ADMIN)
    return { checkinId: ids[0], who }
  },
  act: (h, { checkinId }) => review(h, 'feature', { checkinId, featured: true }, LI),
  async outcome(h, { who }) {
    const out = await ledgerOf(h, who)
    expect(out.badges).toEqual(['first_featured'])
    return out
  },
  // The `featured` event is tracked after the commit, best effort (curate.ts).
  afterCommit: ['events'],
}

/** The operator saves the settings of a fresh period. */
const settingsFlow: FaultFlow<string> = {
  name: 'set-incentives',
  async prepare(h) {
    const p = await openPeriod(h, { lengthDays: 14 })
    return p._id
  },
  act: (h, periodId) => community(h, 'setIncentives', { periodId, tiers: TIERS, badgePoints: { streak_14: 20 } }, ADMIN),
  async outcome(h, periodId) {
    const [p] = (await h.emu.db.find('periods', { _id: periodId })) as { incentives?: unknown }[]
    return p.incentives
  },
}

describe('a check-in paying a tier and a badge under a failed write', () => faultMatrix(tierCheckinFlow, () => h, 6))
describe('首次精选 under a failed write', () => faultMatrix(featureFlow, () => h, 4))
describe('saving 激励设置 under a failed write', () => faultMatrix(settingsFlow, () => h, 2))
