import type { TeamRole } from '../camp/model'
import { rejectTeam, type TeamRejection } from './rejections'

/**
 * Teams inside a period (members manage members: 组长 / 学习委员). Pure rules; the I/O layer's shape:
 *
 *  - one `teams` document per team, `_id` = `{periodId}:{index}` (index = 1-based team number, so a split retried
 *    writes the same ids), holding name, size and its role holders; a period has at most MAX_TEAMS of them, so a
 *    leader's or operator's page reads them with one `where({ periodId }).limit(100)`;
 *  - the member's team is `teamId` / `teamRole` on their enrollment (already there), so a leader's day view is
 *    `enrollments.where({ periodId, teamId })` on an index, paged — never a scan of the period;
 *  - the split writes each enrollment once (batched by the service, resumable: `planSplit` is deterministic).
 */

export const TEAM_LIMITS = { minSize: 2, maxSize: 200, maxTeams: 100, nameMax: 12 } as const

/** How many members of a team may hold each role. */
export const ROLE_SEATS: Readonly<Record<TeamRole, number>> = { leader: 1, study_officer: 2 }

export const ROLE_LABEL: Readonly<Record<TeamRole, string>> = { leader: '组长', study_officer: '学习委员' }

export const teamId = (periodId: string, index: number): string => `${periodId}:${index}`

/** The default name of team N: 第 1 队, 第 2 队… (operators rename them). */
export const defaultTeamName = (index: number): string => `第 ${index} 队`

export interface SplitMember {
  memberId: string
  joinedAt: number
}

export interface PlannedTeam {
  index: number
  name: string
  memberIds: string[]
}

/**
 * Splits members into ⌈n / size⌉ teams whose sizes differ by at most one. Members are dealt in join order (ties by
 * memberId), one to each team in turn, so every team gets early and late joiners alike and a re-run on the same
 * members plans the same teams.
 */
export function planSplit(members: readonly SplitMember[], size: number): PlannedTeam[] | TeamRejection {
  if (!Number.isInteger(size) || size < TEAM_LIMITS.minSize || size > TEAM_LIMITS.maxSize) return rejectTeam('TEAM.SIZE_INVALID')
  const unique = [...new Map(members.map((m) => [m.memberId, m])).values()]
  if (unique.length === 0) return rejectTeam('TEAM.NO_MEMBERS')
  const count = Math.ceil(unique.length / size)
  if (count > TEAM_LIMITS.maxTeams) return rejectTeam('TEAM.TOO_MANY', { teams: count })
  const ordered = [...unique].sort((a, b) => a.joinedAt - b.joinedAt || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
  const teams: PlannedTeam[] = Array.from({ length: count }, (_, i) => ({ index: i + 1, name: defaultTeamName(i + 1), memberIds: [] }))
  ordered.forEach((m, i) => teams[i % count].memberIds.push(m.memberId))
  return teams
}

export interface TeamSize {
  index: number
  size: number
}

/**
 * Where a member who joins after the split goes: the smallest team, the lowest number among equals — so sizes keep
 * differing by at most one. Null when the period has no teams yet (the member stays unassigned until a split).
 */
export function placeLateJoiner(teams: readonly TeamSize[]): number | null {
  let best: TeamSize | null = null
  for (const t of teams) if (!best || t.size < best.size || (t.size === best.size && t.index < best.index)) best = t
  return best ? best.index : null
}

/** A team name: trimmed, 1–12 characters (code points), unique within the period (case-sensitive, after trimming). */
export function checkTeamName(raw: string, otherNames: readonly string[]): { name: string } | TeamRejection {
  const name = raw.trim()
  const length = [...name].length
  if (length < 1 || length > TEAM_LIMITS.nameMax) return rejectTeam('TEAM.NAME_INVALID')
  if (otherNames.some((n) => n.trim() === name)) return rejectTeam('TEAM.NAME_TAKEN')
  return { name }
}

export interface RoleHolder {
  memberId: string
  teamId: string | null
  teamRole: TeamRole | null
}

/**
 * Granting a role: the member must be in that team, and the role must have a free seat (a member who already holds
 * it keeps their seat: granting twice is a no-op, so a retried grant answers the same). Granting a member a different
 * role replaces theirs. Returns the member's new role.
 */
export function planGrant(
  member: RoleHolder,
  team: string,
  role: TeamRole,
  holders: readonly RoleHolder[],
): { teamRole: TeamRole; changed: boolean } | TeamRejection {
  if (member.teamId !== team) return rejectTeam('TEAM.NOT_MEMBER')
  if (member.teamRole === role) return { teamRole: role, changed: false }
  const taken = holders.filter((h) => h.teamId === team && h.teamRole === role && h.memberId !== member.memberId).length
  if (taken >= ROLE_SEATS[role]) return rejectTeam('TEAM.ROLE_TAKEN', { role: ROLE_LABEL[role] })
  return { teamRole: role, changed: true }
}

/**
 * Moving a member to another team drops any role they held in the old one (a 组长 leads only their own team).
 */
export function planMove(member: RoleHolder, toTeam: string): { teamId: string; teamRole: TeamRole | null; changed: boolean } {
  if (member.teamId === toTeam) return { teamId: toTeam, teamRole: member.teamRole, changed: false }
  return { teamId: toTeam, teamRole: null, changed: true }
}
