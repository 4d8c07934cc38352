import { CommunityRequest, type CommunityResults } from '../../contracts/community'
import { ACTION_RULES, type Actor } from '../../domain/identity'
import { now } from '../../shared/clock'
import { actionsFrom, defineFunction, type ActionContext } from '../../shared/handler'
import { timerJobs } from '../../shared/timer-dispatch'
import { refreshBoard, refreshBoards, teamBoard } from '../../services/community/board'
import { grantRole, moveMember, rename, revokeRole, roster, split, teamsOverview, unassigned } from '../../services/community/manage'
import { dayCard } from '../../services/community/day-card'
import { memberReport, myReport, reportMembers } from '../../services/community/report'
import { myTeam, remindTeam, teamDay } from '../../services/community/team-day'
import { periodIncentives, setPeriodIncentives } from '../../services/camp/incentives'

/** Operators: the policy's `team.assign` role. */
const ASSIGN = [ACTION_RULES['team.assign'].role] as const
/** 激励设置: the policy's `period.incentives` role (a period setting). */
const INCENTIVES = [ACTION_RULES['period.incentives'].role] as const
/** Staff who may open a member's report (teachers of the period by the policy, admins everywhere). */
const STAFF = ['teacher', 'admin'] as const
/** Any member; roles are loaded because teachers and admins may open any team's day (policy `team.progress`). */
const ROLE_AWARE = ['member', 'teacher', 'admin'] as const
const actorOf = (ctx: ActionContext): Actor => ({ _id: ctx.who.openid, roles: [...ctx.roles] })

export const main = defineFunction(
  actionsFrom<typeof CommunityRequest, CommunityResults>(CommunityRequest, {
    teams: { roles: ASSIGN, run: async ({ periodId }) => teamsOverview(periodId, now()) },
    split: {
      roles: ASSIGN,
      run: async ({ periodId, split: request }) => {
        const at = now()
        const out = await split(periodId, request, at)
        if (!('ok' in out)) await refreshBoard(periodId, at)
        return out
      },
    },
    roster: { roles: ASSIGN, run: async ({ periodId, teamIndex }) => roster(periodId, teamIndex, now()) },
    unassigned: { roles: ASSIGN, run: async ({ periodId, cursor }) => unassigned(periodId, cursor) },
    rename: { roles: ASSIGN, run: async ({ periodId, teamIndex, name }) => rename(periodId, teamIndex, name, now()) },
    moveMember: { roles: ASSIGN, run: async ({ periodId, member, teamIndex }) => moveMember(periodId, member, teamIndex, now()) },
    grantRole: { roles: ASSIGN, run: async ({ periodId, member, role }) => grantRole(periodId, member, role, now()) },
    revokeRole: { roles: ASSIGN, run: async ({ periodId, member }) => revokeRole(periodId, member, now()) },
    myTeam: { run: async ({ periodId }, { who }) => myTeam(periodId, who.openid, now()) },
    teamDay: { roles: ROLE_AWARE, run: async ({ periodId, teamIndex }, ctx) => teamDay(periodId, actorOf(ctx), teamIndex, now()) },
    remindTeam: {
      roles: ROLE_AWARE,
      run: async ({ periodId, teamIndex }, ctx) => remindTeam(periodId, actorOf(ctx), teamIndex, now()),
    },
    board: {
      run: async ({ periodId, board, offset, limit }, { who }) => teamBoard(periodId, board, offset, limit, who.openid, now()),
    },
    myReport: { run: async ({ periodId }, { who }) => myReport(periodId, who.openid, now()) },
    memberReport: { roles: STAFF, run: async ({ periodId, member }, ctx) => memberReport(periodId, actorOf(ctx), member, now()) },
    reportMembers: {
      roles: [ACTION_RULES['report.members'].role],
      run: async ({ periodId, cursor }) => reportMembers(periodId, cursor, now()),
    },
    incentives: { roles: INCENTIVES, run: async ({ periodId }) => periodIncentives(periodId) },
    setIncentives: {
      roles: INCENTIVES,
      run: async ({ periodId, tiers, badgePoints }) => setPeriodIncentives(periodId, { tiers, badgePoints }, now()),
    },
    dayCard: { run: async ({ periodId, day }, { who }) => dayCard(periodId, who.openid, day, now()) },
  }),
  { timer: timerJobs('community', { board: () => refreshBoards(now()) }) },
)
