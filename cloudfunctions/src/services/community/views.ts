/** Storage → screen views for teams: members appear by name and avatar with their public handle, never an openid. */
import type { TeamMemberRow, TeamRoleCode, TeamSummaryView } from '../../contracts/community'
import { toPublicProfile, type LabelledValue, type PublicProfile } from '../../contracts/identity'
import { ROLE_LABEL } from '../../domain/community'
import { membersByIds } from '../identity/lookups'
import type { TeamDoc, TeamMemberDoc } from './store'

export type Profiles = ReadonlyMap<string, { _id: string; nickname: string; avatarFileId: string }>

export const profilesOf = (memberIds: readonly string[]): Promise<Profiles> => membersByIds([...new Set(memberIds)])

export const roleView = (role: TeamRoleCode | null): LabelledValue<TeamRoleCode> | null =>
  role ? { value: role, label: ROLE_LABEL[role] } : null

export const profile = (profiles: Profiles, memberId: string): PublicProfile => toPublicProfile(profiles.get(memberId), memberId)

export const roleHolderIds = (teams: readonly TeamDoc[]): string[] => teams.flatMap((t) => [...t.roles.leader, ...t.roles.study_officer])

export const toTeamSummary = (t: TeamDoc, profiles: Profiles): TeamSummaryView => ({
  index: t.index,
  name: t.name,
  size: t.size,
  leaders: t.roles.leader.map((m) => profile(profiles, m)),
  studyOfficers: t.roles.study_officer.map((m) => profile(profiles, m)),
})

export const toMemberRow = (m: TeamMemberDoc, profiles: Profiles): TeamMemberRow => ({
  member: profile(profiles, m.memberId),
  teamIndex: m.teamIndex,
  role: roleView(m.teamRole),
})
