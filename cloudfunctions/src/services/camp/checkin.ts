/**
 * Today's check-in. The period comes from the per-instance cache (store.ts). Cheap rules first (no WeChat call for a
 * submission that cannot pass), then msgSecCheck on the text, the media checks and the group proof all at once, then
 * ONE transaction of five operations — enrollment get, check-in add (its `_id` is the one-per-day key), enrollment
 * update, entry add, and one `_.inc` update of the balance doc (no balance read: a credit cannot overdraw) — seven
 * requests with its start and commit. A group bonus or a streak milestone adds one entry add each (transactions take
 * single-document operations only); the balance doc exists from the member's first open (identity), so a first award
 * is the same `_.inc`. The `checkin` event is not inserted here: it is derived from the committed check-in document
 * (tracking/checkin-events.ts), so an inviter's reward and the funnels can never lose it, and it never exists for a check-in that did not commit.
 * Nor is the review backlog's counter written: the check-in is stamped `queuedAt` and the counters count its creation
 * from the document (domain/camp/queue-counters.ts, "Creations"), so no document of the period is shared by its
 * concurrent check-ins.
 */
import { toTodayView, type TodayView } from '../../contracts/camp-views'
import type { GroupCloudId } from '../../contracts/camp'
import {
  CHECKIN_LIMITS,
  checkContent,
  checkRunning,
  enrollmentId,
  inWindow,
  isFromBoundGroup,
  planCheckin,
  rejectCamp,
  type CampRejection,
  type CheckinContent,
  type CheckinDoc,
  type CheckinSubmission,
  type EnrollmentDoc,
  type PeriodDoc,
} from '../../domain/camp'
import type { Rejection } from '../../domain/kernel'
import { isDuplicateKey, TxAbort, withTransaction } from '../../shared/db'
import { appendAwardsInTx } from './awards'
import { sealContent } from './sealed-content'
import { cachedVisiblePeriod, CHECKINS, ENROLLMENTS, repo } from './store'
import { resolveGroupId, screenContent, type MediaFile } from './wechat'

export interface CheckinInput {
  periodId: string
  memberId: string
  content: CheckinContent
  groupCloudId?: GroupCloudId
  now: number
}

export const mediaFilesOf = (content: CheckinContent): MediaFile[] => [
  ...content.images.map((fileId): MediaFile => ({ fileId, kind: 'image' })),
  ...(content.voice ? [{ fileId: content.voice.fileId, kind: 'voice' as const }] : []),
]

/** Rules that need neither the enrollment nor WeChat: refused before any content check is paid for. */
export function precheck(period: PeriodDoc, memberId: string, content: CheckinContent, now: number): CampRejection | null {
  const notRunning = checkRunning(period, now)
  if (notRunning) return notRunning
  if (!inWindow(period.window, now)) return rejectCamp('CAMP.OUTSIDE_WINDOW', period.window ? { ...period.window } : undefined)
  return checkContent(period, memberId, content, 'pass')
}

export const withTraces = (checks: CheckinDoc['mediaChecks'], traces: ReadonlyMap<string, string>): CheckinDoc['mediaChecks'] =>
  checks.map((c) => {
    const traceId = traces.get(c.fileId)
    return traceId ? { ...c, traceId } : c
  })

export type Committed = { ok: true; checkin: CheckinDoc; enrollment: EnrollmentDoc }

/**
 * The transaction. `fromGroup` must come from a group id this function resolved; `traces` maps fileIDs to their
 * mediaCheckAsync trace ids. Used as is by the demo seed (with verdicts already known).
 */
export async function commitCheckin(
  period: PeriodDoc,
  memberId: string,
  submission: CheckinSubmission,
  fromGroup: boolean,
  now: number,
  traces: ReadonlyMap<string, string> = new Map(),
): Promise<Committed | CampRejection | Rejection> {
  try {
    return await withTransaction<Committed | CampRejection | Rejection>(async (tx) => {
      const enrollment = await repo.getIn(tx, ENROLLMENTS, enrollmentId(period._id, memberId))
      const plan = planCheckin(period, enrollment, null, submission, now, fromGroup)
      if (!plan.ok) throw new TxAbort(plan)
      const checkin: CheckinDoc = { ...plan.checkin, mediaChecks: withTraces(plan.checkin.mediaChecks, traces) }
      await repo.inTx(tx, CHECKINS).add({ data: checkin })
      await repo
        .inTx(tx, ENROLLMENTS)
        .doc((enrollment as EnrollmentDoc)._id)
        .update({ data: plan.enrollment })
      await appendAwardsInTx(tx, plan.awards, now)
      // No counter write: the review backlog counts this insert from the document (`queuedAt`, domain/camp/queue-counters.ts).
      return { ok: true, checkin, enrollment: { ...(enrollment as EnrollmentDoc), ...plan.enrollment } }
    })
  } catch (err) {
    // Another submission of the same day won the race after our snapshot was taken.
    if (isDuplicateKey(err)) return rejectCamp('CAMP.ALREADY_CHECKED_IN')
    throw err
  }
}

export async function submitCheckin(input: CheckinInput): Promise<TodayView | CampRejection | Rejection> {
  const { memberId, now } = input
  const period = await cachedVisiblePeriod(input.periodId, now)
  if ('ok' in period) return period
  const early = precheck(period, memberId, input.content, now)
  if (early) return early
  // Checks and the feed see the sealed copies of the files, never the member's overwritable uploads.
  const content = await sealContent(memberId, input.content)
  if (content === 'missing') return rejectCamp('CAMP.FOREIGN_FILE')
  if (content === 'too_large') return rejectCamp('CAMP.IMAGE_TOO_LARGE', { maxBytes: CHECKIN_LIMITS.maxImageBytes })
  const [screened, groupId] = await Promise.all([
    screenContent(memberId, content.text, mediaFilesOf(content)),
    resolveGroupId(input.groupCloudId),
  ])
  if (screened === 'risky') return rejectCamp('CAMP.CONTENT_RISKY')
  if (screened === 'missing') return rejectCamp('CAMP.FOREIGN_FILE')
  const { textVerdict, traces } = screened
  const fromGroup = isFromBoundGroup(period, groupId)
  const out = await commitCheckin(period, memberId, { content, textVerdict }, fromGroup, now, traces)
  if (!out.ok) return out
  return toTodayView(period, out.enrollment, out.checkin, now)
}
