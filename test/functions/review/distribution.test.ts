/**
 * Fair distribution of a period's waiting items over its teachers (issue #17 item 2) through the review function on
 * the emulator: leases under racing opens, lease expiry, dealing by load (team scope, nobody present, away teachers,
 * pinned items), and the operator's reassignment — with the per-teacher counters checked against the items.
 * The clock is frozen at each step (`at` waits for the minute timer's deal, so no deal runs under a test's feet).
 */
import { enrollmentId } from '../../../cloudfunctions/src/domain/camp'
import { LEASE_MS } from '../../../cloudfunctions/src/domain/review'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { checkin, joined, openPeriod, sh } from '../camp/support'
import {
  backlogsFromItems,
  countersAgainstItems,
  itemOf,
  itemsOf,
  OPERATOR,
  patchDoc,
  rebalance,
  setPresence,
  spread,
  threeTeachers,
  view,
  ZHANG,
} from './distribution-support'
import { at, LI, OUTSIDER_TEACHER, periodWithSubmissions, review, reviewOk, reviewsOf, WANG } from './support'

let h: FunctionsHarness
let seq = 0
const T0 = '2026-03-02 10:00'

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await threeTeachers(h)
})
afterAll(() => h.close())
beforeEach(async () => {
  await at(h, T0, { frozen: true })
})

/** `n` submissions of a new period taught by `teacherIds`, left where the check-ins put them (the pool). */
async function pooled(n: number, teacherIds: string[], overrides: Record<string, unknown> = {}) {
  const members = Array.from({ length: n }, (_, i) => `ds${++seq}-${i}`)
  return periodWithSubmissions(h, members, { teacherIds, ...overrides }, null)
}

const allPresent = async (...ids: string[]) => {
  for (const t of ids) await setPresence(t, h.emu.clock.now())
}

describe('leases', () => {
  it('should give one of two teachers racing to open an item the lease; only the holder submits', async () => {
    const { ids } = await pooled(1, [LI, WANG])
    const openers = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? LI : WANG))
    const answers = await Promise.all(openers.map((t) => review(h, 'open', { checkinId: ids[0] }, t)))
    const winners = new Set(openers.filter((_, i) => answers[i].code === 0))
    expect(winners.size).toBe(1)
    const [holder] = [...winners]
    const loser = holder === LI ? WANG : LI
    // Every call of the holder succeeded (a renewal), every call of the other was refused.
    expect(answers.filter((_, i) => openers[i] === loser).map((a) => a.code)).toEqual(Array(5).fill('REVIEW.LEASED'))
    expect((await itemOf(h, ids[0])).lease).toMatchObject({ holder })
    expect((await review(h, 'submitReview', { checkinId: ids[0], comment: '抢着点评' }, loser)).code).toBe('REVIEW.LEASED')
    expect((await review(h, 'submitReview', { checkinId: ids[0], comment: '很好' }, holder)).code).toBe(0)
    expect(await reviewsOf(h, ids[0])).toEqual([expect.objectContaining({ reviewerId: holder })])
    expect(await itemOf(h, ids[0])).toMatchObject({ lease: null, reviewStatus: 'reviewed' })
  })

  it('should keep a fresh lease and a present teacher’s item, and let another take an away teacher’s abandoned one', async () => {
    const { period, ids } = await pooled(2, [LI, WANG])
    await allPresent(LI, WANG)
    await rebalance(h, period._id)
    const items = await itemsOf(h, period._id)
    const mine = items.find((c) => c.assigneeId === LI)!._id
    const his = items.find((c) => c.assigneeId === WANG)!._id
    expect(new Set(ids)).toEqual(new Set([mine, his]))

    await reviewOk(h, 'open', { checkinId: mine }, LI)
    const openedAt = h.emu.clock.now()
    const jump = async (ms: number) => {
      h.emu.clock.set(openedAt + ms, { frozen: true })
      await h.emu.runtime.fireDueTriggers()
    }
    await jump(5 * 60_000)
    expect((await review(h, 'open', { checkinId: mine }, WANG)).code).toBe('REVIEW.LEASED')
    // The lease ran out, but 李老师 is present (active 10 minutes ago) and it is his: still not 王老师's.
    await jump(LEASE_MS + 1000)
    expect((await review(h, 'open', { checkinId: mine }, WANG)).code).toBe('REVIEW.NOT_YOURS')
    // Two hours without a claim or a submit: 李老师 counts as away, his abandoned item is claimable and moves.
    await jump(2 * 3600_000 + 60_000)
    expect((await review(h, 'open', { checkinId: mine }, WANG)).code).toBe(0)
    expect(await itemOf(h, mine)).toMatchObject({ assigneeId: WANG, lease: { holder: WANG } })
    // A teacher holds one lease: opening his own item releases the first.
    await reviewOk(h, 'open', { checkinId: his }, WANG)
    expect((await itemOf(h, mine)).lease).toBeNull()
    expect((await itemOf(h, his)).lease).toMatchObject({ holder: WANG })
    const check = await countersAgainstItems(h, period._id)
    expect(check.counters).toEqual(check.items)
    expect(check.items.owners).toEqual({ [WANG]: 2 })
  })
})

describe('dealing', () => {
  it('should deal the pool to three present teachers within 1 of each other, the counters agreeing', async () => {
    const { period } = await pooled(10, [LI, WANG, ZHANG])
    await allPresent(LI, WANG, ZHANG)
    const v = await rebalance(h, period._id)
    expect(v).toMatchObject({ total: 10, pool: 0 })
    const { owners, pool } = await backlogsFromItems(h, period._id)
    expect(pool).toBe(0)
    expect(spread(owners, [LI, WANG, ZHANG])).toBeLessThanOrEqual(1)
    expect(v.teachers.map((t) => t.backlog).sort()).toEqual([3, 3, 4])
    expect(v.teachers.map((t) => t.state.label)).toEqual(['在岗', '在岗', '在岗'])
    const check = await countersAgainstItems(h, period._id)
    expect(check.counters).toEqual(check.items)
    // Each teacher's queue is their own items (nobody else's is listed while its teacher is present).
    const queue = await reviewOk(h, 'queue', { periodId: period._id }, LI)
    expect(queue.items.map((i) => i.assignee?.teacherId)).toEqual(Array(owners[LI]).fill(LI))
    expect(queue.items[0].assignee?.name).toBe('李老师')
  })

  it('should give a team-scoped teacher only the items of their team', async () => {
    const team = `team-z-${++seq}`
    const period = await openPeriod(h, { teacherIds: [LI, ZHANG], teacherTeams: { [ZHANG]: [team] } })
    const members = Array.from({ length: 8 }, (_, i) => `dt${seq}-${i}`)
    await joined(h, period, members)
    for (const [i, m] of members.entries()) {
      if (i < 3) await patchDoc('enrollments', enrollmentId(period._id, m), { teamId: team })
      expect((await checkin(h, period._id, m, { text: `${m} 打卡` })).code).toBe(0)
    }
    await allPresent(LI, ZHANG)
    await rebalance(h, period._id)
    const items = await itemsOf(h, period._id)
    const zhangs = items.filter((c) => c.assigneeId === ZHANG)
    expect(zhangs.length).toBeGreaterThan(0)
    expect(zhangs.every((c) => c.teamId === team)).toBe(true)
    expect(items.filter((c) => !c.assigneeId)).toHaveLength(0)
    // Not in his team: refused to him even by an operator.
    const other = items.find((c) => c.teamId !== team)!
    expect((await review(h, 'reassign', { checkinId: other._id, teacherId: ZHANG }, OPERATOR)).code).toBe('REVIEW.NOT_ASSIGNED')
  })

  it('should deal to every teacher not marked away when nobody is present', async () => {
    const { period } = await pooled(7, [LI, WANG, ZHANG])
    const long = sh(T0) - 3 * 3600_000
    await setPresence(LI, long)
    await setPresence(WANG, long)
    await setPresence(ZHANG, long, true)
    const v = await rebalance(h, period._id)
    const { owners, pool } = await backlogsFromItems(h, period._id)
    expect(pool).toBe(0)
    expect(owners[ZHANG]).toBeUndefined()
    expect(spread(owners, [LI, WANG])).toBeLessThanOrEqual(1)
    expect(v.teachers.find((t) => t.teacherId === ZHANG)?.state).toEqual({ value: 'away', label: '已标记离开' })
    expect(v.teachers.find((t) => t.teacherId === LI)?.state).toEqual({ value: 'idle', label: '暂时离开' })
  })

  it('should send an away teacher’s unopened items to the others, keep the one they hold, and keep a pinned item', async () => {
    const { period } = await pooled(9, [LI, WANG, ZHANG])
    await allPresent(LI, WANG, ZHANG)
    await rebalance(h, period._id)
    expect((await backlogsFromItems(h, period._id)).owners).toEqual({ [LI]: 3, [WANG]: 3, [ZHANG]: 3 })
    const zhangs = (await itemsOf(h, period._id)).filter((c) => c.assigneeId === ZHANG)
    await reviewOk(h, 'open', { checkinId: zhangs[0]._id }, ZHANG)
    // An operator pins one of 李老师's items with 张老师: rebalancing never takes it from him.
    const pinned = (await itemsOf(h, period._id)).find((c) => c.assigneeId === LI)!
    await reviewOk(h, 'reassign', { checkinId: pinned._id, teacherId: ZHANG }, OPERATOR)
    const v = await reviewOk(h, 'setAway', { periodId: period._id, teacherId: ZHANG, away: true }, OPERATOR)
    const { owners } = await backlogsFromItems(h, period._id)
    // 张老师 keeps the leased item and the pinned one; the 7 others are spread 4 / 3 (within 1).
    expect(owners[ZHANG]).toBe(2)
    expect(await itemOf(h, pinned._id)).toMatchObject({ assigneeId: ZHANG, pinned: true })
    expect(await itemOf(h, zhangs[0]._id)).toMatchObject({ assigneeId: ZHANG, lease: { holder: ZHANG } })
    expect(spread(owners, [LI, WANG])).toBeLessThanOrEqual(1)
    expect(owners[LI] + owners[WANG]).toBe(7)
    expect(v.teachers.find((t) => t.teacherId === ZHANG)).toMatchObject({ state: { value: 'away' }, reviewing: true, backlog: 2 })
    // Back: he receives again on the next deal.
    await reviewOk(h, 'setAway', { periodId: period._id, teacherId: ZHANG, away: false }, OPERATOR)
    const back = (await backlogsFromItems(h, period._id)).owners
    expect(spread(back, [LI, WANG, ZHANG])).toBeLessThanOrEqual(1)
    const check = await countersAgainstItems(h, period._id)
    expect(check.counters).toEqual(check.items)
  })
})

describe('check-ins from before distribution (no assigneeId field)', () => {
  /**
   * The pool is queried as `{ assigneeId: null }`. MongoDB matches null AND a missing field ("Query for Null or Missing
   * Fields", mongodb.com/docs/manual/tutorial/query-for-null-fields); CloudBase's document database follows MongoDB's
   * query semantics (platform-facts: a missing field counts as null in a unique index too). No CloudBase page states
   * it for `where` — so new check-ins write `assigneeId: null` (domain/camp/checkin.ts) and only older ones rely on
   * it. The emulator does the same: mingo matches it, and its indexes file a missing field under null
   * (emulator/db/index-values.ts indexValueAt), so the pool's index walk finds both.
   */
  it('should count, list and deal an item without the field as in the pool', async () => {
    // Both marked away: the timer deals nothing while the period is made, the items stay in the pool.
    await setPresence(LI, h.emu.clock.now(), true)
    await setPresence(WANG, h.emu.clock.now(), true)
    const { period, ids } = await pooled(2, [LI, WANG])
    expect((await backlogsFromItems(h, period._id)).pool).toBe(2)
    const cloud = (await import('wx-server-sdk')).default
    const _ = cloud.database().command
    await patchDoc('checkins', ids[0], { assigneeId: _.remove() })
    expect(await itemOf(h, ids[0])).not.toHaveProperty('assigneeId')
    const pool = await reviewOk(h, 'queue', { periodId: period._id, assignee: 'pool', day: 'all' }, OPERATOR)
    expect(pool.items.map((i) => i.id)).toContain(ids[0])
    await allPresent(LI, WANG)
    await rebalance(h, period._id)
    expect((await itemOf(h, ids[0])).assigneeId).toMatch(/^t-(li|wang)$/)
    const check = await countersAgainstItems(h, period._id)
    expect(check.counters).toEqual(check.items)
    expect(check.items.pool).toBe(0)
  })
})

describe('reassigning', () => {
  it('should refuse a teacher not of the period and change nothing', async () => {
    const { period, ids } = await pooled(1, [LI, WANG])
    const before = JSON.stringify([await itemsOf(h, period._id), await h.emu.db.find('queue_counters', { periodId: period._id })])
    expect((await review(h, 'reassign', { checkinId: ids[0], teacherId: OUTSIDER_TEACHER }, OPERATOR)).code).toBe('REVIEW.NOT_ASSIGNED')
    expect((await review(h, 'reassign', { checkinId: ids[0], teacherId: LI }, LI)).code).toBe('REVIEW.NOT_TEACHER')
    expect(JSON.stringify([await itemsOf(h, period._id), await h.emu.db.find('queue_counters', { periodId: period._id })])).toBe(before)
  })

  it('should refuse to take an item from under another teacher’s live lease unless forced, the counters following', async () => {
    const { period } = await pooled(3, [LI, WANG])
    await allPresent(LI, WANG)
    await rebalance(h, period._id)
    const ids = [(await itemsOf(h, period._id)).find((c) => c.assigneeId === LI)!._id]
    await reviewOk(h, 'open', { checkinId: ids[0] }, LI)
    expect((await review(h, 'reassign', { checkinId: ids[0], teacherId: WANG }, OPERATOR)).code).toBe('REVIEW.LEASED')
    expect(await itemOf(h, ids[0])).toMatchObject({ assigneeId: LI, lease: { holder: LI } })
    const moved = await reviewOk(h, 'reassign', { checkinId: ids[0], teacherId: WANG, force: true }, OPERATOR)
    expect(moved).toMatchObject({ id: ids[0], assignee: { teacherId: WANG, name: '王老师' }, reviewingBy: null })
    // The broken lease's holder is refused at submit: the item is now 王老师's, and he is present.
    expect((await review(h, 'submitReview', { checkinId: ids[0], comment: '我先看的' }, LI)).code).toBe('REVIEW.NOT_YOURS')
    expect((await review(h, 'submitReview', { checkinId: ids[0], comment: '很好' }, WANG)).code).toBe(0)
    const check = await countersAgainstItems(h, period._id)
    expect(check.counters).toEqual(check.items)
    expect((await view(h, period._id)).total).toBe(2)
  })

  it('should show operators one teacher’s queue or the pool, and refuse a teacher asking for another’s', async () => {
    const { period, ids } = await pooled(4, [LI, WANG])
    await reviewOk(h, 'reassign', { checkinId: ids[0], teacherId: WANG }, OPERATOR)
    const wang = await reviewOk(h, 'queue', { periodId: period._id, assignee: WANG, day: 'all' }, OPERATOR)
    // The timer may have dealt some of them already (the check-ins were a minute apart): compare with the items.
    const wangs = (await itemsOf(h, period._id)).filter((c) => c.assigneeId === WANG).map((c) => c._id)
    expect(wang.items.map((i) => i.id).sort()).toEqual(wangs.sort())
    expect(wangs).toContain(ids[0])
    const pool = await reviewOk(h, 'queue', { periodId: period._id, assignee: 'pool', day: 'all' }, OPERATOR)
    const pooledIds = (await itemsOf(h, period._id)).filter((c) => !c.assigneeId).map((c) => c._id)
    expect(pool.items.map((i) => i.id).sort()).toEqual(pooledIds.sort())
    expect(pool.items.every((i) => i.assignee === null)).toBe(true)
    expect((await review(h, 'queue', { periodId: period._id, assignee: WANG }, LI)).code).toBe('REVIEW.NOT_TEACHER')
  })
})
