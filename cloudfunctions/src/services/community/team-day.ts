/**
 * A member's own team, and a team's day for its 组长 / 学习委员 (policy `team.progress`): who checked in today, who
 * has not, everyone's live streak. A leader sees only their own team: the team asked for is checked against the
 * caller's membership by the policy, so another team's index is refused; a member without a role is refused too.
 * Teachers of the period (narrowed to their teams when the period says so) and admins may open any team.
 * Reads: the period, the caller's membership, the team, its roster, their enrollments and profiles (bounded by the
 * team size). The leader's 一键提醒 (remindTeam) opens the team the same way.
 */
import type { MyTeamView, TeamDayMember, TeamDayView, TeamReminderState, TeamRemindView } from '../../contracts/community'
import type { LabelledValue } from '../../contracts/identity'
import { liveStreak, nudgeDay, nudgeSkip, periodDay, todayOf } from '../../domain/camp'
import { rejectTeam, teamId, type TeamRejection } from '../../domain/community'
import { can, type Actor } from '../../domain/identity'
import type { Rejection } from '../../domain/kernel'
import { enrollmentsOfMembers, nudgeMembers, periodForTeams, type NudgeOutcome, type TeamEnrollment } from '../camp/community-reads'
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

/** The team `teamIndex` (default: the caller's own) once the policy lets the caller open it, with the period. */
async function openTeam(periodId: string, actor: Actor, teamIndex: number | undefined, now: number) {
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
  return { ok: true as const, period, team, members: await rosterOf(team._id) }
}

const REMINDER_LABEL: Readonly<Record<TeamReminderState, string>> = { ready: '可提醒', reminded: '今天已提醒', off: '未开启提醒' }

function reminderOf(e: TeamEnrollment | undefined, day: string, canSend: boolean): LabelledValue<TeamReminderState> | null {
  if (!e || !canSend) return null
  const skip = nudgeSkip(e, day)
  if (skip === 'checked_in') return null
  const state: TeamReminderState = skip === 'already_reminded' ? 'reminded' : skip === 'no_credit' ? 'off' : 'ready'
  return { value: state, label: REMINDER_LABEL[state] }
}

export async function teamDay(
  periodId: string,
  actor: Actor,
  teamIndex: number | undefined,
  now: number,
): Promise<TeamDayView | TeamRejection | Rejection> {
  const opened = await openTeam(periodId, actor, teamIndex, now)
  if (!opened.ok) return opened
  const { period, team, members } = opened
  const ids = members.map((m) => m.memberId)
  const [enrollments, profiles] = await Promise.all([enrollmentsOfMembers(periodId, ids), profilesOf(ids)])
  const today = todayOf(period, now)
  const canSend = nudgeDay(period, now) !== null
  const rows: TeamDayMember[] = members.map((m) => {
    const e = enrollments.get(m.memberId)
    const checkedToday = !!e && (e.checkedDays.includes(today) || e.madeUpDays.includes(today))
    return {
      member: profile(profiles, m.memberId),
      role: roleView(m.teamRole),
      checkedToday,
      streak: e ? liveStreak(period, e, now) : 0,
      reminder: checkedToday || m.memberId === actor._id ? null : reminderOf(e, today, canSend),
    }
  })
  const where = periodDay(period, now)
  const notYet = rows.filter((r) => !r.checkedToday)
  return {
    campId: period.campId,
    team: { index: team.index, name: team.name, size: team.size },
    dayIndex: where.kind === 'day' ? where.index : null,
    day: today,
    checkedIn: rows.filter((r) => r.checkedToday).sort((a, b) => b.streak - a.streak),
    notYet,
    remindable: notYet.filter((r) => r.reminder?.value === 'ready').length,
  }
}

/**
 * 一键提醒: the team's members who have not checked in today get the daily reminder now, each through their own
 * credit and at most once a day (services/camp/nudges.ts). The caller is never reminded by themselves. Safe to retry
 * and to press twice: a member already reminded today counts as such and is not messaged again.
 */
export async function remindTeam(
  periodId: string,
  actor: Actor,
  teamIndex: number | undefined,
  now: number,
): Promise<TeamRemindView | TeamRejection | Rejection> {
  const opened = await openTeam(periodId, actor, teamIndex, now)
  if (!opened.ok) return opened
  const { period, members } = opened
  const on = nudgeDay(period, now)
  if (!on) return rejectTeam('TEAM.NOT_CHECKIN_DAY')
  const others = members.map((m) => m.memberId).filter((m) => m !== actor._id)
  const outcomes = await nudgeMembers(period, others, on.day, on.dayIndex, now)
  const count = (...kinds: NudgeOutcome[]) => [...outcomes.values()].filter((o) => kinds.includes(o)).length
  return { sent: count('sent'), alreadyReminded: count('already_reminded'), noCredit: count('no_credit'), failed: count('failed') }
}
