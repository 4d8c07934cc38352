/**
 * Daily reminders. A member picks a time (setReminder) and grants one-time subscribe-message credits when asked after a
 * check-in (subscribed). Only an enrollment with a time AND a credit has `reminderNextAt`, so the timer's indexed query
 * `reminderNextAt <= now` touches nobody else. Each due item is claimed with a conditional update (the value read), so
 * overlapping timer runs remind once, and a credit is spent only on a message actually sent. Review-notification
 * credits are the review feature's: the caller passes them in (`ReviewCredits`), so camp never depends on review.
 */
import { REMINDER_TEMPLATE_ID, REVIEW_TEMPLATE_ID } from '../../contracts/camp'
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
import { isDuplicateKey, TxAbort, withTransaction, type Tx } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'
import { trackInTx } from '../tracking/track'
import { ENROLLMENTS, repo, visiblePeriod } from './store'

/** The member's review-notification credits (services/review/credits.ts `reviewCredits`). */
export interface ReviewCredits {
  /** The member's credits (one request). */
  of(memberId: string): Promise<number>
  /** Adds `granted` credits inside `tx` (the caller's transaction); answers the new count. */
  grantInTx(tx: Tx, memberId: string, granted: number, now: number): Promise<number>
}

const viewOf = (e: Pick<EnrollmentDoc, 'reminderCredits' | 'reminderTime' | 'reminderNextAt'>, reviewCredits: number): SubscribedView => ({
  credits: e.reminderCredits ?? 0,
  reminderTime: e.reminderTime,
  nextReminderAt: e.reminderNextAt,
  reviewCredits,
})

/** When the next reminder is due: only with a time and a credit left. */
const scheduleFor = (period: PeriodDoc, time: string | null, credits: number, now: number) =>
  time && credits > 0 ? nextReminderAt(period, time, now) : null

export async function setReminder(
  periodId: string,
  memberId: string,
  time: string | null,
  now: number,
  credits: Pick<ReviewCredits, 'of'>,
): Promise<SubscribedView | CampRejection> {
  const [period, reviewCredits] = await Promise.all([visiblePeriod(periodId), credits.of(memberId)])
  if ('ok' in period) return period
  const plan = planReminderSetting(period, time, now)
  if (!plan.ok) return plan
  return withTransaction<SubscribedView | CampRejection>(async (tx) => {
    const e = await repo.getIn(tx, ENROLLMENTS, enrollmentId(periodId, memberId))
    if (!e) throw new TxAbort(rejectCamp('CAMP.NOT_JOINED'))
    const reminderCredits = e.reminderCredits ?? 0
    const patch = { ...plan.patch, reminderNextAt: reminderCredits > 0 ? plan.patch.reminderNextAt : null }
    await repo
      .inTx(tx, ENROLLMENTS)
      .doc(e._id)
      .update({ data: wholeFields(patch) })
    return viewOf({ ...e, ...patch }, reviewCredits)
  })
}

/**
 * Records the credits a member granted, once per `requestId` (the `reminder_subscribed` event's `_id` is the key,
 * inserted in the same transaction as the credits): one reminder credit per accepted REMINDER_TEMPLATE_ID (on the
 * enrollment) and one review-notification credit per accepted REVIEW_TEMPLATE_ID (per member, see
 * services/review/credits.ts).
 */
export async function recordSubscription(
  periodId: string,
  memberId: string,
  accepted: readonly string[],
  requestId: string,
  now: number,
  credits: ReviewCredits,
): Promise<SubscribedView | CampRejection> {
  const period = await visiblePeriod(periodId)
  if ('ok' in period) return period
  const reminder = accepted.includes(REMINDER_TEMPLATE_ID) ? 1 : 0
  const review = accepted.includes(REVIEW_TEMPLATE_ID) ? 1 : 0
  const read = () => repo.col(ENROLLMENTS).doc(enrollmentId(periodId, memberId)).get()
  try {
    return await withTransaction<SubscribedView | CampRejection>(async (tx) => {
      const e = await repo.getIn(tx, ENROLLMENTS, enrollmentId(periodId, memberId))
      if (!e) throw new TxAbort(rejectCamp('CAMP.NOT_JOINED'))
      if (!reminder && !review) return viewOf(e, await credits.of(memberId))
      await trackInTx(
        tx,
        {
          type: 'reminder_subscribed',
          memberId,
          periodId,
          campId: period.campId,
          ref: requestId,
          props: { templates: accepted.length, reminder, review },
        },
        now,
      )
      const reviewCredits = review ? await credits.grantInTx(tx, memberId, review, now) : await credits.of(memberId)
      if (!reminder) return viewOf(e, reviewCredits)
      const reminderCredits = (e.reminderCredits ?? 0) + reminder
      const reminderNextAt = e.reminderNextAt ?? scheduleFor(period, e.reminderTime, reminderCredits, now)
      await repo
        .inTx(tx, ENROLLMENTS)
        .doc(e._id)
        .update({ data: { reminderCredits, reminderNextAt, updatedAt: now } })
      return viewOf({ ...e, reminderCredits, reminderNextAt }, reviewCredits)
    })
  } catch (err) {
    // The same prompt reported twice: the credits were recorded the first time.
    if (!isDuplicateKey(err)) throw err
    const [e, reviewCredits] = await Promise.all([read(), credits.of(memberId)])
    return viewOf(e.data, reviewCredits)
  }
}
