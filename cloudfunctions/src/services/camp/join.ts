/**
 * Joining a period: entry rule (open, invite code, bound group proven by a CloudID this function resolves), then one
 * transaction that takes a seat from a seat shard and inserts the enrollment (`_id` = `{period}:{member}`, the guard
 * against joining twice). A member who already joined gets their today view again: the state they asked for holds.
 */
import type { GroupCloudId } from '../../contracts/camp'
import { toTodayView, type TodayView } from '../../contracts/camp-views'
import { planJoin, type CampRejection, type EnrollmentDoc, type PeriodDoc } from '../../domain/camp'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import { publicIdOf } from '../../domain/identity/public-id'
import { trackInTx } from '../tracking/track'
import { findFreeSeat, takeSeat, type SeatedPeriod } from './seats'
import { ENROLLMENTS, getEnrollment, repo, visiblePeriod } from './store'
import { resolveGroupId } from './wechat'

export interface JoinInput {
  periodId: string
  memberId: string
  inviteCode?: string
  groupCloudId?: GroupCloudId
  now: number
}

async function insertEnrollment(period: PeriodDoc & SeatedPeriod, input: JoinInput, groupId: string | null) {
  return withTransaction<EnrollmentDoc | CampRejection>(async (tx) => {
    const seat = await findFreeSeat(tx, period)
    // The domain checks capacity against a count: "full" unless a shard still has a seat.
    const taken = seat ? period.capacity - 1 : period.capacity
    const plan = planJoin(
      period,
      taken,
      { _id: input.memberId, publicId: publicIdOf(input.memberId) },
      { inviteCode: input.inviteCode, groupId },
      input.now,
    )
    if (!plan.ok) throw new TxAbort(plan)
    await repo.inTx(tx, ENROLLMENTS).add({ data: plan.enrollment })
    await takeSeat(tx, seat!)
    const e = plan.enrollment
    const channel = e.via === 'group' ? 'group' : undefined
    await trackInTx(
      tx,
      { type: 'join_period', memberId: e.memberId, periodId: e.periodId, campId: period.campId, channel, props: { via: e.via } },
      input.now,
    )
    return e
  })
}

export async function joinPeriod(input: JoinInput): Promise<TodayView | CampRejection> {
  const { periodId, memberId, now } = input
  const [period, existing] = await Promise.all([visiblePeriod(periodId), getEnrollment(periodId, memberId)])
  if ('ok' in period) return period
  if (existing) return toTodayView(period, existing, null, now)
  const groupId = period.entry.kind === 'group' ? await resolveGroupId(input.groupCloudId) : null
  let enrollment: EnrollmentDoc | CampRejection
  try {
    enrollment = await insertEnrollment(period, input, groupId)
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const raced = await getEnrollment(periodId, memberId)
    if (!raced) throw err
    return toTodayView(period, raced, null, now)
  }
  if ('ok' in enrollment) return enrollment
  return toTodayView(period, enrollment, null, now)
}
