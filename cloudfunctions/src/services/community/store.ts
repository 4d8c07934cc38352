/**
 * Where teams keep things (rules in domain/community/teams.ts).
 * - `teams`: one per team, `_id` = `{periodId}:{index}`; name, size and the PK counters the board refresh writes.
 * - `team_members`: `_id` = `{periodId}:{memberId}`; the member's team and 组长 / 学习委员 role. The key makes a member
 *   belong to one team per period by construction, and a retried split or placement writes the same documents.
 * - `team_splits`: `_id` = periodId; how the period was split and the late-joiner cursor (join order).
 * The enrollment's own `teamId` / `teamRole` (camp's) are not written here: camp owns enrollments.
 */
import type { TeamRole } from '../../domain/camp'
import { repository } from '../../shared/repository'

export const TEAMS = 'teams'
export const TEAM_MEMBERS = 'team_members'
export const TEAM_SPLITS = 'team_splits'

export const repo = repository('community')

/** Counters of the team PK board as of `computedAt` (services/community/board.ts). */
export interface TeamBoardCounters {
  /** The business day `checkedToday` counts. */
  day: string
  checkedToday: number
  checkinsSoFar: number
  streakSum: number
  daysSoFar: number
  computedAt: number
}

export interface TeamDoc {
  _id: string
  periodId: string
  index: number
  name: string
  size: number
  /**
   * Role holders (memberIds) by role. Kept on the team so a grant checks the seats and takes one in ONE transaction
   * with the member's record: two operators granting 组长 at once cannot both succeed.
   */
  roles: Record<TeamRole, string[]>
  counters: TeamBoardCounters | null
  createdAt: number
  updatedAt: number
}

export interface TeamMemberDoc {
  _id: string
  periodId: string
  memberId: string
  /** The member's public id: what staff pickers send back. */
  publicId: string
  teamId: string
  teamIndex: number
  teamRole: TeamRole | null
  /** The enrollment's join time (roster order). */
  joinedAt: number
  placedAt: number
}

export interface TeamSplitDoc {
  _id: string
  periodId: string
  mode: 'auto' | 'manual'
  /** Target team size of an automatic split (late joiners go to the smallest team either way). */
  size: number | null
  teams: number
  /** Late-joiner cursor: every enrollment before (`joinedAt`, `_id`) has been considered. */
  placedUntil: { joinedAt: number; id: string }
  /** Whether the board refresh job still visits this period (false once the period is over). */
  active: boolean
  refreshedAt: number
  splitAt: number
}

export const teamMemberId = (periodId: string, memberId: string): string => `${periodId}:${memberId}`

/** A period's teams in number order: at most 100 (TEAM_LIMITS.maxTeams), one request. */
export async function teamsOf(periodId: string): Promise<TeamDoc[]> {
  const res = await repo.col(TEAMS).where({ periodId }).orderBy('index', 'asc').limit(100).get()
  return res.data
}

/** A team's roster in join order: at most 200 (TEAM_LIMITS.maxSize) plus late joiners, one request per 1000. */
export async function rosterOf(teamId: string): Promise<TeamMemberDoc[]> {
  const out: TeamMemberDoc[] = []
  for (;;) {
    const res = await repo
      .col(TEAM_MEMBERS)
      .where({ teamId })
      .orderBy('joinedAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(out.length)
      .limit(1000)
      .get()
    out.push(...res.data)
    if (res.data.length < 1000) return out
  }
}

export const splitOf = (periodId: string) => repo.get(TEAM_SPLITS, periodId)
export const membershipOf = (periodId: string, memberId: string) => repo.get(TEAM_MEMBERS, teamMemberId(periodId, memberId))

/** The member a staff picker's handle names inside the period, or null. */
export async function membershipByHandle(periodId: string, handle: string): Promise<TeamMemberDoc | null> {
  const res = await repo.col(TEAM_MEMBERS).where({ periodId, publicId: handle }).limit(2).get()
  return res.data.length === 1 ? res.data[0] : null
}
