/**
 * Editing a check-in the same business day (or the one redo after a teacher returned it). The content is checked again
 * and moderation starts over; the write is a transaction (get + update) so a teacher's concurrent review is never
 * overwritten. Points never change on edit.
 */
import { toTodayView, type TodayView } from '../../contracts/camp-views'
import {
  CHECKIN_LIMITS,
  checkinId,
  planEdit,
  rejectCamp,
  resolveModeration,
  todayOf,
  type CampRejection,
  type CheckinContent,
  type CheckinDoc,
} from '../../domain/camp'
import { TxAbort, withTransaction } from '../../shared/db'
import { command } from '../../shared/repository'
import { mediaFilesOf, withTraces } from './checkin'
import { bumpQueueCountersInTx } from './queue-counters'
import { sealContent } from './sealed-content'
import { CHECKINS, getCheckin, getEnrollment, repo, visiblePeriod } from './store'
import { screenContent } from './wechat'

export async function editCheckin(
  periodId: string,
  memberId: string,
  day: string,
  submitted: CheckinContent,
  now: number,
): Promise<TodayView | CampRejection> {
  const period = await visiblePeriod(periodId)
  if ('ok' in period) return period
  const id = checkinId(periodId, day, memberId)
  const current = await getCheckin(id)
  if (!current) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  // Every rule but the text verdict, before paying for content checks.
  const early = planEdit(period, current, memberId, { content: submitted, textVerdict: 'pass' }, now)
  if (!early.ok) return early
  // A kept file keeps its verdict only as the same sealed copy (same bytes); anything else is sealed and checked anew.
  const content = await sealContent(memberId, submitted)
  if (content === 'missing') return rejectCamp('CAMP.FOREIGN_FILE')
  if (content === 'too_large') return rejectCamp('CAMP.IMAGE_TOO_LARGE', { maxBytes: CHECKIN_LIMITS.maxImageBytes })
  const known = new Map(current.mediaChecks.map((c) => [c.fileId, c]))
  const screened = await screenContent(
    memberId,
    content.text,
    mediaFilesOf(content).filter((f) => !known.has(f.fileId)),
  )
  if (screened === 'risky') return rejectCamp('CAMP.CONTENT_RISKY')
  if (screened === 'missing') return rejectCamp('CAMP.FOREIGN_FILE')
  const { textVerdict, traces } = screened
  const _ = command()
  const out = await withTransaction<CheckinDoc | CampRejection>(async (tx) => {
    const checkin = await repo.getIn(tx, CHECKINS, id)
    if (!checkin) throw new TxAbort(rejectCamp('CAMP.CHECKIN_NOT_FOUND'))
    const plan = planEdit(period, checkin, memberId, { content, textVerdict }, now)
    if (!plan.ok) throw new TxAbort(plan)
    // Sealed files kept from before keep their verdict (and trace id); new ones start pending with their new trace id.
    const previous = new Map(checkin.mediaChecks.map((c) => [c.fileId, c]))
    const mediaChecks = withTraces(plan.patch.mediaChecks, traces).map((c) => previous.get(c.fileId) ?? c)
    const moderation = resolveModeration(textVerdict, mediaChecks)
    await repo
      .inTx(tx, CHECKINS)
      .doc(id)
      .update({ data: { ...plan.patch, moderation, content: _.set(plan.patch.content), mediaChecks: _.set(mediaChecks) } })
    const edited: CheckinDoc = { ...plan.checkin, mediaChecks, moderation }
    // A redo re-enters the queue; a risky check-in edited back to pending moderation re-enters it too.
    await bumpQueueCountersInTx(tx, checkin, edited)
    return edited
  })
  if ('ok' in out) return out
  // The answer is the member's today (what the page shows); a redo of an earlier day leaves today's check-in as is.
  const todayId = checkinId(periodId, todayOf(period, now), memberId)
  const [enrollment, todays] = await Promise.all([getEnrollment(periodId, memberId), todayId === id ? out : getCheckin(todayId)])
  return toTodayView(period, enrollment, todays, now)
}
