/**
 * The operator's team management (policy `team.assign`): the overview, a team's roster, members not on a team,
 * renaming, placing a member by hand and granting / revoking 组长 / 学习委员. Members are named by their handle (public
 * id) from a list the operator picked from; a role change is one transaction over the team (its seats) and the
 * member's record, so a seat is never given twice and a retry answers the same.
 */
import { markTeamInTx } from '../camp/team-marks'
import type { TeamMemberRow, TeamRoleCode, TeamRosterView, TeamsOverview, TeamSummaryView, UnassignedPage } from '../../contracts/community'
import { periodTitle } from '../../contracts/review-views'
import { checkTeamName, planGrant, planMove, rejectTeam, teamId, type TeamRejection } from '../../domain/community'
import { TxAbort, withoutId, withTransaction, type Tx } from '../../shared/db'
import { command } from '../../shared/repository'
import { memberByHandle } from '../identity/directory'
import { enrollmentId } from '../../domain/camp'
import { publicIdOf } from '../../domain/identity'
import { enrollmentsJoinedAfter, enrollmentsOfMembers, periodForTeams } from '../camp/community-reads'
import { placeLateJoiners, splitPeriod, type SplitRequest } from './split'
import {
  membershipByHandle,
  repo,
  rosterOf,
  splitOf,
  teamMemberId,
  teamsOf,
  TEAM_MEMBERS,
  TEAMS,
  type TeamDoc,
  type TeamMemberDoc,
} from './store'
import { profile as toPublicProfileOf, profilesOf, roleHolderIds, toMemberRow, toTeamSummary } from './views'

export async function teamsOverview(periodId: string, now: number): Promise<TeamsOverview | TeamRejection> {
  const period = await periodForTeams(periodId)
  if (!period) return rejectTeam('TEAM.PERIOD_NOT_FOUND')
  await placeLateJoiners(periodId, now)
  const [split, teams] = await Promise.all([splitOf(periodId), teamsOf(periodId)])
  const profiles = await profilesOf(roleHolderIds(teams))
  return {
    periodId,
    periodTitle: periodTitle(period),
    split: split ? { mode: split.mode, size: split.size } : null,
    teams: teams.map((t) => toTeamSummary(t, profiles)),
  }
}

export async function split(periodId: string, request: SplitRequest, now: number): Promise<TeamsOverview | TeamRejection> {
  const done = await splitPeriod(periodId, request, now)
  if ('ok' in done) return done
  return teamsOverview(periodId, now)
}

async function teamOf(periodId: string, index: number): Promise<TeamDoc | TeamRejection> {
  return (await repo.get(TEAMS, teamId(periodId, index))) ?? rejectTeam('TEAM.NOT_FOUND')
}

export async function roster(periodId: string, index: number, now: number): Promise<TeamRosterView | TeamRejection> {
  await placeLateJoiners(periodId, now)
  const team = await teamOf(periodId, index)
  if ('ok' in team) return team
  const members = await rosterOf(team._id)
  const profiles = await profilesOf([...members.map((m) => m.memberId), ...roleHolderIds([team])])
  return { team: toTeamSummary(team, profiles), members: members.map((m) => toMemberRow(m, profiles)) }
}

const UNASSIGNED_SCAN = 200
const UNASSIGNED_MAX = 50

/**
 * Enrolled members without a team, in join order: a bounded walk of the enrollments from the cursor. The cursor is
 * `joinedAt~handle` — never the enrollment `_id`, which holds the member's openid; the next page resolves the handle
 * (one indexed read) back to the `(joinedAt, _id)` keyset position.
 */
export async function unassigned(periodId: string, cursor: string | undefined): Promise<UnassignedPage | TeamRejection> {
  const after = cursor ? await cursorPosition(periodId, cursor) : null
  if (cursor && !after) return rejectTeam('TEAM.NOT_FOUND')
  const page = await enrollmentsJoinedAfter(periodId, after, UNASSIGNED_SCAN)
  const placed = await repo.byIds(
    TEAM_MEMBERS,
    page.map((e) => teamMemberId(periodId, e.memberId)),
  )
  const free = page.filter((e) => !placed.has(teamMemberId(periodId, e.memberId))).slice(0, UNASSIGNED_MAX)
  const lastSeen = free.length === UNASSIGNED_MAX ? free[free.length - 1] : page[page.length - 1]
  const more = free.length === UNASSIGNED_MAX || page.length === UNASSIGNED_SCAN
  const profiles = await profilesOf(free.map((e) => e.memberId))
  return {
    members: free.map((e) => toPublicProfileOf(profiles, e.memberId)),
    cursor: more && lastSeen ? `${lastSeen.joinedAt}~${publicIdOf(lastSeen.memberId)}` : null,
  }
}

/** A `joinedAt~handle` cursor back to its (`joinedAt`, enrollment `_id`) keyset position, or null. */
export async function cursorPosition(periodId: string, cursor: string): Promise<{ joinedAt: number; id: string } | null> {
  const m = /^(\d{1,15})~([A-Za-z0-9_-]{1,64})$/.exec(cursor)
  const member = m ? await memberByHandle(m[2]) : null
  return m && member ? { joinedAt: Number(m[1]), id: enrollmentId(periodId, member._id) } : null
}

export async function rename(periodId: string, index: number, raw: string, now: number): Promise<TeamSummaryView | TeamRejection> {
  const teams = await teamsOf(periodId)
  const team = teams.find((t) => t.index === index)
  if (!team) return rejectTeam('TEAM.NOT_FOUND')
  const checked = checkTeamName(
    raw,
    teams.filter((t) => t.index !== index).map((t) => t.name),
  )
  if ('ok' in checked) return checked
  await repo
    .col(TEAMS)
    .doc(team._id)
    .update({ data: { name: checked.name, updatedAt: now } })
  return toTeamSummary({ ...team, name: checked.name }, await profilesOf(roleHolderIds([team])))
}

const withoutHolder = (team: TeamDoc, memberId: string): TeamDoc['roles'] => ({
  leader: team.roles.leader.filter((m) => m !== memberId),
  study_officer: team.roles.study_officer.filter((m) => m !== memberId),
})

async function memberRow(m: TeamMemberDoc): Promise<TeamMemberRow> {
  return toMemberRow(m, await profilesOf([m.memberId]))
}

/** The membership a handle names, re-read inside the transaction. */
async function inTxMembership(tx: Tx, found: TeamMemberDoc): Promise<TeamMemberDoc> {
  const fresh = await repo.getIn(tx, TEAM_MEMBERS, found._id)
  if (!fresh) throw new TxAbort(rejectTeam('TEAM.NOT_MEMBER'))
  return fresh
}

async function roleChange(
  periodId: string,
  handle: string,
  role: TeamRoleCode | null,
  now: number,
): Promise<TeamMemberRow | TeamRejection> {
  const found = await membershipByHandle(periodId, handle)
  if (!found) return rejectTeam('TEAM.NOT_MEMBER')
  const result = await withTransaction(async (tx): Promise<TeamMemberDoc | TeamRejection> => {
    const member = await inTxMembership(tx, found)
    const team = await repo.getIn(tx, TEAMS, member.teamId)
    if (!team) return rejectTeam('TEAM.NOT_FOUND')
    let next: TeamRoleCode | null = null
    if (role) {
      const holders = [
        ...team.roles.leader.map((m) => ({ memberId: m, teamId: team._id, teamRole: 'leader' as const })),
        ...team.roles.study_officer.map((m) => ({ memberId: m, teamId: team._id, teamRole: 'study_officer' as const })),
      ]
      const plan = planGrant(member, team._id, role, holders)
      if ('ok' in plan) return plan
      if (!plan.changed) return member
      next = plan.teamRole
    } else if (member.teamRole === null) return member
    const roles = withoutHolder(team, member.memberId)
    if (next) roles[next] = [...roles[next], member.memberId]
    await repo
      .inTx(tx, TEAMS)
      .doc(team._id)
      .update({ data: { roles: { leader: roles.leader, study_officer: roles.study_officer }, updatedAt: now } })
    await repo
      .inTx(tx, TEAM_MEMBERS)
      .doc(member._id)
      .update({ data: { teamRole: next } })
    await markTeamInTx(tx, periodId, member.memberId, { teamRole: next })
    return { ...member, teamRole: next }
  })
  return 'ok' in result ? result : memberRow(result)
}

export const grantRole = (periodId: string, handle: string, role: TeamRoleCode, now: number) => roleChange(periodId, handle, role, now)
export const revokeRole = (periodId: string, handle: string, now: number) => roleChange(periodId, handle, null, now)

/**
 * Places a member in team `index` by hand: a member not on a team yet (manual splits, or a late joiner found in the
 * unassigned list) is placed, a member on another team moves and loses any role there (planMove).
 */
export async function moveMember(periodId: string, handle: string, index: number, now: number): Promise<TeamMemberRow | TeamRejection> {
  const target = await teamOf(periodId, index)
  if ('ok' in target) return target
  const found = await membershipByHandle(periodId, handle)
  const enrollment = found ? null : await enrolledByHandle(periodId, handle)
  if (!found && !enrollment) return rejectTeam('TEAM.NOT_ENROLLED')
  const id = found?._id ?? teamMemberId(periodId, enrollment?.memberId ?? '')
  const result = await withTransaction(async (tx): Promise<TeamMemberDoc | TeamRejection> => {
    const current = await repo.getIn(tx, TEAM_MEMBERS, id)
    const base: TeamMemberDoc = current ?? {
      _id: id,
      periodId,
      memberId: enrollment?.memberId ?? '',
      publicId: handle,
      teamId: '',
      teamIndex: 0,
      teamRole: null,
      joinedAt: enrollment?.joinedAt ?? now,
      placedAt: now,
    }
    const plan = planMove({ memberId: base.memberId, teamId: current ? base.teamId : null, teamRole: base.teamRole }, target._id)
    if (!plan.changed) return base
    const _ = command()
    if (current) {
      const old = await repo.getIn(tx, TEAMS, current.teamId)
      if (old) {
        const roles = withoutHolder(old, current.memberId)
        await repo
          .inTx(tx, TEAMS)
          .doc(old._id)
          .update({ data: { size: _.inc(-1), roles: { leader: roles.leader, study_officer: roles.study_officer }, updatedAt: now } })
      }
    }
    await repo
      .inTx(tx, TEAMS)
      .doc(target._id)
      .update({ data: { size: _.inc(1), updatedAt: now } })
    const moved: TeamMemberDoc = { ...base, teamId: target._id, teamIndex: target.index, teamRole: null, placedAt: now }
    await repo
      .inTx(tx, TEAM_MEMBERS)
      .doc(id)
      .set({ data: withoutId(moved) })
    await markTeamInTx(tx, periodId, moved.memberId, { teamId: target._id, teamRole: null })
    return moved
  })
  return 'ok' in result ? result : memberRow(result)
}

/** A member of the period not on a team yet, found by handle through their enrollment. */
async function enrolledByHandle(periodId: string, handle: string) {
  const member = await memberByHandle(handle)
  if (!member) return null
  return (await enrollmentsOfMembers(periodId, [member._id])).get(member._id) ?? null
}
