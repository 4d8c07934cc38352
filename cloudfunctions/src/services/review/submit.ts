/**
 * Submitting, editing or returning a review. Cheap checks first (caller, assignment, content on its own), then
 * msgSecCheck on the comment, then ONE transaction: check-in get, this round's review get, review add (its `_id` is the
 * first-review-wins key) or update, check-in update, and the featured bonus through the ledger when this review
 * features it, and for a created review its conversion events and the teacher's day counters (`_.inc`, exactly once
 * with the review). After the commit, only for a created review: the member's one subscribe message (if they hold a
 * credit).
 */
import type { z } from 'zod'
import { toReviewInput, type EditReviewRequest, type ReturnForRedoRequest, type SubmitReviewRequest } from '../../contracts/review'
import { toStaffReviewView, type ReviewView } from '../../contracts/review-views'
import { isBacklog, rejectCamp, type CampDoc, type CampRejection, type CheckinDoc, type PeriodDoc } from '../../domain/camp'
import type { Rejection } from '../../domain/kernel'
import {
  checkinIdParts,
  checkReviewContent,
  checkReviewer,
  planReview,
  rejectReview,
  reviewId,
  type ReviewDoc,
  type ReviewInput,
  type ReviewPlan,
  type Reviewer,
  type ReviewRejection,
} from '../../domain/review'
import { draftUseOf, withDraftUse, type ServedDraft } from '../../domain/review/draft-use'
import { isDuplicateKey, TxAbort, withTransaction, type Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { wholeFields } from '../../shared/whole-fields'
import { awardFeaturedBadgeInTx, checkinInTx, updateCheckinInTx } from '../camp/checkin-tx'
import { getCamp, getPeriod } from '../camp/lookups'
import { bumpQueueCountersInTx } from '../camp/queue-counters'
import { trackInTx } from '../tracking/track'
import { sealAnnotations } from './annotations'
import { payFeaturedInTx } from './awards'
import { checkComment } from './comment-check'
import { checkSubmitInTx, dealPeriod, DEAL_AFTER_SUBMIT, LEAVES_QUEUE, presencesOf, touchAfterSubmit } from './distribution'
import { draftsServedTo } from './draft-store'
import { notifyReview } from './notify'
import { applyStatsIncrementInTx } from './stats-counter'
import { loadStaff, repo, REVIEWS } from './store'

export type ReviewWrite = z.infer<typeof SubmitReviewRequest> | z.infer<typeof EditReviewRequest> | z.infer<typeof ReturnForRedoRequest>
type Refusal = ReviewRejection | CampRejection | Rejection

interface Committed {
  ok: true
  plan: ReviewPlan
  checkin: CheckinDoc
  paid: number
}

/** The same submit (its request id) arrived again after it committed: its review, unchanged. */
interface Replayed {
  ok: true
  replayed: ReviewDoc
  checkin: CheckinDoc
}

/** Nested values are written whole: `update` would flatten `{ fileId, durationSec }` into dot paths. */
const whole = (v: object | null) => (v === null ? null : command().set(v))

async function commit(
  period: PeriodDoc,
  camp: CampDoc,
  actor: Reviewer,
  checkinId: string,
  input: ReviewInput,
  now: number,
  requestId?: string,
  served: readonly ServedDraft[] | null = null,
) {
  return withTransaction<Committed | Replayed | Refusal>(async (tx) => {
    const checkin = await checkinInTx(tx, checkinId)
    if (!checkin) throw new TxAbort(rejectCamp('CAMP.CHECKIN_NOT_FOUND'))
    const existing = await repo.getIn(tx, REVIEWS, reviewId(checkinId, checkin.redoCount))
    if (requestId && existing?.requestId === requestId) return { ok: true as const, replayed: existing, checkin }
    // Fair distribution (issue #17 item 2): a teacher of the period writes a waiting item only under their lease, or
    // when it is theirs / the pool's / an away teacher's and nobody leases it (operators are not dealt items: no check);
    // the write clears the lease and the assignee.
    const teacher = period.teacherIds.includes(actor._id)
    const dist = !isBacklog(checkin) ? null : teacher ? await checkSubmitInTx(tx, checkin, actor._id, now) : LEAVES_QUEUE
    if (dist && 'ok' in dist) throw new TxAbort(dist)
    const planned = planReview(checkin, { period, camp }, actor, input, existing, now)
    if (!planned.ok) throw new TxAbort(planned)
    // `draft`: whether the comment started from a draft of this version served to this teacher (the page only claims it).
    const plan = served ? withDraftUse(planned, draftUseOf(served, checkin, actor._id, planned.review.comment)) : planned
    const extra = requestId ? { requestId } : {}
    if (plan.kind === 'create') await repo.inTx(tx, REVIEWS).add({ data: { ...plan.review, ...extra } })
    else if (plan.reviewPatch) {
      const p = plan.reviewPatch
      await repo
        .inTx(tx, REVIEWS)
        .doc(plan.review._id)
        .update({ data: { ...p, voice: whole(p.voice), score: whole(p.score), annotatedImages: whole(p.annotatedImages) } })
    }
    if (Object.keys(plan.checkinPatch).length > 0 || dist)
      await updateCheckinInTx(tx, checkinId, { ...wholeFields(plan.checkinPatch), ...(dist ?? {}) })
    // 首次精选 (a badge is never removed; featureChange sets `featured: true` only on the false → true transition).
    if (plan.checkinPatch.featured === true && !checkin.featured) await awardFeaturedBadgeInTx(tx, period, checkin.memberId, checkinId, now)
    // A review or a return takes the check-in out of the backlog (an edit of a review moves nothing).
    await bumpQueueCountersInTx(tx, checkin, { ...checkin, ...plan.checkinPatch })
    const paid = await payFeaturedInTx(tx, plan.awards, period._id, now)
    if (plan.kind === 'create') await recordReviewEvents(tx, plan.review, paid, now)
    if (plan.stats) await applyStatsIncrementInTx(tx, plan.stats)
    return { ok: true, plan, checkin: { ...checkin, ...plan.checkinPatch }, paid }
  })
}

/** A created review's conversion events commit with it (the funnels and the member's activity read them). */
async function recordReviewEvents(tx: Tx, r: ReviewDoc, paid: number, now: number): Promise<void> {
  const base = { memberId: r.memberId, periodId: r.periodId, campId: r.campId, day: r.day }
  await trackInTx(
    tx,
    { type: 'review_received', ...base, ref: r._id, props: { outcome: r.outcome, round: r.round, waitMinutes: r.waitMinutes } },
    now,
  )
  if (paid > 0) await trackInTx(tx, { type: 'featured', ...base, ref: r.checkinId, props: { bonus: paid } }, now)
}

/** The after-commit effect of a created review (the one subscribe message, at most once); it can neither undo nor fail the review. */
async function afterCreate(out: Committed, now: number): Promise<void> {
  const { notification } = out.plan
  if (notification) await notifyReview(notification, now).catch((err: unknown) => console.error('[review] notify', err))
}

/**
 * After a review or a return by a teacher of the period, in parallel: their presence (one read; written only when
 * stale, PRESENCE_TOUCH_MS) and a small deal from the POOL (counters + presences read; up to DEAL_AFTER_SUBMIT items,
 * none when the pool is empty) so new submissions keep flowing to whoever has the least. Moving items between teachers
 * is the minute timer's (a move per submit made 20 teachers' submits contend on the same donors' oldest items in the
 * bench). Neither can undo or fail the review: a failure is logged, the next deal repairs it.
 */
async function afterWrite(period: PeriodDoc, actor: Reviewer, checkinId: string, now: number): Promise<void> {
  if (!period.teacherIds.includes(actor._id)) return
  const touch = async () => touchAfterSubmit(actor._id, (await presencesOf([actor._id])).get(actor._id) ?? null, checkinId, now)
  await Promise.all([touch(), dealPeriod(period, now, DEAL_AFTER_SUBMIT, 0)]).catch((err: unknown) =>
    console.error('[review] deal after submit', err),
  )
}

export async function writeReview(openid: string, request: ReviewWrite, now: number): Promise<ReviewView | Refusal> {
  const parts = checkinIdParts(request.checkinId)
  if (!parts) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  const [actor, period] = await Promise.all([loadStaff(openid), getPeriod(parts.periodId)])
  if ('ok' in actor) return actor
  if (!period || period.status === 'draft') return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  // The team narrowing needs the check-in: the plan checks it again inside the transaction.
  const denied = checkReviewer(actor, request.action === 'returnForRedo' ? 'review.redo' : 'review.submit', period)
  if (denied) return denied
  const camp = await getCamp(period.campId)
  if (!camp) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  const early = checkReviewContent(camp.scoreScale, actor._id, toReviewInput(request, 'pass'))
  if ('ok' in early) return early
  // Members are shown the sealed copies (no openid in their path, bytes nobody can swap), never the teacher's uploads.
  const annotatedImages = await sealAnnotations(actor._id, early.annotatedImages)
  if (annotatedImages === 'foreign') return rejectReview('REVIEW.FOREIGN_IMAGE')
  // The voice comment too: a missing recording is refused, the member hears a sealed copy at a path with no openid.
  const voice = early.voice ? await sealAnnotations(actor._id, [early.voice.fileId]) : []
  if (voice === 'foreign') return rejectReview('REVIEW.FOREIGN_FILE')
  const reason = request.action === 'returnForRedo' ? request.reason : request.action === 'editReview' ? (request.redoReason ?? '') : ''
  const verdict = await checkComment(actor._id, [request.comment, reason].filter((t) => t.trim()).join('\n'))
  const input = { ...toReviewInput(request, verdict), annotatedImages, voice: early.voice ? { ...early.voice, fileId: voice[0] } : null }
  const requestId = request.action === 'submitReview' ? request.requestId : undefined
  // The page says the comment started from the AI draft: the drafts shown to this teacher decide (draft-use.ts).
  const claimed = request.action === 'submitReview' && request.fromDraft === true
  const served = claimed ? await draftsServedTo(request.checkinId, actor._id) : null
  let out: Committed | Replayed | Refusal
  try {
    out = await commit(period, camp, actor, request.checkinId, input, now, requestId, served)
  } catch (err) {
    // Another teacher's review of this round (or this same submit) committed after our snapshot: plan again, against it.
    if (!isDuplicateKey(err)) throw err
    out = await commit(period, camp, actor, request.checkinId, input, now, requestId, served)
  }
  if (!out.ok) return out
  if ('replayed' in out) return toStaffReviewView(out.replayed, out.checkin, period, actor._id, now)
  if (out.plan.kind === 'create') await afterCreate(out, now)
  await afterWrite(period, actor, request.checkinId, now)
  return toStaffReviewView(out.plan.review, out.checkin, period, actor._id, now)
}
