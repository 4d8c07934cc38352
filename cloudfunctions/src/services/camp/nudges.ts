/**
 * Reminders a team's 组长 / 学习委员 sends now to teammates who have not checked in (issue #18 item 1; the community
 * feature decides who may send and to whom, camp owns the enrollments and the credits). Each message goes through the
 * member's OWN reminder credit, granted by their subscribe prompt: the enrollment's count is spent by one conditional
 * update per member (on the credit count and `reminderLastDay` as read) before the message is sent, so two leaders
 * pressing at once, a retry, or the member's own timed reminder (reminder-timer.ts claims on `reminderLastDay` too)
 * remind a member at most once per business day and never spend a credit the member did not grant. A send WeChat
 * refuses for want of a credit zeroes the count (as the timer does); any other failed send gives the credit back;
 * either way the day is given back, as nobody was messaged. Requests: the enrollments by `_id` (one per 1000), the camp, then per member one claim and one send.
 */
import { enrollmentId, nudgeSkip, type CampDoc, type EnrollmentDoc, type NudgeSkip, type PeriodDoc } from '../../domain/camp'
import { command } from '../../shared/repository'
import { track } from '../tracking/track'
import { reminderMessage } from './reminder-timer'
import { CAMPS, ENROLLMENTS, repo } from './store'
import { sendSubscribeMessage } from './wechat'

export type NudgeOutcome = NudgeSkip | 'sent' | 'failed' | 'not_enrolled'

/** Sends in small parallel groups: a 200-member team stays within seconds, WeChat is not flooded. */
const PARALLEL = 8

async function nudgeOne(e: EnrollmentDoc, day: string, dayIndex: number, period: PeriodDoc, camp: CampDoc | null, now: number) {
  const skip = nudgeSkip(e, day)
  if (skip) return skip
  const credits = e.reminderCredits
  const left = credits - 1
  const claim = await repo
    .col(ENROLLMENTS)
    .where({ _id: e._id, reminderCredits: credits, reminderLastDay: e.reminderLastDay })
    .update({ data: { reminderCredits: left, reminderLastDay: day, reminderNextAt: left > 0 ? e.reminderNextAt : null } })
  // Someone else spent a credit or reminded the member since the read: they have had today's reminder.
  if (claim.stats.updated !== 1) return 'already_reminded'
  const outcome = await sendSubscribeMessage(reminderMessage(e.memberId, dayIndex, period, camp, now))
  if (outcome === 'sent') {
    await track({ type: 'reminder_sent', memberId: e.memberId, periodId: period._id, campId: period.campId, day }, now)
    return 'sent'
  }
  // Nobody was messaged: the day is given back either way.
  const data =
    outcome === 'no_credit'
      ? { reminderCredits: 0, reminderNextAt: null, reminderLastDay: e.reminderLastDay }
      : { reminderCredits: command().inc(1), reminderNextAt: e.reminderNextAt, reminderLastDay: e.reminderLastDay }
  await repo.col(ENROLLMENTS).doc(e._id).update({ data })
  return outcome === 'no_credit' ? 'no_credit' : 'failed'
}

/** Reminds those of `memberIds` who have not checked in on `day` (第 `dayIndex` 天); one outcome per member. */
export async function nudgeMembers(
  period: PeriodDoc,
  memberIds: readonly string[],
  day: string,
  dayIndex: number,
  now: number,
): Promise<Map<string, NudgeOutcome>> {
  const [enrollments, camp] = await Promise.all([
    repo.byIds(
      ENROLLMENTS,
      memberIds.map((m) => enrollmentId(period._id, m)),
    ),
    repo.get(CAMPS, period.campId),
  ])
  const out = new Map<string, NudgeOutcome>()
  for (let i = 0; i < memberIds.length; i += PARALLEL) {
    const group = memberIds.slice(i, i + PARALLEL)
    const outcomes = await Promise.all(
      group.map((m) => {
        const e = enrollments.get(enrollmentId(period._id, m))
        return e ? nudgeOne(e, day, dayIndex, period, camp, now) : Promise.resolve<NudgeOutcome>('not_enrolled')
      }),
    )
    group.forEach((m, k) => out.set(m, outcomes[k]))
  }
  return out
}
