/**
 * 日签 in the H5 build: 小刚 (dev-member-08, no invite code yet) checks in on today's page, taps 生成日签, and the card is
 * drawn with his mini-program code. A new member "scans" the code read off the drawn card (`?scene=…` on the home
 * page, as WeChat opens a scanned code) and is attributed to him; a later poster scan of someone else changes nothing
 * (first touch). Making and sharing the card books no points.
 */
import type { AppEmulator as Emulator } from '../../local'
import { decodeQrPng } from '../support/qr'
import { pointSdkAt } from '../../emulator/core/sdk-env'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'

const MEMBER = 'dev-member-08'
/** A persona made "new" for this test: its seeded member record is removed before it opens the app. */
const NEWBIE = 'dev-member-12'
/** Another inviter's poster code (seeded), scanned by the newbie after the card: first touch keeps the card's. */
const OTHER_CODE = 'XMAMA2'

let emu: Emulator
let session: BrowserSession
let period: { _id: string; campId: string }

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
  ;[period] = (await emu.db.find('periods', { lengthDays: 21 })) as (typeof period)[]
  pointSdkAt(emu.url)
  const cloud = (await import('wx-server-sdk')).default
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  await cloud.database().collection('members').doc(NEWBIE).remove()
}, 90_000)

afterAll(() => stopDemoApp(emu, session))

jest.setTimeout(90_000)

async function actAs(openid: string, path: string): Promise<void> {
  const { page } = session
  await page.evaluate((id) => localStorage.setItem('dev.persona', id), openid)
  await page.goto(`${emu.url}/${path}`)
  await page.reload()
}

async function waitForInvite(): Promise<{ inviterId: string; code: string }> {
  for (let i = 0; i < 100; i++) {
    const [invite] = (await emu.db.find('invites', { _id: NEWBIE })) as { inviterId: string; code: string }[]
    if (invite) return invite
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the launch from the 日签 was not attributed')
}

/** The mini-program code's scene, read off the drawn card's pixels (a data URL PNG) as a phone camera would. */
function sceneOnCard(dataUrl: string): string {
  const url = new URL(decodeQrPng(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'), 'the drawn card').text)
  expect(url.searchParams.get('page')).toBe('pages/home/index')
  return url.searchParams.get('scene') ?? ''
}

it('should draw a checked-in member’s 日签 with their code, and attribute a new member who scans it to them', async () => {
  const { page } = session
  await page.goto(`${emu.url}/#/pages/home/index`)
  const entriesBefore = await emu.db.count('points_entries', {})
  expect(await emu.db.count('invite_codes', { memberId: MEMBER })).toBe(0)

  // Check in today, then 生成日签.
  await actAs(MEMBER, `#/features/camp/pages/today/index?periodId=${period._id}`)
  await page.locator('#checkin-text textarea').fill('今天跟读了新课文\n第二行不上卡片')
  await page.locator('#checkin-submit').click()
  await page.waitForSelector('#checkin-result')
  const checkinEntries = (await emu.db.count('points_entries', {})) - entriesBefore
  await page.locator('#make-day-card').click()
  await page.waitForURL(/community\/pages\/day-card\/index/)
  const img = page.locator('#day-card-image img')
  await img.waitFor()
  const src = (await img.getAttribute('src')) ?? ''
  expect(src.startsWith('data:image/png;base64,')).toBe(true)

  // The card's code is the member's own invite code; no openid is on the page.
  const [code] = (await emu.db.find('invite_codes', { memberId: MEMBER })) as { _id: string }[]
  const scene = sceneOnCard(src)
  expect(scene).toBe(`i=${code._id}`)
  expect(await page.textContent('body')).not.toContain(MEMBER)
  // Making the card booked nothing beyond the check-in's own entries.
  expect((await emu.db.count('points_entries', {})) - entriesBefore).toBe(checkinEntries)

  // The "scan": a new member opens the app on the home page with the card's scene.
  await actAs(NEWBIE, `?scene=${encodeURIComponent(scene)}#/pages/home/index`)
  expect(await waitForInvite()).toMatchObject({ inviterId: MEMBER, code: code._id })

  // First touch: scanning another member's poster afterwards keeps the 日签's attribution.
  const secondClaim = page.waitForResponse(
    (res) => res.url().includes('/__local/functions/invites') && (res.request().postData() ?? '').includes('"claim"'),
  )
  await actAs(NEWBIE, `?scene=${encodeURIComponent(`i=${OTHER_CODE}`)}#/pages/home/index`)
  await secondClaim
  expect(await waitForInvite()).toMatchObject({ inviterId: MEMBER, code: code._id })
  expect(await emu.db.count('invites', { _id: NEWBIE })).toBe(1)
})
