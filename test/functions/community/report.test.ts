import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import type { LearningReportView } from '../../../cloudfunctions/src/contracts/community'
import { checkinId } from '../../../cloudfunctions/src/domain/camp'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity'
import { entryKeyOf } from '../../../cloudfunctions/src/domain/points'
import { runTimerJob } from '../../../local/dev/timer-jobs'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { countDatabaseRequests } from '../../support/request-trail'
import { ADMIN, at, camp, checkin, entriesOf, joined, openPeriod } from '../camp/support'
import { LI, OUTSIDER_TEACHER, reviewOk, teachers } from '../review/support'
import { community, communityOk } from './support'

let h: FunctionsHarness
let period: AdminPeriodView
// Openids that would stand out in an answer; nicknames are different words.
const MING = 'oRPT_ming_openid_0001'
const HONG = 'oRPT_hong_openid_0002'
const GANG = 'oRPT_gang_openid_0003'
const OPENIDS = [MING, HONG, GANG]

const day = (n: number) => `2026-03-0${n + 1}`

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await teachers(h)
  await h.member(MING, [], { nickname: '小明' })
  await h.member(HONG, [], { nickname: '小红' })
  await h.member(GANG, [], { nickname: '小刚' })
  // 第 1 天 = 2026-03-02 … 第 7 天 = 2026-03-08; 3 points rules from camp/support: 10 a check-in, 30 at a 3-day
  // streak, 100 for completing 3 days; make-ups cost 20 and keep the streak.
  await at(h, '2026-03-02 09:00')
  period = await openPeriod(h, { lengthDays: 7, teacherIds: [LI] })
  await joined(h, period, [MING, HONG, GANG])
  await communityOk(h, 'split', { periodId: period._id, split: { mode: 'auto', size: 2 } }, ADMIN)
  // 小明: days 1, 2, 4–7 on time, day 3 made up on day 4; 小红: day 1 only; 小刚: nothing.
  for (const n of [1, 2, 4, 5, 6, 7]) {
    await at(h, `${day(n)} 10:00`)
    expect((await checkin(h, period._id, MING, { text: `第 ${n} 天的朗读` })).code).toBe(0)
    if (n === 1) expect((await checkin(h, period._id, HONG)).code).toBe(0)
    if (n === 4) expect((await camp(h, 'makeup', { periodId: period._id, day: day(3) }, MING)).code).toBe(0)
  }
  // 李老师 comments on day 1 and features day 2 with a comment.
  await reviewOk(h, 'submitReview', { checkinId: checkinId(period._id, day(1), MING), comment: '发音很清楚！' }, LI)
  await reviewOk(h, 'submitReview', { checkinId: checkinId(period._id, day(2), MING), comment: '今天的朗读很有感情', featured: true }, LI)
})
afterAll(() => h.close())

const mine = (who: string) => community(h, 'myReport', { periodId: period._id }, who)

describe('before the period has ended', () => {
  it('should answer COMMUNITY.REPORT_NOT_READY until the last business day is over, to the second', async () => {
    await at(h, '2026-03-08 23:59:59', { frozen: true })
    expect((await mine(MING)).code).toBe('COMMUNITY.REPORT_NOT_READY')
    expect((await community(h, 'memberReport', { periodId: period._id, member: publicIdOf(MING) }, ADMIN)).code).toBe(
      'COMMUNITY.REPORT_NOT_READY',
    )
    expect((await community(h, 'reportMembers', { periodId: period._id }, ADMIN)).code).toBe('COMMUNITY.REPORT_NOT_READY')
    await at(h, '2026-03-09 00:00:00', { frozen: true })
    expect((await mine(MING)).code).toBe(0)
  })
})

describe('the learning report', () => {
  let report: LearningReportView
  beforeAll(async () => {
    // After the completion job (closes the period, pays the bonus) and the last board refresh.
    await at(h, '2026-03-09 09:00')
    await runTimerJob(h.emu.runtime, 'camp', 'complete')
    await runTimerJob(h.emu.runtime, 'community', 'board')
    report = await communityOk(h, 'myReport', { periodId: period._id }, MING)
  })

  it('should sum the member’s period: days, make-ups, streak, featured, comments, badges, team', () => {
    expect(report).toMatchObject({
      periodId: period._id,
      startDay: '2026-03-02',
      endDay: '2026-03-08',
      member: { id: publicIdOf(MING), nickname: '小明' },
      lengthDays: 7,
      daysChecked: 6,
      daysMadeUp: 1,
      attendancePercent: 100,
      longestStreak: 7,
      featuredCount: 1,
      completed: true,
      comments: { count: 2, highlights: ['今天的朗读很有感情', '发音很清楚！'] },
    })
    expect(report.badges.map((b) => b.label)).toEqual(['坚持 7 天', '首次精选'])
    expect(report.periodTitle).toContain('第 1 期 · 7 天')
    // Team 1 = 小明 + 小刚 (dealt in join order): 7 of 14 member-days; team 2 = 小红: 1 of 7.
    expect(report.team).toEqual({ name: '第 1 队', rank: 1, teams: 2 })
  })

  it("should take the points from the member's ledger: credits of the period less reversals, make-ups spent", async () => {
    const entries = await entriesOf(h, MING)
    const credits = entries.filter((e) => e.amount > 0).reduce((s, e) => s + e.amount, 0)
    const charges = entries.filter((e) => e.reason === 'makeup').reduce((s, e) => s - e.amount, 0)
    expect(entries.map((e) => e.reason)).toEqual(expect.arrayContaining(['checkin', 'streak_bonus', 'featured', 'completion', 'makeup']))
    expect(report.points).toEqual({ earned: credits, spent: charges })
    expect(charges).toBe(20)

    // An operator reverses the day-1 check-in award and adjusts outside the period: only the reversal counts.
    const [award] = (await h.emu.db.find('points_entries', { _id: checkinId(period._id, day(1), MING) })) as { _id: string; at: number }[]
    const reversed = await h.call(
      'points',
      { action: 'reverse', member: publicIdOf(MING), entry: entryKeyOf(award), note: '误发冲正' },
      ADMIN,
    )
    expect(reversed.code).toBe(0)
    const adjusted = await h.call(
      'points',
      { action: 'adjust', member: publicIdOf(MING), amount: 500, note: '活动奖励', requestId: 'req-report-adjust-1' },
      ADMIN,
    )
    expect(adjusted.code).toBe(0)
    const after = await communityOk(h, 'myReport', { periodId: period._id }, MING)
    expect(after.points).toEqual({ earned: credits - 10, spent: 20 })
  })

  it('should make the report in at most 9 database requests', async () => {
    const { value, requests } = await countDatabaseRequests(h, () => communityOk(h, 'myReport', { periodId: period._id }, MING))
    expect(value.daysChecked).toBe(6)
    expect(requests).toBeLessThanOrEqual(9)
  })

  it('should report a member who did little, and refuse one who is not enrolled', async () => {
    const hong = await communityOk(h, 'myReport', { periodId: period._id }, HONG)
    expect(hong).toMatchObject({ daysChecked: 1, daysMadeUp: 0, longestStreak: 1, featuredCount: 0, completed: false })
    expect(hong.comments).toEqual({ count: 0, highlights: [] })
    expect(hong.points.earned).toBe(10)
    expect(hong.team).toEqual({ name: '第 2 队', rank: 2, teams: 2 })
    await h.member('oRPT_stranger_0004', [], { nickname: '路人' })
    expect((await mine('oRPT_stranger_0004')).code).toBe('COMMUNITY.NOT_ENROLLED')
  })

  it('should show staff the same report by handle, and refuse members and teachers of other periods', async () => {
    const byAdmin = await communityOk(h, 'memberReport', { periodId: period._id, member: publicIdOf(MING) }, ADMIN)
    const own = await communityOk(h, 'myReport', { periodId: period._id }, MING)
    expect(byAdmin).toEqual(own)
    expect(await communityOk(h, 'memberReport', { periodId: period._id, member: publicIdOf(MING) }, LI)).toEqual(own)
    expect((await community(h, 'memberReport', { periodId: period._id, member: publicIdOf(MING) }, OUTSIDER_TEACHER)).code).toBe(
      'AUTH.NOT_ASSIGNED',
    )
    // A member cannot read another member's report: the staff action is refused, and their own names only them.
    expect((await community(h, 'memberReport', { periodId: period._id, member: publicIdOf(MING) }, HONG)).code).toBe('AUTH.FORBIDDEN')
    expect((await communityOk(h, 'myReport', { periodId: period._id }, HONG)).member.id).toBe(publicIdOf(HONG))
    expect((await community(h, 'reportMembers', { periodId: period._id }, LI)).code).toBe('AUTH.FORBIDDEN')
    expect((await community(h, 'memberReport', { periodId: period._id, member: publicIdOf('nobody') }, ADMIN)).code).toBe(
      'COMMUNITY.MEMBER_NOT_FOUND',
    )
  })

  it('should put no openid in any answer', async () => {
    const answers = [
      await communityOk(h, 'myReport', { periodId: period._id }, MING),
      await communityOk(h, 'memberReport', { periodId: period._id, member: publicIdOf(HONG) }, ADMIN),
      await communityOk(h, 'reportMembers', { periodId: period._id }, ADMIN),
    ]
    const text = JSON.stringify(answers)
    for (const id of OPENIDS) expect(text).not.toContain(id)
    expect(text).not.toContain('oRPT_')
  })

  it('should refuse a period that does not exist', async () => {
    expect((await community(h, 'myReport', { periodId: 'no-such-period' }, MING)).code).toBe('COMMUNITY.PERIOD_NOT_FOUND')
  })
})

describe("the operator's member list", () => {
  let big: AdminPeriodView
  const MANY = Array.from({ length: 53 }, (_, i) => `oRPT_many_${String(i).padStart(3, '0')}`)
  beforeAll(async () => {
    await at(h, '2026-03-10 09:00')
    big = await openPeriod(h, { lengthDays: 7 })
    for (const [i, m] of MANY.entries()) await h.member(m, [], { nickname: `学员${i}` })
    await joined(h, big, MANY)
    await at(h, '2026-03-10 10:00')
    expect((await checkin(h, big._id, MANY[0])).code).toBe(0)
    await at(h, '2026-03-17 09:00')
  })

  it('should page the members in join order, 50 then 3, with a cursor that holds no id', async () => {
    const first = await communityOk(h, 'reportMembers', { periodId: big._id }, ADMIN)
    expect(first.members).toHaveLength(50)
    expect(first.members[0]).toEqual({ member: expect.objectContaining({ nickname: '学员0' }), daysChecked: 1, daysMadeUp: 0 })
    expect(first.lengthDays).toBe(7)
    const cursor = first.cursor ?? ''
    expect(cursor).toMatch(/^\d+~u[A-Za-z0-9_-]{16}$/)
    for (const m of MANY) expect(cursor).not.toContain(m)
    expect(cursor).not.toContain(big._id)
    const second = await communityOk(h, 'reportMembers', { periodId: big._id, cursor }, ADMIN)
    expect(second.members.map((r) => r.member.nickname)).toEqual(['学员50', '学员51', '学员52'])
    expect(second.cursor).toBeNull()
    const names = [...first.members, ...second.members].map((r) => r.member.nickname)
    expect(new Set(names).size).toBe(53)
    // Each row opens that member's report.
    const report = await communityOk(h, 'memberReport', { periodId: big._id, member: first.members[0].member.id }, ADMIN)
    expect(report.daysChecked).toBe(1)
    expect(report.team).toBeNull()
  })

  it('should refuse a cursor that names no member', async () => {
    const res = await community(h, 'reportMembers', { periodId: big._id, cursor: `1~${publicIdOf('nobody')}` }, ADMIN)
    expect(res.code).toBe('COMMUNITY.CURSOR_INVALID')
  })
})
