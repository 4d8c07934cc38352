/**
 * A leader's 一键提醒 (issue #18 item 1): teammates who have not checked in get the daily reminder through their OWN
 * subscribe credit, never more than they granted, at most once per business day whoever sends it (leader, second
 * leader, retry, or the member's own timed reminder), and only a team's 组长 / 学习委员 (or staff) may send it.
 */
import { REMINDER_TEMPLATE_ID } from '../../../cloudfunctions/src/contracts/camp'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { ADMIN, at, campOk, checkin, joined, openPeriod } from '../camp/support'
import { community, communityOk, handleIn, teamOfEach } from './support'

let h: FunctionsHarness
let period: AdminPeriodView
/** Team 1 (size 4) and team 2, by nickname (= openid in tests). */
let team1: string[]
let team2: string[]
let leader: string
let officer: string

const MEMBERS = ['r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6', 'r-7', 'r-8']
const sentTo = (openid: string) => h.emu.openapi.outbox().filter((m) => m.touser === openid && m.templateId === REMINDER_TEMPLATE_ID)
const outboxSize = () => h.emu.openapi.outbox().length
let prompt = 0
/** The member accepts the reminder template once: one credit with us (enrollment) and one at WeChat. */
async function grant(openid: string): Promise<void> {
  await campOk(h, 'subscribed', { periodId: period._id, accepted: [REMINDER_TEMPLATE_ID], requestId: `prompt-${++prompt}` }, openid)
  h.emu.openapi.grantSubscription(openid, [REMINDER_TEMPLATE_ID])
}
const creditsOf = async (openid: string) =>
  ((await h.emu.db.find('enrollments', { _id: `${period._id}:${openid}` })) as { reminderCredits: number }[])[0].reminderCredits
/** The leader and the one who checked in on day 1 check in on every later day too: only the waiting one is left to remind. */
async function regularsCheckIn(): Promise<void> {
  for (const m of [leader, team1[2]]) expect((await checkin(h, period._id, m)).code).toBe(0)
}
const remind = (who: string, payload: Record<string, unknown> = {}) => community(h, 'remindTeam', { periodId: period._id, ...payload }, who)

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
  await h.member(ADMIN, ['admin'])
  await at(h, '2026-03-01 09:00')
  period = await openPeriod(h, { lengthDays: 7 }, 1)
  await joined(h, period, MEMBERS)
  await communityOk(h, 'split', { periodId: period._id, split: { mode: 'auto', size: 4 } }, ADMIN)
  const placed = await teamOfEach(h, ADMIN, period._id)
  team1 = MEMBERS.filter((m) => placed[m] === 1)
  team2 = MEMBERS.filter((m) => placed[m] === 2)
  ;[leader, officer] = team1
  await communityOk(h, 'grantRole', { periodId: period._id, member: await handleIn(h, ADMIN, period._id, leader), role: 'leader' }, ADMIN)
  await communityOk(
    h,
    'grantRole',
    { periodId: period._id, member: await handleIn(h, ADMIN, period._id, officer), role: 'study_officer' },
    ADMIN,
  )
})
afterAll(() => h.close())

describe('一键提醒 before the period runs', () => {
  it('should refuse to remind before 第 1 天 and send nothing', async () => {
    const res = await remind(leader)
    expect(res.code).toBe('TEAM.NOT_CHECKIN_DAY')
    const day = await communityOk(h, 'teamDay', { periodId: period._id }, leader)
    expect(day.remindable).toBe(0)
    expect(day.notYet.every((r) => r.reminder === null)).toBe(true)
    expect(outboxSize()).toBe(0)
  })
})

describe('一键提醒 on a check-in day', () => {
  it('should remind only teammates who have not checked in and have a credit, one credit each', async () => {
    await at(h, '2026-03-02 18:00')
    const [, , done, waiting] = team1
    await grant(leader)
    await grant(done)
    await grant(waiting)
    expect((await checkin(h, period._id, done)).code).toBe(0)

    const before = await communityOk(h, 'teamDay', { periodId: period._id }, leader)
    const state = Object.fromEntries(before.notYet.map((r) => [r.member.nickname, r.reminder?.label ?? null]))
    // The caller is never reminded by themselves; the officer granted nothing.
    expect(state).toEqual({ [leader]: null, [officer]: '未开启提醒', [waiting]: '可提醒' })
    expect(before.remindable).toBe(1)

    const res = await communityOk(h, 'remindTeam', { periodId: period._id }, leader)
    expect(res).toEqual({ sent: 1, alreadyReminded: 0, noCredit: 1, failed: 0 })
    expect(sentTo(waiting)).toHaveLength(1)
    expect(sentTo(waiting)[0]).toMatchObject({
      page: expect.stringContaining(period._id),
      data: { thing1: { value: expect.stringContaining('第1天') } },
    })
    expect([sentTo(leader), sentTo(done), sentTo(officer)].map((s) => s.length)).toEqual([0, 0, 0])
    expect(await creditsOf(waiting)).toBe(0)
    expect(await creditsOf(leader)).toBe(1)

    const after = await communityOk(h, 'teamDay', { periodId: period._id }, leader)
    expect(after.notYet.find((r) => r.member.nickname === waiting)?.reminder?.label).toBe('今天已提醒')
    expect(after.remindable).toBe(0)
    // Counts only: the answer names nobody.
    expect(JSON.stringify(res)).not.toContain(waiting)
  })

  it("should remind a member once a day: a second press, the other leader and the member's own timed reminder send nothing more", async () => {
    const waiting = team1[3]
    expect((await checkin(h, period._id, leader)).code).toBe(0)
    await grant(waiting)
    await grant(waiting)
    await campOk(h, 'setReminder', { periodId: period._id, time: '21:00' }, waiting)
    expect(await communityOk(h, 'remindTeam', { periodId: period._id }, leader)).toMatchObject({ sent: 0, alreadyReminded: 1 })
    expect(await communityOk(h, 'remindTeam', { periodId: period._id }, officer)).toMatchObject({ sent: 0, alreadyReminded: 1 })
    await at(h, '2026-03-02 21:01') // the member's own reminder timer runs: already reminded today
    expect(sentTo(waiting)).toHaveLength(1)
    expect(await creditsOf(waiting)).toBe(2)

    await at(h, '2026-03-03 09:00') // a new day: reminded again, one credit spent
    await regularsCheckIn()
    expect(await communityOk(h, 'remindTeam', { periodId: period._id }, officer)).toMatchObject({ sent: 1 })
    expect(sentTo(waiting)).toHaveLength(2)
    expect(await creditsOf(waiting)).toBe(1)
    await at(h, '2026-03-03 21:01') // and the timer, later that day, does not add a second one
    expect(sentTo(waiting)).toHaveLength(2)
    expect(await creditsOf(waiting)).toBe(1)
  })

  it('should message a member once when ten presses race, spending one credit', async () => {
    await at(h, '2026-03-04 08:00')
    await regularsCheckIn()
    const waiting = team1[3]
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => remind(i % 2 ? officer : leader)))
    expect(answers.every((a) => a.code === 0)).toBe(true)
    const sent = answers.reduce((n, a) => n + (a.code === 0 ? a.data.sent : 0), 0)
    expect(sent).toBe(1)
    expect(sentTo(waiting)).toHaveLength(3)
    expect(await creditsOf(waiting)).toBe(0)
  })

  it("should refuse a leader another team's reminder and a member without a role any reminder", async () => {
    await at(h, '2026-03-05 08:00')
    const target = team2[1]
    await grant(target)
    const sent = outboxSize()
    expect((await remind(leader, { teamIndex: 2 })).code).toBe('TEAM.NOT_LEADER')
    expect((await remind(team2[0])).code).toBe('TEAM.NOT_LEADER')
    expect((await remind(team1[2])).code).toBe('TEAM.NOT_LEADER')
    expect(outboxSize()).toBe(sent)
    expect(await creditsOf(target)).toBe(1)
    // Staff may: an admin reminds team 2.
    expect(await communityOk(h, 'remindTeam', { periodId: period._id, teamIndex: 2 }, ADMIN)).toMatchObject({ sent: 1 })
    expect(sentTo(target)).toHaveLength(1)
  })
})

describe('一键提醒 when something fails', () => {
  it('should give the credit and the day back when WeChat fails the send, and remind on a retry', async () => {
    await at(h, '2026-03-06 08:00')
    await regularsCheckIn()
    const waiting = team1[3]
    await grant(waiting)
    h.emu.faults.failNext({ action: 'wx.openApi', code: 'SYSTEM_ERROR', message: 'injected: system error' })
    expect(await communityOk(h, 'remindTeam', { periodId: period._id }, leader)).toEqual({
      sent: 0,
      alreadyReminded: 0,
      noCredit: 1, // the study officer never turned reminders on
      failed: 1,
    })
    expect(h.emu.faults.pending()).toBe(0)
    expect(sentTo(waiting)).toHaveLength(3)
    expect(await creditsOf(waiting)).toBe(1)
    expect(await communityOk(h, 'remindTeam', { periodId: period._id }, leader)).toMatchObject({ sent: 1, failed: 0 })
    expect(sentTo(waiting)).toHaveLength(4)
    expect(await creditsOf(waiting)).toBe(0)
  })

  it('should zero the count when WeChat holds no credit for the member (43101)', async () => {
    await at(h, '2026-03-07 08:00')
    await regularsCheckIn()
    const waiting = team1[3]
    // A credit on our side only: the member's accept never reached WeChat.
    await campOk(h, 'subscribed', { periodId: period._id, accepted: [REMINDER_TEMPLATE_ID], requestId: `prompt-${++prompt}` }, waiting)
    expect(await communityOk(h, 'remindTeam', { periodId: period._id }, leader)).toMatchObject({ sent: 0, noCredit: 2 })
    expect(await creditsOf(waiting)).toBe(0)
    expect(sentTo(waiting)).toHaveLength(4)
    // Nobody was messaged: the member is not marked as reminded today.
    const day = await communityOk(h, 'teamDay', { periodId: period._id }, leader)
    expect(day.notYet.find((r) => r.member.nickname === waiting)?.reminder?.label).toBe('未开启提醒')
  })

  it('should answer SYS.* and send nothing when the claim write fails, then remind once on the retry', async () => {
    const waiting = team1[3]
    await grant(waiting)
    // A stopped clock: no timer run can take the armed fault.
    await at(h, '2026-03-07 10:00', { frozen: true })
    h.emu.faults.failNext({ action: 'database.modifyDocument', collection: 'enrollments' })
    const res = await remind(leader)
    expect(String(res.code)).toMatch(/^SYS\./)
    expect(h.emu.faults.pending()).toBe(0)
    expect(sentTo(waiting)).toHaveLength(4)
    expect(await creditsOf(waiting)).toBe(1)
    expect(await communityOk(h, 'remindTeam', { periodId: period._id }, leader)).toMatchObject({ sent: 1 })
    expect(sentTo(waiting)).toHaveLength(5)
    expect(await creditsOf(waiting)).toBe(0)
  })
})

describe('一键提醒 after the period', () => {
  it('should refuse once the last day is over', async () => {
    await at(h, '2026-03-09 09:00')
    expect((await remind(leader)).code).toBe('TEAM.NOT_CHECKIN_DAY')
  })
})
