import type { BoundGroup, PeriodDoc } from './model'
import { rejectCamp, type CampRejection } from './rejections'

/**
 * Binding WeChat groups to a period. The group id is always an opengid the camp function resolved itself from the
 * operator's group-enter CloudID; these rules only decide what the period's list becomes.
 */

/** A WeChat group holds at most 500 people; 40 groups cover a 10,000-member period twice over. */
export const MAX_BOUND_GROUPS = 40

export type BindPlan = { kind: 'already' } | { kind: 'bind'; boundGroups: BoundGroup[] } | CampRejection

export const boundGroupsOf = (period: Pick<PeriodDoc, 'boundGroups'>): BoundGroup[] => period.boundGroups ?? []

export function planBind(period: Pick<PeriodDoc, 'status' | 'boundGroups'>, groupId: string, by: string, now: number): BindPlan {
  if (period.status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  const groups = boundGroupsOf(period)
  if (groups.some((g) => g.groupId === groupId)) return { kind: 'already' }
  if (groups.length >= MAX_BOUND_GROUPS) return rejectCamp('CAMP.GROUP_LIMIT', { max: MAX_BOUND_GROUPS })
  return { kind: 'bind', boundGroups: [...groups, { groupId, boundAt: now, boundBy: by }] }
}

/** A published group-entry period keeps at least one group, or nobody could join it any more. */
export function checkGroupEntry(period: Pick<PeriodDoc, 'status' | 'entry' | 'boundGroups'>): CampRejection | null {
  if (period.entry.kind !== 'group' || period.status === 'draft' || boundGroupsOf(period).length > 0) return null
  return rejectCamp('CAMP.GROUP_REQUIRED_TO_PUBLISH')
}

export function planUnbind(
  period: Pick<PeriodDoc, 'status' | 'entry' | 'boundGroups'>,
  groupId: string,
): { kind: 'unbind'; boundGroups: BoundGroup[] } | CampRejection {
  if (period.status === 'closed') return rejectCamp('CAMP.PERIOD_CLOSED')
  const groups = boundGroupsOf(period)
  if (!groups.some((g) => g.groupId === groupId)) return rejectCamp('CAMP.GROUP_NOT_BOUND')
  const boundGroups = groups.filter((g) => g.groupId !== groupId)
  if (checkGroupEntry({ ...period, boundGroups })) return rejectCamp('CAMP.GROUP_LAST')
  return { kind: 'unbind', boundGroups }
}
