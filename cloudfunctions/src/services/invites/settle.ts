/**
 * Settling an invite: while pending, look for the invitee's first real action (their first check-in document or class
 * signup event); then ONE transaction qualifies the invite and rewards it: the invite's status, the `invite_qualified`
 * and `invite_rewarded` events, the inviter's ledger entry (`invite:{invitee}`), the per-inviter-per-day counter and
 * the inviter's stats move together. Any number of concurrent settles (timer, inviters' pages) reward once:
 * the transaction re-reads the status, and the ledger key would refuse a second entry anyway.
 */
import { businessDay } from '../../domain/business-day'
import { inviteRewardKey } from '../../domain/points'
import {
  dailyId,
  planPendingCheck,
  planReward,
  QUALIFYING_EVENTS,
  type InviteDailyDoc,
  type InviteDoc,
  type InviteStatus,
  type QualifyingEvent,
} from '../../domain/invites'
import { isDuplicateKey, withTransaction } from '../../shared/db'
import { wholeFields } from '../../shared/whole-fields'
import { appendInTx } from '../points/ledger'
import { trackInTx } from '../tracking/track'
import { firstEventOf } from '../tracking/lookups'
import { firstCheckinAt } from '../camp/lookups'
import { DAILY, INVITES, STATS, repo } from './store'
import { command } from '../../shared/repository'

/**
 * The invitee's first real action: their first check-in, read from the committed check-in documents (index
 * { memberId, makeup, submittedAt }; a check-in has no event of its own, see tracking/checkin-events.ts), or their
 * first class signup event (index { memberId, at }), whichever came first. One document each.
 */
async function firstRealAction(inviteeId: string): Promise<QualifyingEvent | null> {
  const [checkinAt, signup] = await Promise.all([
    firstCheckinAt(inviteeId),
    firstEventOf(
      inviteeId,
      QUALIFYING_EVENTS.filter((t) => t !== 'checkin'),
    ),
  ])
  const found: QualifyingEvent[] = [
    ...(checkinAt === null ? [] : [{ type: 'checkin' as const, at: checkinAt }]),
    ...(signup ? [signup] : []),
  ]
  return found.sort((a, b) => a.at - b.at)[0] ?? null
}

/**
 * A pending invite with no qualifying action yet: wait (next check later) or expire. One conditional update that
 * only applies while it is still pending as read; no event goes with it.
 */
async function waitOrExpire(invite: InviteDoc, patch: Partial<InviteDoc>): Promise<void> {
  await repo
    .col(INVITES)
    .where({ _id: invite._id, status: 'pending', checks: invite.checks })
    .update({ data: wholeFields(patch) })
}

/**
 * Qualifies (when still pending and `qualify` was found) and rewards in ONE transaction: the invite's status, its
 * `invite_qualified` event, the inviter's ledger entry, the per-inviter-per-day counter, the inviter's stats and the
 * `invite_rewarded` event move together, so a failed write leaves the invite as it was and the next settle does all
 * of it once.
 */
async function qualifyAndReward(inviteId: string, qualify: Partial<InviteDoc> | null, now: number): Promise<InviteDoc | null> {
  const out = await withTransaction(async (tx) => {
    const stored = await repo.getIn(tx, INVITES, inviteId)
    const qualifying = stored?.status === 'pending' && qualify !== null
    if (!stored || (stored.status !== 'qualified' && !qualifying)) return { invite: stored }
    const invite: InviteDoc = qualifying ? { ...stored, ...qualify } : stored
    const today = await repo.getIn(tx, DAILY, dailyId(invite.inviterId, businessDay(now)))
    const stats = await repo.getIn(tx, STATS, invite.inviterId)
    const plan = planReward({ invite, rewardedToday: today?.rewarded ?? 0, stats, now })
    if (plan.rewarded) {
      await appendInTx(
        tx,
        { _id: inviteRewardKey(invite._id), memberId: invite.inviterId, amount: plan.points, reason: 'invite_reward', ref: invite._id },
        now,
      )
      const daily: Omit<InviteDailyDoc, '_id'> = { inviterId: invite.inviterId, day: plan.day, rewarded: plan.dailyRewarded }
      await repo.inTx(tx, DAILY).doc(dailyId(invite.inviterId, plan.day)).set({ data: daily })
    }
    const { _id: statsId, ...statsFields } = plan.stats
    await repo.inTx(tx, STATS).doc(statsId).set({ data: statsFields })
    const patch = { ...(qualifying ? qualify : {}), ...plan.invitePatch }
    await repo
      .inTx(tx, INVITES)
      .doc(invite._id)
      .update({ data: wholeFields(patch) })
    const after: InviteDoc = { ...invite, ...plan.invitePatch }
    if (qualifying) {
      const by = { by: after.qualifiedBy ?? '' }
      await trackInTx(tx, { type: 'invite_qualified', memberId: after._id, ref: after._id, props: by }, now)
    }
    if (plan.rewarded) {
      const props = { points: after.points ?? 0 }
      await trackInTx(tx, { type: 'invite_rewarded', memberId: after.inviterId, ref: after._id, props }, now)
    }
    return { invite: after }
  })
  return out.invite
}

/** Settles one invite as far as it goes now; answers its state afterwards. */
export async function settleInvite(invite: InviteDoc, now: number): Promise<InviteDoc | null> {
  let qualify: Partial<InviteDoc> | null = null
  if (invite.status === 'pending') {
    const step = planPendingCheck(invite, await firstRealAction(invite._id), now)
    if (step.kind !== 'qualify') {
      await waitOrExpire(invite, step.patch)
      return repo.get(INVITES, invite._id)
    }
    qualify = step.patch
  } else if (invite.status !== 'qualified') return invite
  try {
    return await qualifyAndReward(invite._id, qualify, now)
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return repo.get(INVITES, invite._id)
  }
}

const OPEN_STATUSES = ['qualified', 'pending'] as const
const SETTLED_QUALIFIED = new Set<InviteStatus>(['qualified', 'rewarded', 'over_cap'])
const PAGE = 50
/** Stay well inside the function timeout; the next run picks up the rest. */
const BUDGET_MS = 40_000
/** Invites settled on demand when an inviter opens "my invitees". */
const ON_DEMAND = 10

export interface SettleRun {
  looked: number
  qualified: number
  rewarded: number
  failed: number
}

/** The timer: open invites whose check is due (index { status, nextCheckAt }), page by page. */
export async function settleDue(now: number): Promise<SettleRun> {
  const started = Date.now()
  const run: SettleRun = { looked: 0, qualified: 0, rewarded: 0, failed: 0 }
  const seen = new Set<string>()
  const _ = command()
  for (const status of OPEN_STATUSES) {
    while (Date.now() - started < BUDGET_MS) {
      const res = await repo
        .col(INVITES)
        .where({ status, nextCheckAt: _.lte(now) })
        .orderBy('nextCheckAt', 'asc')
        .limit(PAGE)
        .get()
      const fresh = res.data.filter((i) => !seen.has(i._id))
      if (fresh.length === 0) break
      for (const invite of fresh) {
        seen.add(invite._id)
        run.looked++
        try {
          const after = await settleInvite(invite, now)
          if (after && SETTLED_QUALIFIED.has(after.status)) run.qualified++
          if (after?.status === 'rewarded') run.rewarded++
        } catch (err) {
          // One invite's failure (nothing of it committed) must not hold up the others; the next run retries it.
          run.failed++
          console.error('[invites] settle failed', invite._id, err)
        }
      }
    }
  }
  return run
}

/** On demand for one inviter: their newest open invites, whatever their next check time. */
export async function settleInviterNow(inviterId: string, now: number): Promise<void> {
  for (const status of OPEN_STATUSES) {
    const res = await repo.col(INVITES).where({ inviterId, status }).orderBy('claimedAt', 'desc').limit(ON_DEMAND).get()
    for (const invite of res.data) await settleInvite(invite, now)
  }
}
