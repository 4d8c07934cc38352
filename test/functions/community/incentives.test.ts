/**
 * 激励设置 end to end (issue #18 item 4): an operator sets a period's streak tiers and badge points; check-ins pay the
 * tier bonus as its own `tier_bonus` entry, make-ups never do; badges land on the enrollment in the transaction that
 * earned them (check-in, make-up, feature) with their `badge` entry, exactly once under races and retries; the
 * balance stays the ledger's sum.
 */
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import type { HistoryPage } from '../../../cloudfunctions/src/contracts/points'
import { checkinId, enrollmentId } from '../../../cloudfunctions/src/domain/camp'
import { badgeKey, tierBonusKey } from '../../../cloudfunctions/src/domain/points'
import { reconcileBalances } from '../../../cloudfunctions/src/services/points/reconcile'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { databaseTrail } from '../../support/request-trail'
import { ADMIN, at, balanceOf, camp, checkin, entriesOf, ensureMember, joined, openPeriod, updateDoc } from '../camp/support'
import { LI, review, reviewOk, teachers } from '../review/support'
import { community, communityOk } from './support'

/**
 * The check-in's requests without the cached period read, so the counts show what the tier and badge add; a check-in
 * writes no queue counter (its creation is counted from the document: domain/camp/queue-counters.ts), checked apart.
 */
const core = (trail: readonly string[]) => trail.filter((r) => r !== 'database.getDocument periods' && !r.endsWith(' queue_counters'))
const counterWrites = (trail: readonly string[]) => trail.filter((r) => r.endsWith(' queue_counters')).length

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await teachers(h)
})
afterAll(() => h.close())

/** 第 n 天 of a period starting 2026-03-02 (n ≤ 14). */
const day = (n: number) => `2026-03-${String(n + 1).padStart(2, '0')}`

const TIERS = [
  { fromDays: 7, multiplier: 1.2 },
  { fromDays: 14, multiplier: 1.5 },
]

const enrollmentOf = async (periodId: string, who: string) =>
  ((await h.emu.db.find('enrollments', { _id: enrollmentId(periodId, who) })) as { badges?: string[]; pointsEarned: number }[])[0]

const periodDoc = async (periodId: string) => ((await h.emu.db.find('periods', { _id: periodId })) as { incentives?: unknown }[])[0]

/** A 14-day period from 2026-03-02 (10 points a check-in, 30 at a 3-day streak) with the tiers and streak_7 worth 5. */
async function periodWithTiers(members: string[], badgePoints: Record<string, number> = { streak_7: 5, first_featured: 8 }) {
  await at(h, '2026-03-02 09:00')
  const period = await openPeriod(h, { lengthDays: 14, teacherIds: [LI] })
  await communityOk(h, 'setIncentives', { periodId: period._id, tiers: TIERS, badgePoints }, ADMIN)
  await joined(h, period, members)
  return period
}

async function checkInDays(period: AdminPeriodView, who: string, days: number[]) {
  for (const n of days) {
    await at(h, `${day(n)} 10:00`)
    expect((await checkin(h, period._id, who)).code).toBe(0)
  }
}

/** The balance is the ledger's sum, the enrollment's earned total its credits of the period, and reconcile agrees. */
async function expectConsistent(periodId: string, who: string) {
  const entries = await entriesOf(h, who)
  expect(await balanceOf(h, who)).toBe(entries.reduce((s, e) => s + e.amount, 0))
  const credits = entries.filter((e) => e.amount > 0 && e._id.includes(periodId)).reduce((s, e) => s + e.amount, 0)
  expect((await enrollmentOf(periodId, who)).pointsEarned).toBe(credits)
  expect(await reconcileBalances(who)).toMatchObject({ checked: 1, mismatched: 0 })
}

describe('激励设置 (operators)', () => {
  let period: AdminPeriodView
  beforeAll(async () => {
    await at(h, '2026-03-02 09:00')
    period = await openPeriod(h, { lengthDays: 14 })
    await ensureMember(h, 'plain-member')
  })

  it('should answer the period’s offered badges and no tiers before anything is set', async () => {
    const view = await communityOk(h, 'incentives', { periodId: period._id }, ADMIN)
    expect(view).toMatchObject({ lengthDays: 14, editable: true, tiers: [] })
    expect(view.badges.map((b) => `${b.label}:${b.points}`)).toEqual(['坚持 7 天:0', '坚持 14 天:0', '完美一周:0', '首次精选:0'])
  })

  it('should refuse tiers that do not increase or exceed the period, and store nothing', async () => {
    const bad = [
      [
        { fromDays: 7, multiplier: 1.5 },
        { fromDays: 14, multiplier: 1.2 },
      ],
      [{ fromDays: 15, multiplier: 1.2 }],
      [{ fromDays: 7, multiplier: 1.234 }],
      [{ fromDays: 7, multiplier: 1 }],
    ]
    for (const tiers of bad) {
      const res = await community(h, 'setIncentives', { periodId: period._id, tiers, badgePoints: {} }, ADMIN)
      expect(res).toMatchObject({ code: 'TEAM.TIERS_INVALID', message: expect.stringContaining('连续打卡加成') })
    }
    const noOffer = await community(h, 'setIncentives', { periodId: period._id, tiers: [], badgePoints: { streak_21: 10 } }, ADMIN)
    expect(noOffer.code).toBe('TEAM.BADGE_POINTS_INVALID')
    expect((await periodDoc(period._id)).incentives).toBeUndefined()
  })

  it('should refuse members and teachers', async () => {
    for (const who of ['plain-member', LI]) {
      expect((await community(h, 'incentives', { periodId: period._id }, who)).code).toBe('AUTH.FORBIDDEN')
      const res = await community(h, 'setIncentives', { periodId: period._id, tiers: TIERS, badgePoints: {} }, who)
      expect(res.code).toBe('AUTH.FORBIDDEN')
    }
    expect((await periodDoc(period._id)).incentives).toBeUndefined()
  })

  it('should store sorted tiers and the badge points, and answer them labelled', async () => {
    const saved = await communityOk(
      h,
      'setIncentives',
      { periodId: period._id, tiers: [...TIERS].reverse(), badgePoints: { streak_14: 20, first_featured: 0 } },
      ADMIN,
    )
    expect(saved.tiers).toEqual([
      { fromDays: 7, multiplier: 1.2, label: '连续 7 天 ×1.2' },
      { fromDays: 14, multiplier: 1.5, label: '连续 14 天 ×1.5' },
    ])
    expect(saved.badges.find((b) => b.value === 'streak_14')?.points).toBe(20)
    expect((await periodDoc(period._id)).incentives).toEqual({ tiers: TIERS, badgePoints: { streak_14: 20 } })
    expect(await communityOk(h, 'incentives', { periodId: period._id }, ADMIN)).toEqual(saved)
  })
})

describe('the tier bonus and streak badges of check-ins', () => {
  let period: AdminPeriodView
  beforeAll(async () => {
    period = await periodWithTiers(['steady', 'racer'])
    await checkInDays(period, 'steady', [1, 2, 3, 4, 5, 6])
  })

  it('should pay nothing extra before day 7, then ×1.2 as its own entry on day 7 with the 坚持 7 天 badge', async () => {
    const before = await entriesOf(h, 'steady')
    expect(before.filter((e) => e.reason === 'tier_bonus' || e.reason === 'badge')).toEqual([])
    expect((await enrollmentOf(period._id, 'steady')).badges).toBeUndefined()
    await at(h, `${day(7)} 10:00`)
    const trail = await databaseTrail(h, () => checkin(h, period._id, 'steady'))
    // The plain check-in's seven requests plus one entry add for each of the tier bonus and the badge's points.
    expect(trail.filter((r) => r === 'database.insertDocument points_entries')).toHaveLength(3)
    // (The period read is the per-instance cache's: the clock moved past its TTL since the last check-in.)
    expect(core(trail)).toHaveLength(9)
    expect(counterWrites(trail)).toBe(0)
    const entries = (await entriesOf(h, 'steady')).filter((e) => e.reason === 'tier_bonus' || e.reason === 'badge')
    expect(entries.map((e) => [e._id, e.amount]).sort()).toEqual(
      [
        [tierBonusKey(period._id, day(7), 'steady'), 2],
        [badgeKey(period._id, 'streak_7', 'steady'), 5],
      ].sort(),
    )
    // Days 1–7 on time are also a 完美一周 (worth 0 here: stored, no entry).
    expect((await enrollmentOf(period._id, 'steady')).badges).toEqual(['streak_7', 'perfect_week'])
    const [doc] = (await h.emu.db.find('checkins', { _id: checkinId(period._id, day(7), 'steady') })) as { points: number }[]
    expect(doc.points).toBe(10 + 2 + 5)
    await expectConsistent(period._id, 'steady')
    // The member's points history names the new entries in Chinese.
    const history = await h.ok<HistoryPage>('points', { action: 'history', limit: 20 }, 'steady')
    const labels = history.items
      .filter((i) => i.reason === 'tier_bonus' || i.reason === 'badge')
      .map((i) => `${i.reasonLabel} +${i.amount}`)
    expect(labels.sort()).toEqual(['连续打卡加成 +2', '徽章奖励 +5'].sort())
    // 我的打卡日历 shows the badges and the tier too, labelled, never as ids.
    const calendar = await camp(h, 'calendar', { periodId: period._id }, 'steady')
    expect(calendar.code).toBe(0)
    if (calendar.code === 0) {
      const cal = calendar.data as { badges: { label: string }[]; tier: { label: string } | null }
      expect(cal.badges.map((b) => b.label)).toEqual(['坚持 7 天', '完美一周'])
      expect(cal.tier?.label).toBe('连续 7 天 ×1.2')
    }
  })

  it('should keep paying the tier each day but the badge once', async () => {
    await at(h, `${day(8)} 10:00`)
    const trail = await databaseTrail(h, () => checkin(h, period._id, 'steady'))
    expect(trail.at(-1)).toBe('database.commitTransaction')
    // One entry add more than a plain check-in: the tier bonus alone.
    expect(core(trail)).toHaveLength(8)
    expect(counterWrites(trail)).toBe(0)
    const entries = await entriesOf(h, 'steady')
    expect(entries.filter((e) => e.reason === 'tier_bonus')).toHaveLength(2)
    expect(entries.filter((e) => e.reason === 'badge')).toHaveLength(1)
    await expectConsistent(period._id, 'steady')
  })

  it('should pay the tier bonus and the badge once under 20 parallel check-ins and retries', async () => {
    // racer: days 3–8 written directly (the day sets six check-ins would leave), then 20 check-ins at once on day 9.
    await updateDoc(h, 'enrollments', enrollmentId(period._id, 'racer'), {
      checkedDays: [3, 4, 5, 6, 7, 8].map(day),
      checkins: 6,
      currentStreak: 6,
      bestStreak: 6,
      streakMilestones: [3],
    })
    await at(h, `${day(9)} 10:00`)
    const results = await Promise.all(Array.from({ length: 20 }, () => checkin(h, period._id, 'racer')))
    expect(results.filter((r) => r.code === 0)).toHaveLength(1)
    expect(results.filter((r) => r.code !== 0).every((r) => r.code === 'CAMP.ALREADY_CHECKED_IN')).toBe(true)
    for (let i = 0; i < 3; i++) expect((await checkin(h, period._id, 'racer')).code).toBe('CAMP.ALREADY_CHECKED_IN')
    const entries = await entriesOf(h, 'racer')
    expect(entries.map((e) => e._id).sort()).toEqual(
      [checkinId(period._id, day(9), 'racer'), tierBonusKey(period._id, day(9), 'racer'), badgeKey(period._id, 'streak_7', 'racer')].sort(),
    )
    expect((await enrollmentOf(period._id, 'racer')).badges).toEqual(['streak_7'])
    expect(await balanceOf(h, 'racer')).toBe(10 + 2 + 5)
    expect(await reconcileBalances('racer')).toMatchObject({ checked: 1, mismatched: 0 })
  })
})

describe('make-ups', () => {
  it('should never pay a tier, but complete a streak badge when the policy keeps streaks', async () => {
    const period = await periodWithTiers(['mender'])
    // Days 1–5 and 7–8 on time; day 6 made up on day 8, joining the runs into 1–8.
    await checkInDays(period, 'mender', [1, 2, 3, 4, 5, 7, 8])
    expect((await entriesOf(h, 'mender')).filter((e) => e.reason === 'tier_bonus' || e.reason === 'badge')).toEqual([])
    expect((await camp(h, 'makeup', { periodId: period._id, day: day(6) }, 'mender')).code).toBe(0)
    const entries = await entriesOf(h, 'mender')
    expect(entries.filter((e) => e.reason === 'tier_bonus')).toEqual([])
    expect(entries.filter((e) => e.reason === 'badge').map((e) => e._id)).toEqual([badgeKey(period._id, 'streak_7', 'mender')])
    expect((await enrollmentOf(period._id, 'mender')).badges).toEqual(['streak_7'])
    // The next on-time day is in the tier (a 9-day streak): its check-in pays it.
    await checkInDays(period, 'mender', [9])
    const tiers = (await entriesOf(h, 'mender')).filter((e) => e.reason === 'tier_bonus')
    expect(tiers.map((e) => e._id)).toEqual([tierBonusKey(period._id, day(9), 'mender')])
    await expectConsistent(period._id, 'mender')
  })
})

describe('首次精选', () => {
  it('should earn the badge and its points once when a teacher features a check-in, never removed', async () => {
    const period = await periodWithTiers(['star', 'reviewed', 'popular'])
    await checkInDays(period, 'star', [1, 2])
    await checkInDays(period, 'reviewed', [2])
    const first = checkinId(period._id, day(1), 'star')
    await reviewOk(h, 'feature', { checkinId: first, featured: true }, LI)
    expect((await enrollmentOf(period._id, 'star')).badges).toEqual(['first_featured'])
    await reviewOk(h, 'feature', { checkinId: first, featured: false }, LI)
    await reviewOk(h, 'feature', { checkinId: first, featured: true }, LI)
    await reviewOk(h, 'feature', { checkinId: checkinId(period._id, day(2), 'star'), featured: true }, LI)
    expect((await enrollmentOf(period._id, 'star')).badges).toEqual(['first_featured'])
    const badges = (await entriesOf(h, 'star')).filter((e) => e.reason === 'badge')
    expect(badges.map((e) => [e._id, e.amount])).toEqual([[badgeKey(period._id, 'first_featured', 'star'), 8]])
    await expectConsistent(period._id, 'star')
    // Teachers featuring five of one member's check-ins at once: one badge, one entry, every feature answered.
    await checkInDays(period, 'popular', [3, 4, 5, 6, 7])
    const features = await Promise.all(
      [3, 4, 5, 6, 7].map((n) => review(h, 'feature', { checkinId: checkinId(period._id, day(n), 'popular'), featured: true }, LI)),
    )
    expect(features.map((r) => r.code)).toEqual([0, 0, 0, 0, 0])
    expect((await enrollmentOf(period._id, 'popular')).badges).toEqual(['first_featured'])
    expect((await entriesOf(h, 'popular')).filter((e) => e.reason === 'badge')).toHaveLength(1)
    expect((await entriesOf(h, 'popular')).filter((e) => e.reason === 'featured')).toHaveLength(5)
    await expectConsistent(period._id, 'popular')
    // A review that features the check-in earns it too.
    await reviewOk(h, 'submitReview', { checkinId: checkinId(period._id, day(2), 'reviewed'), comment: '读得很好', featured: true }, LI)
    expect((await enrollmentOf(period._id, 'reviewed')).badges).toEqual(['first_featured'])
    await expectConsistent(period._id, 'reviewed')
  })
})
