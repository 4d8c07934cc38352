/**
 * Issue #17 item 2, fair distribution in the H5 build with the emulator and demo data. Six members check in on the
 * English period (teachers 李老师 and 张老师, both at work). On 点评分配 the operator deals the period's waiting check-ins
 * (立即分配): the two personal queues differ by at most one. The operator marks 张老师 away: her unopened items go to
 * 李老师; brings her back (the backlogs even out again), opens 李老师's queue and moves one item to her (改派). 李老师 opens one of his items; while he has it
 * open (a lease), 张老师 cannot open it.
 */
import type { AppEmulator as Emulator } from '../../local'
import type { BrowserSession } from '../support/browser'
import { startDemoApp, stopDemoApp } from '../support/demo-app'
import { checkInTomorrow } from '../support/demo-day'
import { confirmModal, eventually, openAs } from '../support/e2e'

const ADMIN = 'dev-admin'
const LI = 'dev-teacher-01'
const ZHANG = 'dev-teacher-02'
const MEMBERS = ['dev-member-03', 'dev-member-04', 'dev-member-05', 'dev-member-06', 'dev-member-07', 'dev-member-08']

let emu: Emulator
let session: BrowserSession
let periodId: string
let day: string

interface Waiting {
  _id: string
  day: string
  assigneeId?: string | null
  lease?: { holder: string; until: number } | null
}

beforeAll(async () => {
  ;({ emu, session } = await startDemoApp())
  ;[{ _id: periodId }] = (await emu.db.find('periods', { lengthDays: 21 })) as { _id: string }[]
  // Tomorrow 09:00 Shanghai: nobody has checked in yet that day.
  day = await checkInTomorrow(emu, periodId, MEMBERS, (i) => `第 ${i + 1} 位同学的口语练习`)
}, 120_000)
afterAll(() => stopDemoApp(emu, session))
jest.setTimeout(180_000)

const waiting = async () =>
  (await emu.db.find('checkins', { periodId, reviewStatus: 'pending' })).filter(
    (c) => (c as { moderation: string }).moderation !== 'risky',
  ) as Waiting[]
const heldBy = async (teacher: string) => (await waiting()).filter((c) => c.assigneeId === teacher).length
const backlogShown = async (teacher: string) =>
  Number(await session.page.locator(`[id="dist-teacher-${teacher}"] .rv-dist__count`).textContent())

it('should deal the waiting check-ins evenly, move an away teacher’s items, and reassign one item', async () => {
  const { page } = session
  const total = (await waiting()).length
  expect(total).toBeGreaterThanOrEqual(MEMBERS.length)

  // Both teachers are at work: a teacher opening their queue counts as being present.
  for (const t of [LI, ZHANG]) {
    const res = (await emu.call('review', { action: 'queue', kind: 'pending', day: 'today', limit: 1 }, t)) as { code: unknown }
    expect(res.code).toBe(0)
  }
  await openAs(session, emu, ADMIN, `/features/review/pages/distribution/index?periodId=${periodId}`)
  await page.waitForSelector('#dist-rebalance')
  await page.locator('#dist-rebalance').click()
  await eventually(async () => (await page.textContent('#dist-pool')) === '0未分配', 'the pool is dealt')
  const [li, zhang] = [await backlogShown(LI), await backlogShown(ZHANG)]
  expect(li + zhang).toBe(total)
  expect(Math.abs(li - zhang)).toBeLessThanOrEqual(1)
  // What the page shows is what the documents say.
  expect([await heldBy(LI), await heldBy(ZHANG)]).toEqual([li, zhang])

  // 张老师 is away: her unopened items go to 李老师.
  await page.locator(`[id="dist-away-${ZHANG}"]`).click()
  await confirmModal(session)
  await eventually(async () => (await heldBy(LI)) === total, 'every waiting item is 李老师’s')
  await page.waitForFunction((id) => document.getElementById(`dist-teacher-${id}`)?.textContent?.includes('已标记离开'), ZHANG)

  // Back on duty; then one of 李老师's items moves to her from his queue.
  await page.locator(`[id="dist-away-${ZHANG}"]`).click()
  await confirmModal(session)
  await page.waitForFunction((id) => !document.getElementById(`dist-teacher-${id}`)?.textContent?.includes('已标记离开'), ZHANG)
  // Both present again: the backlogs are evened out.
  await eventually(async () => Math.abs((await heldBy(LI)) - (await heldBy(ZHANG))) <= 1, 'the backlogs are within 1 again')
  await page.locator(`[id="dist-queue-${LI}"]`).click()
  await page.waitForFunction(() => document.querySelector('#queue-scope')?.textContent === '李老师的队列')
  const first = page.locator('[id^="reassign-checkin:"]').first()
  const moved = ((await first.getAttribute('id')) ?? '').slice('reassign-'.length)
  await first.click()
  await page.locator(`[id="reassign-to-${ZHANG}"]`).click()
  await confirmModal(session)
  await eventually(
    async () => ((await emu.db.find('checkins', { _id: moved })) as Waiting[])[0]?.assigneeId === ZHANG,
    'the item is 张老师’s',
  )
  await page.waitForFunction((id) => !document.querySelector(`[id="queue-${id}"]`), moved)

  // 李老师 opens one of today's items of his own queue: it is leased to him, and 张老师 cannot open it meanwhile.
  const his = (await waiting()).find((c) => c.assigneeId === LI && c._id !== moved && c.day === day)
  if (!his) throw new Error('李老师 has no item of today left')
  await openAs(session, emu, LI, '/features/review/pages/index/index')
  await page.waitForFunction(() => document.querySelector('#queue-backlog')?.textContent?.includes('我的待点评'))
  await page.locator(`[id="queue-${his._id}"]`).click()
  await page.waitForSelector('#review-submit')
  const [leased] = (await emu.db.find('checkins', { _id: his._id })) as Waiting[]
  expect(leased.lease?.holder).toBe(LI)
  const other = (await emu.call('review', { action: 'open', checkinId: his._id }, ZHANG)) as { code: unknown }
  expect(other.code).toBe('REVIEW.LEASED')
})
