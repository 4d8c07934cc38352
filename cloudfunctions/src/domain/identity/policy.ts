import { reject, type Rejection } from '../kernel'
import type { MemberDoc, Role } from './member'

/**
 * Who may call what. Every cloud function action is listed here with the least role it needs and its scope:
 *  - none:   any caller with the role;
 *  - period: teachers only on periods assigned to them (PeriodDoc.teacherIds, optionally narrowed to teams by
 *            PeriodDoc.teacherTeams); admins everywhere;
 *  - team:   members holding a group role (组长 / 学习委员) in that period; teachers of the period and admins too.
 * Roles are stored server-side on MemberDoc; the caller is always getWXContext().OPENID's member document.
 */
export type Scope = 'none' | 'period' | 'team'

export interface ActionRule {
  role: Role
  scope: Scope
}

const member = (scope: Scope = 'none'): ActionRule => ({ role: 'member', scope })
const teacher = (scope: Scope = 'period'): ActionRule => ({ role: 'teacher', scope })
const admin: ActionRule = { role: 'admin', scope: 'none' }

export const ACTION_RULES = {
  // identity
  'member.open': member(),
  'member.me': member(),
  'member.updateProfile': member(),
  'member.grantRole': admin,
  'member.list': admin,
  'event.track': member(),
  // camps (member side)
  'camp.list': member(),
  'camp.detail': member(),
  'period.join': member(),
  'checkin.today': member(),
  'checkin.submit': member(),
  'checkin.edit': member(),
  'checkin.makeup': member(),
  'checkin.calendar': member(),
  'reminder.set': member(),
  'leaderboard.page': member(),
  'feed.page': member(),
  'certificate.get': member(),
  'team.progress': member('team'),
  // camps (admin side)
  'camp.create': admin,
  'camp.update': admin,
  'period.create': admin,
  'period.update': admin,
  'period.setTasks': admin,
  'period.assignTeachers': admin,
  'period.close': admin,
  // binding a WeChat group: admins, or the period's own teachers (they run the group)
  'period.bindGroup': teacher(),
  'team.assign': admin,
  // 激励设置: a period's streak tiers and badge points (a period setting, like its points rules)
  'period.incentives': admin,
  // learning reports: the member's own; staff by member (teachers of the period, narrowed to their teams); the list
  'report.mine': member(),
  'report.member': teacher(),
  'report.members': admin,
  // teacher review (issue 6)
  'review.queue': teacher(),
  'review.open': teacher(),
  'review.submit': teacher(),
  'review.feature': teacher(),
  'review.redo': teacher(),
  'review.moderate': teacher(),
  'review.stats': teacher(),
  'review.phrases': teacher('none'),
  'review.statsAll': admin,
  // the SLA dashboard (issue #17 item 3): teachers their own reviews and periods, operators every teacher
  'review.sla': teacher('none'),
  'review.slaAll': admin,
  // fair distribution (issue #17 item 2): who holds which waiting item, away teachers, reassigning one item
  'review.assign': admin,
} as const satisfies Record<string, ActionRule>

export type ActionName = keyof typeof ACTION_RULES

/** The caller as the policy sees them. */
export type Actor = Pick<MemberDoc, '_id' | 'roles'>

/** The period an action touches (a slice of PeriodDoc), plus the team and the caller's team role when relevant. */
export interface PeriodResource {
  periodId: string
  teacherIds: readonly string[]
  teacherTeams?: Readonly<Record<string, readonly string[]>>
  /** The team of the thing acted on (a check-in's teamId). */
  teamId?: string | null
  /** The caller's group role in this period (EnrollmentDoc.teamRole) and team. */
  callerTeamRole?: 'leader' | 'study_officer' | null
  callerTeamId?: string | null
}

export const AUTH_MESSAGES = {
  'AUTH.NOT_REGISTERED': '请先登录',
  'AUTH.FORBIDDEN': '没有权限执行此操作',
  'AUTH.NOT_ASSIGNED': '你不是该期的带班老师',
  'AUTH.NOT_TEAM_ROLE': '只有组长或学习委员可以查看',
} as const
export type AuthCode = keyof typeof AUTH_MESSAGES

const deny = (code: AuthCode): Rejection<AuthCode> => reject(code, AUTH_MESSAGES[code])

export const isAdmin = (actor: Actor): boolean => actor.roles.includes('admin')

export function teachesPeriod(actor: Actor, r: PeriodResource): boolean {
  if (!actor.roles.includes('teacher') || !r.teacherIds.includes(actor._id)) return false
  const teams = r.teacherTeams?.[actor._id]
  return !teams || teams.length === 0 || r.teamId === undefined || (r.teamId !== null && teams.includes(r.teamId))
}

/**
 * `{ ok: true }` or a rejection. A scoped action without its resource is a programming error and throws, so a
 * handler cannot forget the check silently.
 */
export function can(actor: Actor | null | undefined, action: ActionName, resource?: PeriodResource): { ok: true } | Rejection<AuthCode> {
  const rule: ActionRule = ACTION_RULES[action]
  if (!actor || !actor._id) return deny('AUTH.NOT_REGISTERED')
  if (isAdmin(actor)) return { ok: true }
  if (rule.role === 'admin') return deny('AUTH.FORBIDDEN')
  if (rule.role === 'teacher' && !actor.roles.includes('teacher')) return deny('AUTH.FORBIDDEN')
  if (rule.scope === 'none') return { ok: true }
  if (!resource) throw new Error(`action ${action} needs its period to check scope`)
  if (rule.scope === 'period') return teachesPeriod(actor, resource) ? { ok: true } : deny('AUTH.NOT_ASSIGNED')
  if (teachesPeriod(actor, resource)) return { ok: true }
  const leads = !!resource.callerTeamRole && (resource.teamId === undefined || resource.teamId === resource.callerTeamId)
  return leads ? { ok: true } : deny('AUTH.NOT_TEAM_ROLE')
}

/** Team roles inside a period, with their labels. */
export const TEAM_ROLE_LABEL = { leader: '组长', study_officer: '学习委员' } as const
