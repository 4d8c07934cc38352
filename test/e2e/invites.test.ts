/**
 * A poster "scan" in the H5 build: a new member opens the app with `?scene=i%3D<code>` of 小明妈妈's poster, joins a
 * camp and checks in; 小明妈妈 then sees the friend as 已奖励 in 我的邀请 and the reward in her points.
 */
import { addDays, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import { INVITE_REWARD_POINTS } from '../../cloudfunctions/src/domain/invites'
import type { AppEmulator as Emulator } from '../../local'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'
import { publicIdOf } from '../../cloudfunctions/src/domain/identity/public-id'

const INVITER = 'dev-member-01'
const INVITER_CODE = 'XMAMA2'
/** A persona made "new" for this test: its seeded member record is removed before it opens the app. */
const NEWBIE = 'dev-member-12'

let emu: Emulator
let session: BrowserSession
let period: { _id: string; campId: string; startDay: string }

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
  ;[period] = (await emu.db.find('periods', { lengthDays: 7 })) as (typeof period)[]
  pointSdkAt(emu.url)
  const cloud = (await import('wx-server-sdk')).default
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  await cloud.database().collection('members').doc(NEWBIE).remove()
}, 90_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(90_000)

const balance = async (id: string) => ((await emu.db.find('points_balances', { _id: id })) as { balance: number }[])[0]?.balance ?? 0

async function actAs(openid: string, path: string): Promise<void> {
  const { page } = session
  await page.evaluate((id) => localStorage.setItem('dev.persona', id), openid)
  await page.goto(`${emu.url}/${path}`)
  await page.reload()
}

async function waitForInvite(): Promise<{ inviterId: string; status: string }> {
  for (let i = 0; i < 100; i++) {
    const [invite] = (await emu.db.find('invites', { _id: NEWBIE })) as { inviterId: string; status: string }[]
    if (invite) return invite
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the launch from the poster was not attributed')
}

it('should attribute a new member who scanned a poster and reward the inviter after the first check-in', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/pages/home/index`)
  const inviterBefore = await balance(INVITER)

  // The "scan": the app opens on the home page with the poster's scene.
  await actAs(NEWBIE, `?scene=i%3D${INVITER_CODE}#/pages/home/index`)
  expect(await waitForInvite()).toMatchObject({ inviterId: INVITER, status: 'pending' })
  const [member] = (await emu.db.find('members', { _id: NEWBIE })) as { firstChannel: string; firstPosterCode: string }[]
  expect(member).toMatchObject({ firstChannel: 'poster', firstPosterCode: INVITER_CODE })

  // Join the 7-day period the day before it starts, then check in on day 1.
  await page.goto(`${emu.url}/#/features/camp/pages/detail/index?campId=${period.campId}`)
  await page.locator(`#join-${period._id}`).click()
  await page.waitForURL(/pages\/today\/index/)
  emu.clock.set(businessDayStart(addDays(period.startDay, 0)) + 10 * 3_600_000)
  await emu.runtime.fireDueTriggers()
  await page.goto(`${emu.url}/#/features/camp/pages/today/index?periodId=${period._id}`)
  await page.locator('#checkin-text textarea').fill('第一天：跟着好友来打卡')
  await page.locator('#checkin-submit').click()
  await page.waitForSelector('#checkin-result')

  // The inviter opens 我的 → 邀请好友 → 我的邀请.
  await actAs(INVITER, '#/pages/me/index')
  await page.locator('#me-invite').click()
  await page.waitForSelector('#invite-qr')
  expect(await page.textContent('#invite-code')).toContain(INVITER_CODE)
  await page.locator('#invite-mine').click()
  await page.waitForFunction((id) => document.querySelector(`#invitee-${id}`)?.textContent?.includes('已奖励'), publicIdOf(NEWBIE))
  expect(await page.textContent(`#invitee-${publicIdOf(NEWBIE)}`)).toContain(`+${INVITE_REWARD_POINTS}`)
  expect(await balance(INVITER)).toBe(inviterBefore + INVITE_REWARD_POINTS)
  expect(await emu.db.count('points_entries', { memberId: INVITER, reason: 'invite_reward', ref: NEWBIE })).toBe(1)
})
