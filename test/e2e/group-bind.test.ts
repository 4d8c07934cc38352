/**
 * 绑定此群 and shared cards in the H5 build with the emulator and demo data. The dev panel stands in for WeChat's
 * group-enter info ("open the app from 新建的打卡群"); the emulator issues CloudIDs only for groups the persona is in
 * and the camp function resolves them. An operator shares the drawing period's card, opens it in the new group and
 * binds it; a new user opening the shared card is attributed to the operator; a member who checks in from that
 * group gets the group multiplier.
 */
import { addDays, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import type { AppEmulator as Emulator } from '../../local'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import { NEW_GROUP } from '../../local/dev/personas'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

const HOUR = 3_600_000
const ADMIN = 'dev-admin'
const MEMBER = 'dev-member-03'
/** A persona made "new" for this test: its seeded member record is removed before it opens the card. */
const NEWBIE = 'dev-member-12'

let emu: Emulator
let session: BrowserSession
let period: { _id: string; campId: string; startDay: string; boundGroups: { groupId: string }[] }

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
  ;[period] = (await emu.db.find('periods', { lengthDays: 7 })) as (typeof period)[]
  pointSdkAt(emu.url)
  const cloud = (await import('wx-server-sdk')).default
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  await cloud.database().collection('members').doc(NEWBIE).remove()
}, 90_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(120_000)

async function actAs(openid: string, path: string): Promise<void> {
  const { page } = session
  await page.evaluate((id) => localStorage.setItem('dev.persona', id), openid)
  await page.goto(`${emu.url}/${path}`)
  await page.reload()
}

const groupIds = async () => ((await emu.db.find('periods', { _id: period._id })) as (typeof period)[])[0].boundGroups.map((g) => g.groupId)

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await read()
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

it('should let an operator bind a new group from its card, attribute a new user of the card, and pay the multiplier there', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/pages/home/index`)
  expect(await groupIds()).not.toContain(NEW_GROUP)

  // The operator is "in" the new group: the dev panel's group choice.
  await actAs(ADMIN, '#/features/dev/pages/panel/index')
  await page.locator(`#from-group-${NEW_GROUP}`).click()
  await page.waitForFunction(() => document.querySelector('#toggle-from-group')?.textContent?.includes('新建的打卡群'))

  // 分享到打卡群 on the period admin page; in local mode it opens the card as the group sees it.
  await page.goto(`${emu.url}/#/features/camp-admin/pages/period/index?campId=${period.campId}&periodId=${period._id}`)
  await page.waitForSelector('#pa-groups')
  expect(await page.textContent('#pa-groups')).toContain('已绑定 1 个')
  await page.locator('#pa-share').click()
  await page.waitForSelector('#bind-group')
  expect(page.url()).toMatch(/pages\/detail\/index\?campId=.*&periodId=.*&inviter=[0-9A-Z]{6}/)
  const cardUrl = page.url()
  const adminCode = /inviter=([0-9A-Z]{6})/.exec(cardUrl)?.[1]
  const [codeDoc] = (await emu.db.find('invite_codes', { memberId: ADMIN })) as { _id: string }[]
  expect(adminCode).toBe(codeDoc._id)

  await page.locator('#bind-group').click()
  await page.locator('.taro__modal .taro-model__confirm').click()
  await page.waitForSelector('#group-bound')
  expect(await page.textContent('#group-bind-count')).toContain('已绑定 2 个群')
  expect(await groupIds()).toEqual(expect.arrayContaining([NEW_GROUP]))
  // The page never shows the group id.
  expect(await page.textContent('body')).not.toContain(NEW_GROUP)

  // A new user opens the shared card (direct open, not in a group): first touch goes to the operator, as after a poster.
  const adminEntries = await emu.db.count('points_entries', { memberId: ADMIN })
  await page.evaluate(() => localStorage.setItem('dev.fromGroup', '0'))
  await actAs(NEWBIE, cardUrl.slice(emu.url.length + 1))
  const invite = await until(async () => ((await emu.db.find('invites', { _id: NEWBIE })) as { inviterId: string }[])[0], 'the claim')
  expect(invite).toMatchObject({ inviterId: ADMIN })
  const [newbie] = (await emu.db.find('members', { _id: NEWBIE })) as { firstChannel: string; firstPosterCode: string }[]
  expect(newbie).toMatchObject({ firstChannel: 'share', firstPosterCode: adminCode })
  // Opening the card earned the sharer nothing.
  expect(await emu.db.count('points_entries', { memberId: ADMIN })).toBe(adminEntries)

  // A member in the new group opens the card from it, joins, and checks in on day 1 from the group: ×2.
  await page.evaluate((g) => localStorage.setItem('dev.fromGroup', g), NEW_GROUP)
  await actAs(MEMBER, `#/features/camp/pages/detail/index?campId=${period.campId}&periodId=${period._id}`)
  await page.locator(`#join-${period._id}`).click()
  await page.waitForURL(/pages\/today\/index/)
  emu.clock.set(businessDayStart(addDays(period.startDay, 0)) + 10 * HOUR)
  await emu.runtime.fireDueTriggers()
  await page.goto(`${emu.url}/#/features/camp/pages/today/index?periodId=${period._id}`)
  await page.locator('#checkin-text textarea').fill('在新群里打卡：一棵开花的树')
  await page.locator('#checkin-submit').click()
  await page.waitForSelector('#checkin-result')
  expect(await page.textContent('#result-points')).toContain('20')
  const [checkin] = (await emu.db.find('checkins', { periodId: period._id, memberId: MEMBER })) as { fromGroup: boolean; points: number }[]
  expect(checkin).toMatchObject({ fromGroup: true, points: 20 })
})
