/**
 * A member's own team, and a team's day for its 组长 / 学习委员 (policy `team.progress`): who checked in today, who
 * has not, everyone's live streak. A leader sees only their own team: the team asked for is checked against the
 * caller's membership by the policy, so another team's index is refused; a member without a role is refused too.
 * Teachers of the period (narrowed to their teams when the period says so) and admins may open any team.
 * Reads: the period, the caller's membership, the team, its roster, their enrollments and profiles (bounded by the
 * team size).
 */
import type { MyTeamView, TeamDayMember, TeamDayView } from '../../contracts/community'
import { liveStreak, periodDay, todayOf } from '../../domain/camp'
import { rejectTeam, teamId, type TeamRejection } from '../../domain/community'
import { can, type Actor } from '../../domain/identity'
import type { Rejection } from '../../domain/kernel'
import { enrollmentsOfMembers, periodForTeams } from '../camp/community-reads'
import { placeLateJoiners, placeMember } from './split'
import { membershipOf, repo, rosterOf, TEAMS } from './store'
import { profile, profilesOf, roleView } from './views'

export async function myTeam(periodId: string, memberId: string, now: number): Promise<MyTeamView> {
  let mine = await membershipOf(periodId, memberId)
  if (!mine) {
    await placeMember(periodId, memberId, now)
    mine = await membershipOf(periodId, memberId)
  }
  const team = mine ? await repo.get(TEAMS, mine.teamId) : null
  return {
    team: team ? { index: team.index, name: team.name, size: team.size } : null,
    role: roleView(mine?.teamRole ?? null),
    canSeeDay: !!mine?.teamRole,
  }
}

export async function teamDay(
  periodId: string,
  actor: Actor,
  teamIndex: number | undefined,
  now: number,
): Promise<TeamDayView | TeamRejection | Rejection> {
  const period = await periodForTeams(periodId)
  if (!period) return rejectTeam('TEAM.PERIOD_NOT_FOUND')
  await placeLateJoiners(periodId, now)
  const mine = await membershipOf(periodId, actor._id)
  const target = teamIndex !== undefined ? teamId(periodId, teamIndex) : mine?.teamId
  if (!target) return rejectTeam('TEAM.NO_TEAM')
  const allowed = can(actor, 'team.progress', {
    periodId,
    teacherIds: period.teacherIds,
    teacherTeams: period.teacherTeams,
    teamId: target,
    callerTeamRole: mine?.teamRole ?? null,
    callerTeamId: mine?.teamId ?? null,
  })
  if (!allowed.ok) return allowed.code === 'AUTH.NOT_TEAM_ROLE' ? rejectTeam('TEAM.NOT_LEADER') : allowed
  const team = await repo.get(TEAMS, target)
  if (!team) return rejectTeam('TEAM.NOT_FOUND')
  const members = await rosterOf(team._id)
  const ids = members.map((m) => m.memberId)
  const [enrollments, profiles] = await Promise.all([enrollmentsOfMembers(periodId, ids), profilesOf(ids)])
  const today = todayOf(period, now)
  const rows: TeamDayMember[] = members.map((m) => {
    const e = enrollments.get(m.memberId)
    return {
      member: profile(profiles, m.memberId),
      role: roleView(m.teamRole),
      checkedToday: !!e && (e.checkedDays.includes(today) || e.madeUpDays.includes(today)),
      streak: e ? liveStreak(period, e, now) : 0,
    }
  })
  const where = periodDay(period, now)
  return {
    team: { index: team.index, name: team.name, size: team.size },
    dayIndex: where.kind === 'day' ? where.index : null,
    day: today,
    checkedIn: rows.filter((r) => r.checkedToday).sort((a, b) => b.streak - a.streak),
    notYet: rows.filter((r) => !r.checkedToday),
  }
}
