/**
 * Team PK (rules in domain/community/team-board.ts). The counters each team's row needs live on its team document and
 * are recomputed by the refresh job (every 10 minutes, per active split period) — never on a member's read: a board
 * read is ONE request for the period's ≤ 100 teams (plus the caller's membership), whatever the period's size. The
 * refresh walks the period's enrollments in pages of 1000 with their memberships (two requests per page), so
 * 10,000 members cost about 20 reads and ≤ 100 writes every 10 minutes. The check-in transaction is untouched.
 */
import type { TeamBoardPage } from '../../contracts/community'
import { liveStreak, periodDay, todayOf, type PeriodDoc } from '../../domain/camp'
import { pageOf, rankTeams, rejectTeam, type TeamBoard, type TeamCounters, type TeamRejection, type TeamRow } from '../../domain/community'
import { command } from '../../shared/repository'
import { enrollmentsJoinedAfter, periodForTeams, type TeamEnrollment } from '../camp/community-reads'
import { placeLateJoiners } from './split'
import { membershipOf, repo, teamMemberId, teamsOf, TEAM_MEMBERS, TEAM_SPLITS, TEAMS, type TeamBoardCounters, type TeamDoc } from './store'

const PAGE = 1000
/** Periods one job run refreshes (oldest refresh first); the rest wait for the next run. */
const PERIODS_PER_RUN = 20

function daysSoFarOf(period: PeriodDoc, now: number): number {
  const where = periodDay(period, now)
  return where.kind === 'before' ? 0 : where.kind === 'day' ? where.index : period.lengthDays
}

/** Recomputes every team's counters of one period and writes them on the team documents. */
export async function refreshBoard(periodId: string, now: number): Promise<number> {
  const period = await periodForTeams(periodId)
  if (!period) return 0
  await placeLateJoiners(periodId, now)
  const today = todayOf(period, now)
  const daysSoFar = daysSoFarOf(period, now)
  const tally = new Map<string, { checkedToday: number; checkinsSoFar: number; streakSum: number }>()
  let after: { joinedAt: number; id: string } | null = null
  for (;;) {
    const page: TeamEnrollment[] = await enrollmentsJoinedAfter(periodId, after, PAGE)
    const placed = await repo.byIds(
      TEAM_MEMBERS,
      page.map((e) => teamMemberId(periodId, e.memberId)),
    )
    for (const e of page) {
      const m = placed.get(teamMemberId(periodId, e.memberId))
      if (!m) continue
      const t = tally.get(m.teamId) ?? { checkedToday: 0, checkinsSoFar: 0, streakSum: 0 }
      if (e.checkedDays.includes(today)) t.checkedToday++
      t.checkinsSoFar += e.checkedDays.length
      t.streakSum += liveStreak(period, e, now)
      tally.set(m.teamId, t)
    }
    if (page.length < PAGE) break
    const last = page[page.length - 1]
    after = { joinedAt: last.joinedAt, id: last._id }
  }
  const teams = await teamsOf(periodId)
  await Promise.all(
    teams.map((t) => {
      const counted = tally.get(t._id) ?? { checkedToday: 0, checkinsSoFar: 0, streakSum: 0 }
      const counters: TeamBoardCounters = { day: today, daysSoFar, computedAt: now, ...counted }
      return repo
        .col(TEAMS)
        .doc(t._id)
        .update({ data: { counters: command().set(counters) } })
    }),
  )
  const over = periodDay(period, now).kind === 'after' || period.status === 'closed'
  await repo
    .col(TEAM_SPLITS)
    .doc(periodId)
    .update({ data: { refreshedAt: now, active: !over } })
  return teams.length
}

/** The refresh job: the active split periods, least recently refreshed first. */
export async function refreshBoards(now: number): Promise<{ periods: number }> {
  const res = await repo.col(TEAM_SPLITS).where({ active: true }).orderBy('refreshedAt', 'asc').limit(PERIODS_PER_RUN).get()
  for (const s of res.data) await refreshBoard(s.periodId, now)
  return { periods: res.data.length }
}

/** The period's teams ranked on `board` from the counters the refresh job last wrote (`today`: the viewer's day). */
export function rankedTeams(teams: readonly TeamDoc[], board: TeamBoard, today: string): TeamRow[] {
  const counters: TeamCounters[] = teams.map((t) => ({
    index: t.index,
    name: t.name,
    size: t.size,
    checkedToday: t.counters?.day === today ? t.counters.checkedToday : 0,
    checkinsSoFar: t.counters?.checkinsSoFar ?? 0,
    streakSum: t.counters?.streakSum ?? 0,
  }))
  const daysSoFar = Math.max(0, ...teams.map((t) => t.counters?.daysSoFar ?? 0))
  return rankTeams(counters, board, daysSoFar)
}

export async function teamBoard(
  periodId: string,
  board: TeamBoard,
  offset: number,
  limit: number,
  viewerId: string,
  now: number,
): Promise<TeamBoardPage | TeamRejection> {
  const period = await periodForTeams(periodId)
  if (!period || period.status === 'draft') return rejectTeam('TEAM.PERIOD_NOT_FOUND')
  const [teams, mine] = await Promise.all([teamsOf(periodId), membershipOf(periodId, viewerId)])
  if (teams.length === 0) return rejectTeam('TEAM.NOT_SPLIT')
  const page = pageOf(rankedTeams(teams, board, todayOf(period, now)), offset, limit)
  const computed = teams.map((t) => t.counters?.computedAt ?? 0).filter((at) => at > 0)
  return {
    board,
    rows: page.rows.map((r) => ({
      rank: r.rank,
      index: r.index,
      name: r.name,
      size: r.size,
      ratePercent: Math.round(r.rate * 1000) / 10,
      averageStreak: r.averageStreak,
      mine: mine?.teamIndex === r.index,
    })),
    next: page.next,
    computedAt: computed.length > 0 ? Math.min(...computed) : null,
  }
}
