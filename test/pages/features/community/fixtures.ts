import type { TeamMemberRow, TeamSummaryView, TeamsOverview } from '@cloud/contracts/community'
import type { PublicProfile } from '@cloud/contracts/identity'

/** A member as team views show them: a handle (public id shape), a nickname, no openid. */
export const face = (nickname: string, n: number): PublicProfile => ({
  id: `u${String(n).padStart(16, 'a')}`,
  nickname,
  avatarFileId: '',
})

export const team = (index: number, fields: Partial<TeamSummaryView> = {}): TeamSummaryView => ({
  index,
  name: `第 ${index} 队`,
  size: 2,
  leaders: [],
  studyOfficers: [],
  ...fields,
})

export const overview = (fields: Partial<TeamsOverview> = {}): TeamsOverview => ({
  periodId: 'p1',
  periodTitle: '第 1 期 · 7 天',
  split: { mode: 'auto', size: 2 },
  teams: [team(1), team(2)],
  ...fields,
})

export const row = (member: PublicProfile, teamIndex = 1, role: TeamMemberRow['role'] = null): TeamMemberRow => ({
  member,
  teamIndex,
  role,
})
