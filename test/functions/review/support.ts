import type { ReviewResults } from '../../../cloudfunctions/src/contracts/review-views'
import type { AdminPeriodView } from '../../../cloudfunctions/src/contracts/camp-results'
import { checkinId } from '../../../cloudfunctions/src/domain/camp'
import { reviewUploadPath } from '../../../cloudfunctions/src/domain/review'
import type { FunctionsHarness } from '../../support/functions'
import { checkin, ensureMember, joined, openPeriod, today } from '../camp/support'

export { at, balanceOf, campOk, camp, entriesOf, ensureMember, isFail, today, updateDoc } from '../camp/support'

export const LI = 't-li'
export const WANG = 't-wang'
export const OUTSIDER_TEACHER = 't-other'

type Action = keyof ReviewResults
export const review = <A extends Action>(h: FunctionsHarness, action: A, payload: Record<string, unknown>, openid: string) =>
  h.call<ReviewResults[A]>('review', { action, ...payload }, openid)
export const reviewOk = <A extends Action>(h: FunctionsHarness, action: A, payload: Record<string, unknown>, openid: string) =>
  h.ok<ReviewResults[A]>('review', { action, ...payload }, openid)

/** 李老师 and 王老师 teach the period; 赵老师 is a teacher of nothing here. */
export async function teachers(h: FunctionsHarness): Promise<void> {
  await ensureMember(h, 'camp-admin', ['admin'])
  for (const [id, nickname] of [
    [LI, '李老师'],
    [WANG, '王老师'],
    [OUTSIDER_TEACHER, '赵老师'],
  ])
    if ((await h.emu.db.count('members', { _id: id })) === 0) await h.member(id, ['teacher'], { nickname })
}

/**
 * A running period taught by 李老师 and 王老师 whose `members` each checked in today (in this order, a minute apart).
 * Fair distribution (issue #17 item 2) would deal them over both teachers by load; these tests are about one teacher
 * reviewing, so an operator places every item with `holder` (李老师; null = leave them as dealt) — a test where 王老师
 * reviews one hands it to him (handTo). test/functions/review/distribution*.test.ts test the dealing itself.
 */
export async function periodWithSubmissions(
  h: FunctionsHarness,
  members: string[],
  overrides: Record<string, unknown> = {},
  holder: string | null = LI,
): Promise<{ period: AdminPeriodView; ids: string[] }> {
  await teachers(h)
  const period = await openPeriod(h, { teacherIds: [LI, WANG], ...overrides })
  await joined(h, period, members)
  const ids: string[] = []
  for (const m of members) {
    const res = await checkin(h, period._id, m, { text: `${m} 的今日打卡` })
    if (res.code !== 0) throw new Error(`check-in failed: ${JSON.stringify(res)}`)
    ids.push(checkinId(period._id, today(h), m))
    await advance(h, 60_000)
  }
  const teachersOfPeriod = (overrides.teacherIds as string[] | undefined) ?? [LI, WANG]
  if (holder && teachersOfPeriod.includes(holder)) for (const id of ids) await handTo(h, id, holder)
  return { period, ids }
}

/**
 * Moves the clock on and waits for the timers it made due (review deals its pools every minute), so a deal never runs
 * under a test's feet — camp's `at` does the same for jumps.
 */
export async function advance(h: FunctionsHarness, ms: number): Promise<void> {
  h.emu.clock.advance(ms)
  await h.emu.runtime.fireDueTriggers()
}

/**
 * An operator places the waiting item with `teacher` (fair distribution, issue #17 item 2): for tests where a second
 * teacher reviews an item the first one, present, was dealt.
 */
export async function handTo(h: FunctionsHarness, checkinId: string, teacher: string, force = false): Promise<void> {
  await ensureMember(h, 'camp-admin', ['admin'])
  await reviewOk(h, 'reassign', { checkinId, teacherId: teacher, force }, 'camp-admin')
}

/** A voice comment the teacher uploaded to their own folder. */
export const teacherVoice = async (h: FunctionsHarness, teacherId: string, periodId: string) => ({
  fileId: await h.emu.storage.put(reviewUploadPath(teacherId, periodId, 'c.mp3'), Buffer.from('voice')),
  durationSec: 12,
})

export const reviewsOf = (h: FunctionsHarness, checkin: string) =>
  h.emu.db.find('reviews', { checkinId: checkin }) as Promise<{ _id: string; reviewerId: string; round: number; outcome: string }[]>

export const checkinDoc = async (h: FunctionsHarness, id: string) =>
  (
    (await h.emu.db.find('checkins', { _id: id })) as { reviewStatus: string; featured: boolean; redoCount: number; moderation: string }[]
  )[0]

/**
 * Removes the period's backlog counters and its check-ins' `queuedAt` stamps, as for a period whose check-ins predate
 * them (needs `startFunctions({ sdkInProcess: true })`): the next backlog read recounts it.
 */
export async function dropQueueCounters(_h: FunctionsHarness, periodId: string): Promise<void> {
  const cloud = (await import('wx-server-sdk')).default
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  await db.collection('queue_counters').where({ periodId }).remove()
  await db
    .collection('checkins')
    .where({ periodId })
    .update({ data: { queuedAt: db.command.remove() } })
}
