/**
 * The reminder timer: enrollments due (`reminderNextAt <= now`, index { reminderNextAt }) in pages of 100, their periods
 * and camps by id, then per item one conditional update that claims it (moves `reminderNextAt` on and spends the
 * credit; conditional on `reminderNextAt` and `reminderLastDay` as read) and, if the claim won, one subscribeMessage. WeChat's 43101 (no credit left there) zeroes our count.
 */
import { REMINDER_PAGE, REMINDER_TEMPLATE_ID } from '../../contracts/camp'
import { remindersDue, type CampDoc, type EnrollmentDoc, type PeriodDoc, type ReminderItem } from '../../domain/camp'
import { command } from '../../shared/repository'
import { track } from '../tracking/track'
import { CAMPS, ENROLLMENTS, PERIODS, repo } from './store'
import { sendSubscribeMessage } from './wechat'

const PAGE = 100
/** Stay well inside the function timeout; the next run (every few minutes) picks up the rest. */
const BUDGET_MS = 40_000

export interface ReminderRun {
  due: number
  sent: number
  skipped: number
  noCredit: number
}

/** Template fields: thing ≤ 20 characters, time `YYYY-MM-DD HH:mm`. */
const thing = (s: string) => ([...s].length > 20 ? `${[...s].slice(0, 19).join('')}…` : s)

/** The daily reminder message of 第 `dayIndex` 天 for `memberId` (the timer's, and a team leader's reminder). */
export function reminderMessage(memberId: string, dayIndex: number, period: PeriodDoc, camp: CampDoc | undefined | null, now: number) {
  const theme = period.tasks.find((t) => t.day === dayIndex)?.theme ?? '今日打卡'
  const at = new Date(now + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
  return {
    touser: memberId,
    templateId: REMINDER_TEMPLATE_ID,
    page: `${REMINDER_PAGE}?periodId=${period._id}`,
    data: {
      thing1: { value: thing(`${camp?.title ?? '打卡营'} 第${dayIndex}天`) },
      thing2: { value: thing(theme) },
      time3: { value: at },
    },
  }
}

async function handle(item: ReminderItem, e: EnrollmentDoc, period: PeriodDoc, camp: CampDoc | undefined, now: number, run: ReminderRun) {
  const _ = command()
  const credits = e.reminderCredits ?? 0
  const send = item.send && credits > 0
  const left = send ? credits - 1 : credits
  // Also on the once-a-day mark as read: a team leader's reminder (nudges.ts) in between makes this claim lose.
  const claim = await repo
    .col(ENROLLMENTS)
    .where({ _id: e._id, reminderNextAt: e.reminderNextAt, reminderLastDay: e.reminderLastDay })
    .update({
      data: {
        reminderNextAt: left > 0 ? item.patch.reminderNextAt : null,
        reminderLastDay: item.patch.reminderLastDay,
        reminderCredits: left,
      },
    })
  if (claim.stats.updated !== 1) return // another run took it
  if (!send) {
    run.skipped++
    return
  }
  const outcome = await sendSubscribeMessage(reminderMessage(item.memberId, item.dayIndex, period, camp, now))
  if (outcome === 'sent') {
    run.sent++
    await track({ type: 'reminder_sent', memberId: e.memberId, periodId: period._id, campId: period.campId, day: item.day }, now)
    return
  }
  if (outcome === 'no_credit') run.noCredit++
  // No credit at WeChat: stop scheduling. A failed send did not spend the credit: give it back.
  const data = outcome === 'no_credit' ? { reminderCredits: 0, reminderNextAt: null } : { reminderCredits: _.inc(1) }
  await repo.col(ENROLLMENTS).doc(e._id).update({ data })
}

export async function sendDueReminders(now: number): Promise<ReminderRun> {
  const started = Date.now()
  const run: ReminderRun = { due: 0, sent: 0, skipped: 0, noCredit: 0 }
  const _ = command()
  for (;;) {
    const res = await repo
      .col(ENROLLMENTS)
      .where({ reminderNextAt: _.lte(now) })
      .orderBy('reminderNextAt', 'asc')
      .limit(PAGE)
      .get()
    const due = res.data
    run.due += due.length
    if (due.length === 0) break
    const periods = await repo.byIds(
      PERIODS,
      due.map((e) => e.periodId),
    )
    const camps = await repo.byIds(
      CAMPS,
      [...periods.values()].map((p) => p.campId),
    )
    const known = due.filter((e) => periods.has(e.periodId))
    // A period deleted under its members: nothing to remind of any more.
    for (const e of due.filter((d) => !periods.has(d.periodId)))
      await repo
        .col(ENROLLMENTS)
        .doc(e._id)
        .update({ data: { reminderNextAt: null } })
    const byId = new Map(known.map((e) => [e._id, e]))
    for (const item of remindersDue(known, periods, now)) {
      const period = periods.get(item.periodId) as PeriodDoc
      await handle(item, byId.get(item.enrollmentId) as EnrollmentDoc, period, camps.get(period.campId), now, run)
    }
    if (due.length < PAGE || Date.now() - started > BUDGET_MS) break
  }
  return run
}
