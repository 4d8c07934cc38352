import { callAction } from '@/shared/cloud'
import type { TeamRoleCode } from '@cloud/contracts/community'

export const teams = (periodId: string) => callAction('community', 'teams', { periodId })
export const splitBySize = (periodId: string, size: number) => callAction('community', 'split', { periodId, split: { mode: 'auto', size } })
export const splitByHand = (periodId: string, count: number) =>
  callAction('community', 'split', { periodId, split: { mode: 'manual', teams: count } })
export const roster = (periodId: string, teamIndex: number) => callAction('community', 'roster', { periodId, teamIndex })
export const unassigned = (periodId: string, cursor?: string) =>
  callAction('community', 'unassigned', cursor === undefined ? { periodId } : { periodId, cursor })
export const rename = (periodId: string, teamIndex: number, name: string) =>
  callAction('community', 'rename', { periodId, teamIndex, name })
export const moveMember = (periodId: string, member: string, teamIndex: number) =>
  callAction('community', 'moveMember', { periodId, member, teamIndex })
export const grantRole = (periodId: string, member: string, role: TeamRoleCode) =>
  callAction('community', 'grantRole', { periodId, member, role })
export const revokeRole = (periodId: string, member: string) => callAction('community', 'revokeRole', { periodId, member })
export const teamDay = (periodId: string) => callAction('community', 'teamDay', { periodId })
export const remindTeam = (periodId: string) => callAction('community', 'remindTeam', { periodId })
export const myTeam = (periodId: string) => callAction('community', 'myTeam', { periodId })
export const board = (periodId: string, which: 'today' | 'period', offset: number) =>
  callAction('community', 'board', { periodId, board: which, offset, limit: 20 })
export const myReport = (periodId: string) => callAction('community', 'myReport', { periodId })
export const memberReport = (periodId: string, member: string) => callAction('community', 'memberReport', { periodId, member })
export const reportMembers = (periodId: string, cursor?: string) =>
  callAction('community', 'reportMembers', cursor === undefined ? { periodId } : { periodId, cursor })
export const dayCard = (periodId: string, day?: string) =>
  callAction('community', 'dayCard', day === undefined ? { periodId } : { periodId, day })
