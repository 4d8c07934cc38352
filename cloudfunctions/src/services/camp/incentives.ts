/**
 * 激励设置: a period's streak tiers and badge points, stored on the period (`incentives`) so the check-in reads them
 * with the period it already has. Saving reads and rewrites the period in one transaction (a concurrent close is never
 * overwritten) after checkIncentives; bad settings store nothing. The instance's period cache is cleared, other warm
 * instances see the change within PERIOD_TTL_MS (store.ts).
 */
import type { IncentivesView } from '../../contracts/community'
import { periodTitle } from '../../contracts/review-views'
import { rejectCamp, type CampRejection, type PeriodDoc } from '../../domain/camp'
import {
  BADGE_LABEL,
  BADGE_POINTS_MAX,
  badgesOffered,
  checkIncentives,
  incentivesOf,
  rejectTeam,
  TIER_LIMITS,
  tierLabel,
  type PeriodIncentives,
  type TeamRejection,
} from '../../domain/community'
import { TxAbort, withTransaction } from '../../shared/db'
import { command } from '../../shared/repository'
import { forgetPeriod, getPeriod, PERIODS, repo } from './store'

export function toIncentivesView(period: PeriodDoc): IncentivesView {
  const { tiers, badgePoints } = incentivesOf(period)
  return {
    periodId: period._id,
    periodTitle: periodTitle(period),
    lengthDays: period.lengthDays,
    perCheckin: period.points.perCheckin,
    editable: period.status !== 'closed',
    tiers: tiers.map((t) => ({ fromDays: t.fromDays, multiplier: t.multiplier, label: tierLabel(t) })),
    badges: badgesOffered(period.lengthDays).map((b) => ({ value: b, label: BADGE_LABEL[b], points: badgePoints[b] ?? 0 })),
    limits: { ...TIER_LIMITS, maxBadgePoints: BADGE_POINTS_MAX },
  }
}

export async function periodIncentives(periodId: string): Promise<IncentivesView | TeamRejection> {
  const period = await getPeriod(periodId)
  return period ? toIncentivesView(period) : rejectTeam('TEAM.PERIOD_NOT_FOUND')
}

export async function setPeriodIncentives(
  periodId: string,
  input: PeriodIncentives,
  now: number,
): Promise<IncentivesView | TeamRejection | CampRejection> {
  forgetPeriod(periodId)
  const out = await withTransaction<PeriodDoc | TeamRejection | CampRejection>(async (tx) => {
    const period = await repo.getIn(tx, PERIODS, periodId)
    if (!period) throw new TxAbort(rejectTeam('TEAM.PERIOD_NOT_FOUND'))
    if (period.status === 'closed') throw new TxAbort(rejectCamp('CAMP.PERIOD_CLOSED'))
    const incentives = checkIncentives(input, period.lengthDays)
    if ('ok' in incentives) throw new TxAbort(incentives)
    await repo
      .inTx(tx, PERIODS)
      .doc(periodId)
      .update({ data: { incentives: command().set(incentives), updatedAt: now } })
    return { ...period, incentives, updatedAt: now }
  })
  forgetPeriod(periodId)
  return 'ok' in out ? out : toIncentivesView(out)
}
