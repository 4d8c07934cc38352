import { z } from 'zod'
import { BADGE_POINTS_MAX, TEAM_LIMITS, TIER_LIMITS, type BadgeId } from '../domain/community'
import { DaySchema } from './calendar'
import { MemberHandleSchema, type LabelledValue, type PublicProfile } from './identity'
import { KeyPartSchema } from './points'

/** Inputs of the `community` function (teams, 组长 / 学习委员, team PK) and the views its pages render. */

const periodId = KeyPartSchema
const TeamIndexSchema = z.number().int().min(1).max(TEAM_LIMITS.maxTeams)
const TeamRoleSchema = z.enum(['leader', 'study_officer'])
export const TeamBoardSchema = z.enum(['today', 'period'])

export const SplitSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('auto'), size: z.number().int().min(TEAM_LIMITS.minSize).max(TEAM_LIMITS.maxSize) }).strict(),
  z.object({ mode: z.literal('manual'), teams: TeamIndexSchema }).strict(),
])

/**
 * 激励设置: the bounds here only keep the input small and well-typed; the rules (days and multipliers increasing,
 * within the period, two decimals) are checkIncentives', which answers TEAM.TIERS_INVALID / TEAM.BADGE_POINTS_INVALID.
 */
export const StreakTierSchema = z.object({ fromDays: z.number().int().min(1).max(31), multiplier: z.number().min(1).max(10) }).strict()
const BadgePoints = z.number().int().min(0).max(BADGE_POINTS_MAX).optional()
export const BadgePointsSchema = z
  .object({ streak_7: BadgePoints, streak_14: BadgePoints, streak_21: BadgePoints, perfect_week: BadgePoints, first_featured: BadgePoints })
  .strict()

export const CommunityRequest = z.discriminatedUnion('action', [
  // operators (policy team.assign)
  z.object({ action: z.literal('teams'), periodId }).strict(),
  z.object({ action: z.literal('split'), periodId, split: SplitSchema }).strict(),
  z.object({ action: z.literal('roster'), periodId, teamIndex: TeamIndexSchema }).strict(),
  z.object({ action: z.literal('unassigned'), periodId, cursor: z.string().max(200).optional() }).strict(),
  z.object({ action: z.literal('rename'), periodId, teamIndex: TeamIndexSchema, name: z.string().max(50) }).strict(),
  z.object({ action: z.literal('moveMember'), periodId, member: MemberHandleSchema, teamIndex: TeamIndexSchema }).strict(),
  z.object({ action: z.literal('grantRole'), periodId, member: MemberHandleSchema, role: TeamRoleSchema }).strict(),
  z.object({ action: z.literal('revokeRole'), periodId, member: MemberHandleSchema }).strict(),
  // members: their own team; leaders (policy team.progress): their team's day
  z.object({ action: z.literal('myTeam'), periodId }).strict(),
  z.object({ action: z.literal('teamDay'), periodId, teamIndex: TeamIndexSchema.optional() }).strict(),
  z.object({ action: z.literal('remindTeam'), periodId, teamIndex: TeamIndexSchema.optional() }).strict(),
  z
    .object({
      action: z.literal('board'),
      periodId,
      board: TeamBoardSchema,
      offset: z.number().int().min(0).max(TEAM_LIMITS.maxTeams).default(0),
      limit: z.number().int().min(1).max(50).default(20),
    })
    .strict(),
  // learning reports once the period has ended: the member's own; staff by member handle; operators list the members
  z.object({ action: z.literal('myReport'), periodId }).strict(),
  z.object({ action: z.literal('memberReport'), periodId, member: MemberHandleSchema }).strict(),
  z.object({ action: z.literal('reportMembers'), periodId, cursor: z.string().max(200).optional() }).strict(),
  // operators (policy period.incentives): the period's streak tiers and badge points
  z.object({ action: z.literal('incentives'), periodId }).strict(),
  z
    .object({
      action: z.literal('setIncentives'),
      periodId,
      tiers: z.array(StreakTierSchema).max(TIER_LIMITS.maxTiers * 2),
      badgePoints: BadgePointsSchema,
    })
    .strict(),
  // the member's 日签 of a day they checked in (today when no day is named)
  z.object({ action: z.literal('dayCard'), periodId, day: DaySchema.optional() }).strict(),
])

export type TeamRoleCode = z.infer<typeof TeamRoleSchema>

/** A team as the operator's list shows it: its number, name, size and role holders (by name, never by openid). */
export interface TeamSummaryView {
  index: number
  name: string
  size: number
  leaders: PublicProfile[]
  studyOfficers: PublicProfile[]
}

export interface TeamsOverview {
  periodId: string
  periodTitle: string
  /** null: not split yet. */
  split: { mode: 'auto' | 'manual'; size: number | null } | null
  teams: TeamSummaryView[]
}

/** A member on a roster: `member.id` is the handle an operator's pick sends back. */
export interface TeamMemberRow {
  member: PublicProfile
  teamIndex: number
  role: LabelledValue<TeamRoleCode> | null
}

export interface TeamRosterView {
  team: TeamSummaryView
  members: TeamMemberRow[]
}

export interface UnassignedPage {
  members: PublicProfile[]
  cursor: string | null
}

export interface MyTeamView {
  team: { index: number; name: string; size: number } | null
  role: LabelledValue<TeamRoleCode> | null
  /** Whether the caller may open the team's day (组长 / 学习委员). */
  canSeeDay: boolean
}

/** Whether a teammate who has not checked in can get a reminder from the leader now (see domain/camp nudgeSkip). */
export type TeamReminderState = 'ready' | 'reminded' | 'off'

export interface TeamDayMember {
  member: PublicProfile
  role: LabelledValue<TeamRoleCode> | null
  checkedToday: boolean
  streak: number
  /** Only for those not checked in: ready = has a reminder credit; reminded = already reminded today; off = no credit. */
  reminder: LabelledValue<TeamReminderState> | null
}

export interface TeamDayView {
  /** The camp, for the team card shared into the group (it opens the camp's page). */
  campId: string
  team: { index: number; name: string; size: number }
  /** 第 N 天 of the period, or null outside its days. */
  dayIndex: number | null
  day: string
  checkedIn: TeamDayMember[]
  notYet: TeamDayMember[]
  /** How many of `notYet` a reminder would reach now (0 outside the period's days or when the caller may not send). */
  remindable: number
}

/** What a leader's 一键提醒 did: counts only, never who lacks a credit by id. */
export interface TeamRemindView {
  sent: number
  /** Already reminded today (by their own reminder or another leader). */
  alreadyReminded: number
  /** Not checked in but without a reminder credit: the member has not turned reminders on. */
  noCredit: number
  /** The send failed; the credit was given back. */
  failed: number
}

export interface TeamBoardRowView {
  rank: number
  index: number
  name: string
  size: number
  /** Check-in rate in percent, one decimal. */
  ratePercent: number
  averageStreak: number
  mine: boolean
}

export interface TeamBoardPage {
  board: z.infer<typeof TeamBoardSchema>
  rows: TeamBoardRowView[]
  next: number | null
  /** When the counters were computed (epoch ms), null before the first refresh. */
  computedAt: number | null
}

/** A member's learning report for an ended period (services/community/report.ts); the member appears by handle. */
export interface LearningReportView {
  periodId: string
  campId: string
  campTitle: string
  periodTitle: string
  startDay: string
  endDay: string
  member: PublicProfile
  lengthDays: number
  /** On time. */
  daysChecked: number
  daysMadeUp: number
  /** (on time + made up) / lengthDays in percent, one decimal. */
  attendancePercent: number
  longestStreak: number
  featuredCount: number
  completed: boolean
  badges: LabelledValue<BadgeId>[]
  comments: { count: number; highlights: string[] }
  /** From the ledger: credits of the period less reversals; make-up charges less reversals. */
  points: { earned: number; spent: number }
  /** The member's team on the period's team PK board, when on a team. */
  team: { name: string; rank: number; teams: number } | null
}

/** One member of the operator's report list: enough to pick, the rest is on the report. */
export interface ReportMemberRow {
  member: PublicProfile
  daysChecked: number
  daysMadeUp: number
}

export interface ReportMembersPage {
  periodTitle: string
  lengthDays: number
  members: ReportMemberRow[]
  /** `joinedAt~handle` of the last row, or null on the last page: never an openid or a document id. */
  cursor: string | null
}

/** A period's 激励设置 as the operator's page edits it; labels come from the domain (tierLabel, BADGE_LABEL). */
export interface IncentivesView {
  periodId: string
  periodTitle: string
  lengthDays: number
  /** The base award a tier multiplies (the period's points rules), for the page's example. */
  perCheckin: number
  /** Closed periods are read-only. */
  editable: boolean
  tiers: { fromDays: number; multiplier: number; label: string }[]
  /** The badges this period offers, with their points (0 = none). */
  badges: (LabelledValue<BadgeId> & { points: number })[]
  limits: { maxTiers: number; minFromDays: number; maxMultiplier: number; maxBadgePoints: number }
}

/**
 * What the 日签 (daily share card) shows: the day, its task, the member's streak and one line of their own text, the
 * camp's cover, and the member's mini-program code (their invite code's, scene `i=CODE`). Images come as short-lived
 * URLs (H5 draws from them) and as fileIDs (the weapp downloads those through the cloud API); no openid anywhere.
 */
export interface DayCardView {
  periodId: string
  campId: string
  campTitle: string
  periodTitle: string
  day: string
  /** 第 N 天 of `lengthDays`. */
  dayIndex: number
  lengthDays: number
  /** The day's task theme, '' on a day without a task. */
  theme: string
  streak: number
  /** One line of the member's own check-in text that passed the content check, '' when there is none. */
  text: string
  nickname: string
  /** The camp's cover; null when the camp has none or storage no longer has it. */
  cover: { fileId: string; url: string | null } | null
  /** The member's invite code: the share card's `inviter`, never shown on screen. */
  code: string
  qrFileId: string
  qrUrl: string | null
}

export interface CommunityResults {
  teams: TeamsOverview
  split: TeamsOverview
  roster: TeamRosterView
  unassigned: UnassignedPage
  rename: TeamSummaryView
  moveMember: TeamMemberRow
  grantRole: TeamMemberRow
  revokeRole: TeamMemberRow
  myTeam: MyTeamView
  teamDay: TeamDayView
  remindTeam: TeamRemindView
  board: TeamBoardPage
  myReport: LearningReportView
  memberReport: LearningReportView
  reportMembers: ReportMembersPage
  incentives: IncentivesView
  setIncentives: IncentivesView
  dayCard: DayCardView
}
