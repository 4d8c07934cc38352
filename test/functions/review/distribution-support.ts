/** Helpers of the fair-distribution tests (issue #17 item 2): presences, backlogs counted from the items, the view. */
import type { CheckinDoc } from '../../../cloudfunctions/src/domain/camp'
import type { Presence } from '../../../cloudfunctions/src/domain/review'
import type { FunctionsHarness } from '../../support/functions'
import { ensureMember, reviewOk, teachers } from './support'

export const ZHANG = 't-zhang'
export const OPERATOR = 'camp-admin'

/** 李老师, 王老师 and 张老师 teach; 赵老师 teaches nothing here; the operator. */
export async function threeTeachers(h: FunctionsHarness): Promise<void> {
  await teachers(h)
  await ensureMember(h, OPERATOR, ['admin'])
  if ((await h.emu.db.count('members', { _id: ZHANG })) === 0) await h.member(ZHANG, ['teacher'], { nickname: '张老师' })
}

async function database() {
  const cloud = (await import('wx-server-sdk')).default
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return cloud.database()
}

/** Writes a teacher's presence as of `at` (needs `startFunctions({ sdkInProcess: true })`). */
export async function setPresence(teacherId: string, at: number, absent = false): Promise<void> {
  const data: Omit<Presence, '_id'> = { teacherId, lastActiveAt: at, absent, holding: null }
  await (await database()).collection('review_presence').doc(teacherId).set({ data })
}

/** Sets fields of a document directly (fixtures: an enrollment's team). */
export async function patchDoc(collection: string, id: string, data: Record<string, unknown>): Promise<void> {
  await (await database()).collection(collection).doc(id).update({ data })
}

export type Item = CheckinDoc & { assigneeId?: string | null; lease?: { holder: string; until: number } | null; pinned?: boolean }

export const itemsOf = async (h: FunctionsHarness, periodId: string) => (await h.emu.db.find('checkins', { periodId })) as Item[]
export const itemOf = async (h: FunctionsHarness, id: string) => ((await h.emu.db.find('checkins', { _id: id })) as Item[])[0]

const waiting = (c: Item) => c.reviewStatus === 'pending' && c.moderation !== 'risky'

/** Waiting items per teacher, counted from the check-ins themselves, and the pool (waiting, nobody's). */
export async function backlogsFromItems(h: FunctionsHarness, periodId: string): Promise<{ owners: Record<string, number>; pool: number }> {
  const owners: Record<string, number> = {}
  let pool = 0
  for (const c of (await itemsOf(h, periodId)).filter(waiting)) {
    if (c.assigneeId) owners[c.assigneeId] = (owners[c.assigneeId] ?? 0) + 1
    else pool++
  }
  return { owners, pool }
}

export const spread = (owners: Record<string, number>, teacherIds: readonly string[]): number => {
  const loads = teacherIds.map((t) => owners[t] ?? 0)
  return Math.max(...loads) - Math.min(...loads)
}

export const view = (h: FunctionsHarness, periodId: string) => reviewOk(h, 'distribution', { periodId }, OPERATOR)
export const rebalance = (h: FunctionsHarness, periodId: string) => reviewOk(h, 'rebalance', { periodId }, OPERATOR)

/** The operator's view (from the counters) against the items: per-teacher backlogs and the pool. */
export async function countersAgainstItems(h: FunctionsHarness, periodId: string) {
  const v = await view(h, periodId)
  const fromItems = await backlogsFromItems(h, periodId)
  const fromCounters = Object.fromEntries(v.teachers.filter((t) => t.backlog !== 0).map((t) => [t.teacherId, t.backlog]))
  return { counters: { owners: fromCounters, pool: v.pool }, items: fromItems }
}
