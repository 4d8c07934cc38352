/**
 * Daily reminders. A member picks a time (setReminder) and grants one-time subscribe-message credits when asked after a
 * check-in (subscribed). Only an enrollment with a time AND a credit has `reminderNextAt`, so the timer's indexed query
 * `reminderNextAt <= now` touches nobody else. Each due item is claimed with a conditional update (the value read), so
 * overlapping timer runs remind once, and a credit is spent only on a message actually sent.
 */
import { REMINDER_TEMPLATE_ID } from '../../contracts/camp'
import type { SubscribedView } from '../../contracts/camp-results'
import {
  enrollmentId,
  nextReminderAt,
  planReminderSetting,
  rejectCamp,
  type CampRejection,
  type EnrollmentDoc,
  type PeriodDoc,
} from '../../domain/camp'
import { buildEvent } from '../../domain/identity'
import { db, isDuplicateKey, TxAbort, txGet, withTransaction } from '../../shared/db'
import { EVENTS } from '../tracking/track'
import { ENROLLMENTS, visiblePeriod } from './store'

const viewOf = (e: Pick<EnrollmentDoc, 'reminderCredits' | 'reminderTime' | 'reminderNextAt'>): SubscribedView => ({
  credits: e.reminderCredits ?? 0,
  reminderTime: e.reminderTime,
  nextReminderAt: e.reminderNextAt,
})

/** When the next reminder is due: only with a time and a credit left. */
const scheduleFor = (period: PeriodDoc, time: string | null, credits: number, now: number) =>
  time && credits > 0 ? nextReminderAt(period, time, now) : null

export async function setReminder(
  periodId: string,
  memberId: string,
  time: string | null,
  now: number,
): Promise<SubscribedView | CampRejection> {
  const period = await visiblePeriod(periodId)
  if ('ok' in period) return period
  const plan = planReminderSetting(period, time, now)
  if (!plan.ok) return plan
  return withTransaction<SubscribedView | CampRejection>(async (tx) => {
    const e = await txGet<EnrollmentDoc>(tx, ENROLLMENTS, enrollmentId(periodId, memberId))
    if (!e) throw new TxAbort(rejectCamp('CAMP.NOT_JOINED'))
    const credits = e.reminderCredits ?? 0
    const patch = { ...plan.patch, reminderNextAt: credits > 0 ? plan.patch.reminderNextAt : null }
    await tx.collection(ENROLLMENTS).doc(e._id).update({ data: patch })
    return viewOf({ ...e, ...patch })
  })
}

/**
 * Records the credits a member granted: one per accepted reminder template, once per `requestId` (the
 * `reminder_subscribed` event's `_id` is the key, inserted in the same transaction as the credit).
 */
export async function recordSubscription(
  periodId: string,
  memberId: string,
  accepted: readonly string[],
  requestId: string,
  now: number,
): Promise<SubscribedView | CampRejection> {
  const period = await visiblePeriod(periodId)
  if ('ok' in period) return period
  const granted = accepted.includes(REMINDER_TEMPLATE_ID) ? 1 : 0
  const read = () => db().collection(ENROLLMENTS).doc(enrollmentId(periodId, memberId)).get() as unknown as Promise<{ data: EnrollmentDoc }>
  try {
    return await withTransaction<SubscribedView | CampRejection>(async (tx) => {
      const e = await txGet<EnrollmentDoc>(tx, ENROLLMENTS, enrollmentId(periodId, memberId))
      if (!e) throw new TxAbort(rejectCamp('CAMP.NOT_JOINED'))
      if (!granted) return viewOf(e)
      const event = buildEvent(
        { type: 'reminder_subscribed', memberId, periodId, campId: period.campId, ref: requestId, props: { templates: accepted.length } },
        now,
      )
      await tx.collection(EVENTS).add({ data: event })
      const credits = (e.reminderCredits ?? 0) + granted
      const reminderNextAt = e.reminderNextAt ?? scheduleFor(period, e.reminderTime, credits, now)
      await tx
        .collection(ENROLLMENTS)
        .doc(e._id)
        .update({ data: { reminderCredits: credits, reminderNextAt, updatedAt: now } })
      return viewOf({ ...e, reminderCredits: credits, reminderNextAt })
    })
  } catch (err) {
    // The same prompt reported twice: the credit was recorded the first time.
    if (!isDuplicateKey(err)) throw err
    return viewOf((await read()).data)
  }
}
