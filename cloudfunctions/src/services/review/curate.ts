/**
 * 精选 and moderation from the queue or the review page: each one transaction on the check-in (get, plan, update),
 * the featured bonus paid inside it exactly once (./awards.ts). Both answer the check-in as a queue item.
 */
import { toQueueItemView, periodTitle, type QueueItemView } from '../../contracts/review-views'
import { rejectCamp, type CampRejection, type CheckinDoc, type PeriodDoc } from '../../domain/camp'
import type { Rejection } from '../../domain/kernel'
import {
  checkinIdParts,
  planFeature,
  planModeration,
  type ModerationDecision,
  type Reviewer,
  type ReviewRejection,
} from '../../domain/review'
import { TxAbort, withTransaction, type Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { wholeFields } from '../../shared/whole-fields'
import { awardFeaturedBadgeInTx, checkinInTx, updateCheckinInTx } from '../camp/checkin-tx'
import { getPeriod } from '../camp/lookups'
import { bumpQueueCountersInTx } from '../camp/queue-counters'
import { memberOf } from '../identity/lookups'
import { track } from '../tracking/track'
import { payFeaturedInTx } from './awards'
import { loadStaff, withCampTitles } from './store'

type Refusal = ReviewRejection | CampRejection | Rejection

/** Caller, period and the member's profile in one wave; then `work` in a transaction on the check-in. */
async function onCheckin<R extends { checkin: CheckinDoc }>(
  openid: string,
  checkinId: string,
  work: (tx: Tx, checkin: CheckinDoc, period: PeriodDoc, actor: Reviewer) => Promise<R | Refusal>,
  now: number,
): Promise<{ out: R; view: QueueItemView } | Refusal> {
  const parts = checkinIdParts(checkinId)
  if (!parts) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  const [actor, stored, profile] = await Promise.all([loadStaff(openid), getPeriod(parts.periodId), memberOf(parts.memberId)])
  if ('ok' in actor) return actor
  if (!stored) return rejectCamp('CAMP.CHECKIN_NOT_FOUND')
  const [period] = await withCampTitles([stored])
  const out = await withTransaction<R | Refusal>(async (tx) => {
    const checkin = await checkinInTx(tx, checkinId)
    if (!checkin) throw new TxAbort(rejectCamp('CAMP.CHECKIN_NOT_FOUND'))
    const done = await work(tx, checkin, period, actor)
    if ('ok' in done && done.ok === false) throw new TxAbort(done)
    return done
  })
  if ('ok' in out && out.ok === false) return out
  const done = out as R
  return { out: done, view: toQueueItemView(done.checkin, profile ?? undefined, periodTitle(period), now) }
}

export async function featureCheckin(openid: string, checkinId: string, featured: boolean, now: number): Promise<QueueItemView | Refusal> {
  const res = await onCheckin(
    openid,
    checkinId,
    async (tx, checkin, period, actor) => {
      const plan = planFeature(checkin, period, actor, featured, now)
      if (!plan.ok) return plan
      if (plan.changed) await updateCheckinInTx(tx, checkin._id, wholeFields(plan.checkinPatch))
      if (plan.checkinPatch.featured === true) await awardFeaturedBadgeInTx(tx, period, checkin.memberId, checkin._id, now)
      const paid = await payFeaturedInTx(tx, plan.award ? [plan.award] : [], period._id, now)
      return { checkin: { ...checkin, ...plan.checkinPatch }, paid }
    },
    now,
  )
  if ('ok' in res) return res
  const c = res.out.checkin
  if (res.out.paid > 0)
    await track(
      {
        type: 'featured',
        memberId: c.memberId,
        periodId: c.periodId,
        campId: c.campId,
        day: c.day,
        ref: c._id,
        props: { bonus: res.out.paid },
      },
      now,
    )
  return res.view
}

/** Clears or rejects content that content security flagged 'review'. */
export async function moderateCheckin(
  openid: string,
  checkinId: string,
  decision: ModerationDecision,
  now: number,
): Promise<QueueItemView | Refusal> {
  const res = await onCheckin(
    openid,
    checkinId,
    async (tx, checkin, period, actor) => {
      const plan = planModeration(checkin, period, actor, decision, now)
      if (!plan.ok) return plan
      const { mediaChecks, ...rest } = plan.checkinPatch
      await updateCheckinInTx(tx, checkin._id, { ...wholeFields(rest), mediaChecks: command().set(mediaChecks) })
      // Rejected content leaves the backlog.
      await bumpQueueCountersInTx(tx, checkin, plan.checkin)
      return { checkin: plan.checkin }
    },
    now,
  )
  return 'ok' in res ? res : res.view
}
