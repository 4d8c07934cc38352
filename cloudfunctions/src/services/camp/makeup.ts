/**
 * A make-up (补卡) is all-or-nothing with its points debit: one transaction reads the enrollment and the balance,
 * inserts the day's check-in (the same one-per-day `_id` as a normal check-in), updates the enrollment and appends the
 * debit (plus any streak milestone it completes) and the `makeup` event. Without enough points nothing at all is written.
 */
import { toCalendarView, type CalendarView } from '../../contracts/camp-views'
import { enrollmentId, planMakeup, rejectCamp, type CampRejection, type CheckinDoc, type EnrollmentDoc } from '../../domain/camp'
import type { Rejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'
import { trackInTx } from '../tracking/track'
import { appendAwardsInTx, readBalance } from './awards'
import { bumpQueueCountersInTx } from './queue-counters'
import { CHECKINS, ENROLLMENTS, repo, visiblePeriod } from './store'

export async function makeUp(
  periodId: string,
  memberId: string,
  day: string,
  now: number,
): Promise<CalendarView | CampRejection | Rejection> {
  const period = await visiblePeriod(periodId)
  if ('ok' in period) return period
  let out: { ok: true; checkin: CheckinDoc; enrollment: EnrollmentDoc; cost: number } | CampRejection | Rejection
  try {
    out = await withTransaction(async (tx) => {
      const enrollment = await repo.getIn(tx, ENROLLMENTS, enrollmentId(periodId, memberId))
      const balance = await readBalance(tx, memberId)
      const plan = planMakeup(period, enrollment, day, now, balance?.balance ?? 0)
      if (!plan.ok) throw new TxAbort(plan)
      await repo.inTx(tx, CHECKINS).add({ data: plan.checkin })
      // A make-up never enters the queue (reviewStatus 'none'): no counter write, unless that rule changes.
      await bumpQueueCountersInTx(tx, null, plan.checkin)
      await repo
        .inTx(tx, ENROLLMENTS)
        .doc((enrollment as EnrollmentDoc)._id)
        .update({ data: wholeFields(plan.enrollment) })
      await appendAwardsInTx(tx, plan.awards, now, balance)
      const props = { dayIndex: plan.checkin.dayIndex, cost: plan.cost }
      await trackInTx(tx, { type: 'makeup', memberId, periodId, campId: period.campId, day, props }, now)
      return {
        ok: true as const,
        checkin: plan.checkin,
        enrollment: { ...(enrollment as EnrollmentDoc), ...plan.enrollment },
        cost: plan.cost,
      }
    })
  } catch (err) {
    if (isDuplicateKey(err)) return rejectCamp('CAMP.MAKEUP_ALREADY_CHECKED', { day })
    throw err
  }
  if (!out.ok) return out
  return toCalendarView(period, out.enrollment, now)
}
