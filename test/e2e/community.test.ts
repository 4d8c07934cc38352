/**
 * Issue #18, teams in the H5 build with the emulator and demo data: an operator splits the drawing camp's period
 * (3 members, not split by the demo seed) into teams on the teams page and makes a member 组长 by name; on the first
 * day one teammate checks in, and the 组长 opens 本队今日 and sees who has checked in and who has not, then reminds
 * the one who has not (after a confirmation) through that member's own reminder credit.
 */
import { REMINDER_TEMPLATE_ID } from '../../cloudfunctions/src/contracts/camp'
import { addDays, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'
import { confirmModal, eventually, openAs } from '../support/e2e'

const ADMIN = 'dev-admin'
const HOUR = 3_600_000

let emu: Emulator
let session: BrowserSession

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
}, 120_000)
afterAll(() => stopDemoApp(emu, session))
jest.setTimeout(180_000)

const nicknameOf = async (openid: string) => ((await emu.db.find('members', { _id: openid })) as { nickname: string }[])[0].nickname

it('should let an operator make teams and a 组长, who then sees who has not checked in and reminds them', async () => {
  const { page } = session
  const [period] = (await emu.db.find('periods', { lengthDays: 7 })) as { _id: string; startDay: string }[]
  expect(await emu.db.count('teams', { periodId: period._id })).toBe(0)

  // The operator splits by size 2: three members make two teams.
  await openAs(session, emu, ADMIN, `/features/community/pages/teams/index?periodId=${period._id}`)
  await page.waitForSelector('#split-value')
  await page.locator('#split-value input').fill('2')
  await page.locator('#split-submit').click()
  await confirmModal(session)
  await page.waitForSelector('#team-1')
  expect(await emu.db.count('teams', { periodId: period._id })).toBe(2)
  const team1 = ((await emu.db.find('team_members', { teamId: `${period._id}:1` })) as { memberId: string }[]).map((m) => m.memberId)
  expect(team1).toHaveLength(2)
  const [leader, mate] = team1
  const [leaderName, mateName] = [await nicknameOf(leader), await nicknameOf(mate)]

  // Open team 1 and make the first member 组长, picked by name.
  await page.locator('#team-1').click()
  const row = page.locator(`[id="member-${leaderName}"]`)
  await row.waitFor()
  await row.locator('text=设为组长').click()
  await confirmModal(session)
  await eventually(
    async () => (await emu.db.count('team_members', { teamId: `${period._id}:1`, memberId: leader, teamRole: 'leader' })) === 1,
    'the 组长 is stored',
  )

  // 第 1 天: the teammate turned reminders on earlier and has not checked in; the 组长 has.
  emu.clock.set(businessDayStart(addDays(period.startDay, 0)) + 10 * HOUR)
  const subscribed = (await emu.call(
    'camp',
    { action: 'subscribed', periodId: period._id, accepted: [REMINDER_TEMPLATE_ID], requestId: 'e2e-prompt-1' },
    mate,
  )) as { code: unknown }
  expect(subscribed.code).toBe(0)
  emu.openapi.grantSubscription(mate, [REMINDER_TEMPLATE_ID])
  const checkin = (await emu.call(
    'camp',
    { action: 'checkin', periodId: period._id, text: '今天画了一幅线条练习', images: [], voice: null },
    leader,
  )) as { code: unknown }
  expect(checkin.code).toBe(0)

  await openAs(session, emu, leader, `/features/community/pages/team-day/index?periodId=${period._id}`)
  await page.waitForSelector('#remind-team')
  const text = (await page.locator('.community').textContent()) ?? ''
  expect(text).toContain('第 1 天 · 已打卡 1 / 2 人')
  expect(text).toContain('还没打卡（1）')
  expect(text).toContain('已打卡（1）')
  const notYet = text.slice(text.indexOf('还没打卡（1）'), text.indexOf('已打卡（1）'))
  expect(notYet).toContain(mateName)
  expect(notYet).not.toContain(leaderName)
  expect(text).not.toContain(mate) // no openid on screen

  await page.locator('#remind-team').click()
  await confirmModal(session)
  await eventually(
    async () => emu.openapi.outbox().filter((m) => m.touser === mate && m.templateId === REMINDER_TEMPLATE_ID).length === 1,
    'the reminder reached the teammate',
  )
  await page.waitForFunction(() => document.querySelector('.community')?.textContent?.includes('今天已提醒'))
  expect(await page.locator('#remind-team').count()).toBe(0)
})
