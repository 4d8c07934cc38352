import type { CampResults } from '../../../cloudfunctions/src/contracts/camp-results'
import type { Envelope } from '../../../cloudfunctions/src/contracts/envelope'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { checkinUploadPath } from '../../../cloudfunctions/src/domain/camp'
import { businessDay, addDays } from '../../../cloudfunctions/src/domain/business-day'
import type { FunctionsHarness } from '../../support/functions'

export const ADMIN = 'camp-admin'
export const GROUP = 'G_camp_group_1'
export const OTHER_GROUP = 'G_other_group'

/** Epoch ms of a Shanghai wall-clock time, e.g. sh('2026-03-02 23:59:59'). */
export const sh = (local: string): number => Date.parse(`${local.replace(' ', 'T')}+08:00`)

/**
 * Moves the emulator clock and waits for the timers the jump made due, so they cannot run under a test's feet.
 * `frozen` stops the clock there (a second before midnight stays before midnight on a loaded machine).
 */
export async function at(h: FunctionsHarness, local: string, options: { frozen?: boolean } = {}): Promise<number> {
  const now = h.emu.clock.set(sh(local), options)
  await h.emu.runtime.fireDueTriggers()
  return now
}

export const today = (h: FunctionsHarness) => businessDay(h.emu.clock.now())

type Action = keyof CampResults
export const camp = <A extends Action>(h: FunctionsHarness, action: A, payload: Record<string, unknown>, openid: string) =>
  h.call<CampResults[A]>('camp', { action, ...payload }, openid)
export const campOk = <A extends Action>(h: FunctionsHarness, action: A, payload: Record<string, unknown>, openid: string) =>
  h.ok<CampResults[A]>('camp', { action, ...payload }, openid)

let requestSeq = 0
/** A fresh request id, as a form makes one when it opens. */
export const requestId = () => `req-${(++requestSeq).toString(36).padStart(8, '0')}`

export function periodInput(campId: string, startDay: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestId: requestId(),
    campId,
    index: 1,
    lengthDays: 7,
    startDay,
    tasks: [{ day: 1, theme: '自我介绍', instructions: '用英语介绍自己' }],
    contentTypes: ['text', 'image', 'voice'],
    window: null,
    capacity: 100,
    entry: { kind: 'open' },
    points: {
      perCheckin: 10,
      streakMilestones: [{ days: 3, bonus: 30 }],
      completion: { minCheckins: 3, bonus: 100 },
      groupMultiplier: 2,
    },
    makeup: { maxCount: 2, withinDays: 3, cost: 20, keepsStreak: true },
    ...overrides,
  }
}

let periodSeq = 0

/** A group-enter CloudID the emulator issued to `openid` inside group `opengid` (what wx.getGroupEnterInfo yields). */
export const groupCloudId = (h: FunctionsHarness, openid: string, opengid: string) => ({
  cloudID: h.emu.openapi.issueCloudId(openid, 'groupEnterInfo', { opengid }),
})

/** The admin opens the period's card inside `opengid` and taps 绑定此群. */
export async function bindAsAdmin(h: FunctionsHarness, periodId: string, opengid: string): Promise<void> {
  await campOk(h, 'bindGroup', { periodId, groupCloudId: groupCloudId(h, ADMIN, opengid) }, ADMIN)
}

/** A published period of a fresh camp, starting `startOffset` business days from the clock's today. */
export async function openPeriod(h: FunctionsHarness, overrides: Record<string, unknown> = {}, startOffset = 0): Promise<AdminPeriodView> {
  const created = await campOk(
    h,
    'createCamp',
    {
      requestId: requestId(),
      title: `英语口语打卡 ${++periodSeq}`,
      subject: 'english',
      gradeTags: ['g3'],
      coverFileId: 'cloud://local-dev.x/covers/c.png',
      description: '每天说一段英语',
    },
    ADMIN,
  )
  const period = await campOk(h, 'createPeriod', periodInput(created.camp._id, addDays(today(h), startOffset), overrides), ADMIN)
  await bindAsAdmin(h, period._id, GROUP)
  return campOk(h, 'updatePeriod', { periodId: period._id, status: 'open' }, ADMIN)
}

/** Creates the member record unless it exists (tests of one file share the emulator). */
export async function ensureMember(h: FunctionsHarness, openid: string, roles: string[] = []): Promise<void> {
  if ((await h.emu.db.count('members', { _id: openid })) === 0) await h.member(openid, roles)
}

export async function joined(h: FunctionsHarness, period: AdminPeriodView, members: string[]): Promise<void> {
  for (const m of members) {
    await ensureMember(h, m)
    await campOk(h, 'join', { periodId: period._id }, m)
  }
}

/** Uploads a file to the member's check-in folder (what the page does before submitting). */
export const upload = (h: FunctionsHarness, memberId: string, periodId: string, name: string) =>
  h.emu.storage.put(checkinUploadPath(memberId, periodId, name), Buffer.from(`bytes of ${name}`))

export const checkin = (
  h: FunctionsHarness,
  periodId: string,
  memberId: string,
  content: Record<string, unknown> = { text: '今天读了 20 分钟' },
) => camp(h, 'checkin', { periodId, ...content }, memberId)

export const balanceOf = async (h: FunctionsHarness, memberId: string) =>
  ((await h.emu.db.find('points_balances', { _id: memberId })) as { balance: number }[])[0]?.balance ?? 0

export const entriesOf = (h: FunctionsHarness, memberId: string) =>
  h.emu.db.find('points_entries', { memberId }) as Promise<{ _id: string; amount: number; reason: string }[]>

export const checkinsOf = (h: FunctionsHarness, periodId: string, memberId: string) =>
  h.emu.db.find('checkins', { periodId, memberId }) as Promise<{ _id: string; day: string; points: number; moderation: string }[]>

export const isFail = <T>(e: Envelope<T>): e is Extract<Envelope<T>, { message: string }> => e.code !== 0

/** Writes fields of one document through the real SDK of the test process (needs `startFunctions({ sdkInProcess: true })`). */
export async function updateDoc(_h: FunctionsHarness, collection: string, id: string, data: Record<string, unknown>): Promise<void> {
  const cloud = (await import('wx-server-sdk')).default
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  await cloud.database().collection(collection).doc(id).update({ data })
}
