/**
 * Binding WeChat groups to a period without typed ids: an operator opens the period's card inside the group, the page
 * sends the group-enter CloudID, and THIS function resolves it to the opengid (wechat.ts). Roles are read from the
 * server (policy `period.bindGroup`: admins, or teachers assigned to the period). Binding is one transaction on the
 * period document, so a repeat, a retry or a race binds a group exactly once and a concurrent edit is never lost.
 */
import type { GroupCloudId } from '../../contracts/camp'
import { toBoundGroupView, type BindGroupView, type GroupBindingView, type UnbindGroupView } from '../../contracts/camp-results'
import { periodTitle } from '../../contracts/review-views'
import {
  boundGroupsOf,
  MAX_BOUND_GROUPS,
  planBind,
  planUnbind,
  rejectCamp,
  type BoundGroup,
  type CampRejection,
  type PeriodDoc,
} from '../../domain/camp'
import { can, type Actor } from '../../domain/identity'
import type { Rejection } from '../../domain/kernel'
import { TxAbort, withTransaction } from '../../shared/db'
import { forgetPeriod, getPeriod, PERIODS, repo } from './store'
import { resolveGroupId } from './wechat'

type Refusal = CampRejection | Rejection

/** The period, if the caller may bind its groups (drafts included: groups are bound before publishing). */
async function operatorPeriod(periodId: string, actor: Actor): Promise<PeriodDoc | Refusal> {
  const period = await getPeriod(periodId)
  if (!period) return rejectCamp('CAMP.PERIOD_NOT_FOUND')
  const allowed = can(actor, 'period.bindGroup', { periodId, teacherIds: period.teacherIds })
  return allowed.ok ? period : allowed
}

function bindingView(period: PeriodDoc, groupId: string | null): GroupBindingView {
  const groups = boundGroupsOf(period)
  return {
    periodId: period._id,
    periodTitle: periodTitle(period),
    inGroup: groupId !== null,
    bound: groupId !== null && groups.some((g) => g.groupId === groupId),
    boundCount: groups.length,
    maxGroups: MAX_BOUND_GROUPS,
  }
}

/** What the bind panel shows: whether the group the page was opened in is bound. A CloudID that resolves to no group is not an error here. */
export async function groupBinding(periodId: string, actor: Actor, groupCloudId: GroupCloudId): Promise<GroupBindingView | Refusal> {
  const period = await operatorPeriod(periodId, actor)
  if ('ok' in period) return period
  return bindingView(period, await resolveGroupId(groupCloudId))
}

/** Adds a resolved group to the period (the seed calls this directly with its demo group). */
export async function addBoundGroup(
  periodId: string,
  groupId: string,
  by: string,
  now: number,
): Promise<{ period: PeriodDoc; already: boolean } | CampRejection> {
  forgetPeriod(periodId)
  return withTransaction(async (tx) => {
    const period = await repo.getIn(tx, PERIODS, periodId)
    if (!period) throw new TxAbort(rejectCamp('CAMP.PERIOD_NOT_FOUND'))
    const plan = planBind(period, groupId, by, now)
    if ('ok' in plan) throw new TxAbort(plan)
    if (plan.kind === 'already') return { period, already: true }
    await repo
      .inTx(tx, PERIODS)
      .doc(periodId)
      .update({ data: { boundGroups: plan.boundGroups, updatedAt: now } })
    return { period: { ...period, boundGroups: plan.boundGroups, updatedAt: now }, already: false }
  })
}

/**
 * 绑定此群. A CloudID that does not resolve (another user's, expired, forged, no group) is refused with
 * CAMP.GROUP_UNRESOLVED and nothing is written. Binding earns nobody anything (no points, no paying event).
 */
export async function bindGroup(periodId: string, actor: Actor, groupCloudId: GroupCloudId, now: number): Promise<BindGroupView | Refusal> {
  const allowed = await operatorPeriod(periodId, actor)
  if ('ok' in allowed) return allowed
  const groupId = await resolveGroupId(groupCloudId)
  if (!groupId) return rejectCamp('CAMP.GROUP_UNRESOLVED')
  const out = await addBoundGroup(periodId, groupId, actor._id, now)
  if ('ok' in out) return out
  return { ...bindingView(out.period, groupId), already: out.already }
}

/** From the period admin page, with the stored group id it lists. The last group of a published group-entry period stays. */
export async function unbindGroup(periodId: string, actor: Actor, groupId: string, now: number): Promise<UnbindGroupView | Refusal> {
  const allowed = await operatorPeriod(periodId, actor)
  if ('ok' in allowed) return allowed
  forgetPeriod(periodId)
  return withTransaction(async (tx) => {
    const period = await repo.getIn(tx, PERIODS, periodId)
    if (!period) throw new TxAbort(rejectCamp('CAMP.PERIOD_NOT_FOUND'))
    const plan = planUnbind(period, groupId)
    if ('ok' in plan) throw new TxAbort(plan)
    const boundGroups: BoundGroup[] = plan.boundGroups
    await repo
      .inTx(tx, PERIODS)
      .doc(periodId)
      .update({ data: { boundGroups, updatedAt: now } })
    return { periodId, boundGroups: boundGroups.map(toBoundGroupView) }
  })
}
