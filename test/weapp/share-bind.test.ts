/**
 * Sharing and 绑定此群 in the production weapp build. An operator shares the drawing period's card (the page's own
 * onShareAppMessage, as WeChat calls it when 转发 is tapped): its path carries the operator's invite code. Opened
 * from a group chat (scene 1044, a share ticket, getGroupEnterInfo's CloudID resolved by the camp function), the
 * card shows the operator 绑定此群 and binds that group. A new user who opens the card in a private chat is attributed
 * to the operator by first touch and the operator earns nothing; a member who checks in from the new group gets the
 * group multiplier.
 */
import { addDays, businessDayStart } from '../../cloudfunctions/src/domain/business-day'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import { NEW_GROUP } from '../../local/dev/personas'
import { weappFixture } from '../support/weapp/phone'
import { tap, textOf, typeInto, waitFor, waitForElement } from '../support/weapp/ui'

const ADMIN = 'dev-admin'
const MEMBER = 'dev-member-04'
/** A persona made "new" for this test: its seeded member record is removed before it opens the card. */
const NEWBIE = 'dev-member-11'
const HOUR = 3_600_000
const fx = weappFixture()

jest.setTimeout(180_000)

type Period = { _id: string; campId: string; startDay: string; boundGroups: { groupId: string }[] }
type ShareAnswer = { title: string; path: string }

/** Polls an async condition (the database) until it holds, for at most 30 s. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Removes a seeded member through the real SDK, so the persona opens the app as a new user. */
async function forgetMember(url: string, openid: string): Promise<void> {
  pointSdkAt(url)
  const cloud = (await import('wx-server-sdk')).default
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  await cloud.database().collection('members').doc(openid).remove()
}

/** The route and query of a share path (`/features/…/index?a=b`), as WeChat hands them to the opened page. */
function splitPath(path: string): { route: string; query: Record<string, string> } {
  const [route, search = ''] = path.replace(/^\//, '').split('?')
  return { route, query: Object.fromEntries(new URLSearchParams(search)) }
}

it('should share a card with the inviter code, bind the group it is opened in, attribute a new user and pay the group multiplier', async () => {
  const { emu } = fx
  const [period] = (await emu.db.find('periods', { lengthDays: 7 })) as Period[]
  const groupsOf = async () => ((await emu.db.find('periods', { _id: period._id })) as Period[])[0].boundGroups.map((g) => g.groupId)
  expect(await groupsOf()).not.toContain(NEW_GROUP)
  const cardUrl = `features/camp/pages/detail/index?campId=${period.campId}&periodId=${period._id}`

  // 1. On the period admin page the operator taps 分享到打卡群 (an open-type="share" button): WeChat asks the page
  //    for its card.
  const sharer = fx.phone(ADMIN)
  const card = sharer.app.open(`features/camp-admin/pages/period/index?campId=${period.campId}&periodId=${period._id}`)
  await waitForElement(card, 'pa-share')
  expect(textOf(card, 'pa-groups')).toContain('已绑定 1 个')
  const onShare = (card.instance as unknown as { onShareAppMessage: (o: { from: string }) => ShareAnswer }).onShareAppMessage
  let shared: ShareAnswer | undefined
  await waitFor(() => {
    shared = onShare.call(card.instance, { from: 'button' })
    return /inviter=[0-9A-Z]{6}/.test(shared.path)
  }, "the card's path carries the sharer's invite code")
  const [codeDoc] = (await emu.db.find('invite_codes', { memberId: ADMIN })) as { _id: string }[]
  const { route, query } = splitPath(shared!.path)
  expect(route).toBe('features/camp/pages/detail/index')
  expect(query).toMatchObject({ campId: period.campId, periodId: period._id, inviter: codeDoc._id })
  const adminEntries = await emu.db.count('points_entries', { memberId: ADMIN })

  // 2. The operator opens the card inside the new group and binds it.
  const inGroup = fx.phone(ADMIN, (d) => d.enterFromGroup(NEW_GROUP, route))
  const groupCard = inGroup.app.open(shared!.path.replace(/^\//, ''))
  await waitForElement(groupCard, 'bind-group')
  expect(textOf(groupCard, 'group-bind-count')).toContain('已绑定 1 个')
  tap(groupCard, 'bind-group')
  await waitForElement(groupCard, 'group-bound')
  expect(await groupsOf()).toEqual(expect.arrayContaining([NEW_GROUP]))
  expect(textOf(groupCard, 'group-bind-count')).toContain('已绑定 2 个群')
  expect(textOf(groupCard)).not.toContain(NEW_GROUP)
  expect(inGroup.device.modals.some((m) => m.confirmed)).toBe(true)

  // 3. A new user opens the card in a private chat (scene 1007): first touch goes to the operator; sharing paid nothing.
  await forgetMember(emu.url, NEWBIE)
  const newbie = fx.phone(NEWBIE, (d) => {
    d.launch = { path: route, query, scene: 1007 }
    d.enter = d.launch
  })
  newbie.app.open(shared!.path.replace(/^\//, ''))
  await until(async () => (await emu.db.count('invites', { _id: NEWBIE })) === 1, 'the new user is attributed')
  const [invite] = (await emu.db.find('invites', { _id: NEWBIE })) as { inviterId: string }[]
  expect(invite.inviterId).toBe(ADMIN)
  const [member] = (await emu.db.find('members', { _id: NEWBIE })) as { firstChannel: string; firstPosterCode: string }[]
  expect(member).toMatchObject({ firstChannel: 'share', firstPosterCode: codeDoc._id })
  expect(await emu.db.count('points_entries', { memberId: ADMIN })).toBe(adminEntries)

  // 4. A member in the new group opens the card from it, joins, and checks in on day 1 from the group: ×2.
  const { device, app } = fx.phone(MEMBER, (d) => d.enterFromGroup(NEW_GROUP, route))
  const detail = app.open(cardUrl)
  await waitForElement(detail, `join-${period._id}`)
  tap(detail, `join-${period._id}`)
  await app.waitForRoute('features/camp/pages/today/index')
  emu.clock.set(businessDayStart(addDays(period.startDay, 0)) + 10 * HOUR)
  await emu.runtime.fireDueTriggers()
  const today = app.open(`features/camp/pages/today/index?periodId=${period._id}`)
  await waitForElement(today, 'checkin-text')
  typeInto(today, 'checkin-text', '在新群里打卡：一棵开花的树')
  tap(today, 'checkin-submit')
  await waitForElement(today, 'checkin-result').catch((err) => {
    throw new Error(`${err.message}; toasts: ${JSON.stringify(device.toasts)} calls: ${JSON.stringify(device.calls.slice(-3))}`)
  })
  expect(textOf(today, 'result-points')).toContain('20')
  const [checkin] = (await emu.db.find('checkins', { periodId: period._id, memberId: MEMBER })) as { fromGroup: boolean; points: number }[]
  expect(checkin).toMatchObject({ fromGroup: true, points: 20 })
})
