/**
 * Session reminders. A member who accepts the reminder template after signing up gets `remindAt` (the session's
 * start minus REMINDER_LEAD_MS) on their signup; without a credit it stays null and no message is ever sent. The timer
 * reads due signups through the index { remindAt }, claims each with a conditional update (so overlapping runs send
 * once) and sends one subscribe message to members still confirmed or waitlisted for a session not yet started.
 */
import { CLASS_REMINDER_TEMPLATE_ID } from '../../contracts/classes'
import { toMySignupView, type MySignupView } from '../../contracts/class-views'
import { ACTIVE_STATUSES, reminderDueAt, rejectClass, signupIdOf, type ClassRejection } from '../../domain/classes'
import { sendSubscribeMessage } from '../camp/wechat'
import { SIGNUPS, repo } from './store'
import { command } from '../../shared/repository'

const PAGE = 100

export async function subscribeReminder(
  classId: string,
  memberId: string,
  accepted: readonly string[],
  now: number,
): Promise<MySignupView | ClassRejection> {
  const id = signupIdOf(classId, memberId)
  const signup = await repo.get(SIGNUPS, id)
  if (!signup || !ACTIVE_STATUSES.includes(signup.status)) return rejectClass('CLASS.SIGNUP_NOT_FOUND')
  if (!accepted.includes(CLASS_REMINDER_TEMPLATE_ID) || now >= signup.sessionStartAt) return toMySignupView(signup, now)
  const remindAt = reminderDueAt(signup.sessionStartAt)
  await repo.col(SIGNUPS).doc(id).update({ data: { remindAt } })
  return toMySignupView({ ...signup, remindAt }, now)
}

const shanghaiTime = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
const thing = (s: string) => ([...s].length > 20 ? `${[...s].slice(0, 19).join('')}…` : s)

export interface ClassReminderRun {
  due: number
  sent: number
  skipped: number
}

export async function sendClassReminders(now: number): Promise<ClassReminderRun> {
  const run: ClassReminderRun = { due: 0, sent: 0, skipped: 0 }
  const _ = command()
  for (;;) {
    const res = await repo
      .col(SIGNUPS)
      .where({ remindAt: _.lte(now) })
      .orderBy('remindAt', 'asc')
      .limit(PAGE)
      .get()
    run.due += res.data.length
    for (const s of res.data) {
      const claim = await repo
        .col(SIGNUPS)
        .where({ _id: s._id, remindAt: s.remindAt })
        .update({ data: { remindAt: null } })
      if (claim.stats.updated !== 1) continue
      if (!ACTIVE_STATUSES.includes(s.status) || now >= s.sessionStartAt) {
        run.skipped++
        continue
      }
      const outcome = await sendSubscribeMessage({
        touser: s.memberId,
        templateId: CLASS_REMINDER_TEMPLATE_ID,
        page: `features/classes/pages/detail/index?classId=${s.classId}`,
        data: {
          thing1: { value: thing(s.classTitle) },
          time2: { value: shanghaiTime(s.sessionStartAt) },
          thing3: { value: s.status === 'confirmed' ? '课程即将开始，请准时参加' : '你仍在候补中，留意名额变化' },
        },
      })
      if (outcome === 'sent') run.sent++
      else run.skipped++
    }
    if (res.data.length < PAGE) break
  }
  return run
}
