import type { BoundGroup, CampDoc, CertificateData, PeriodDoc } from '../domain/camp'
import { isRejection, type Rejection } from '../domain/kernel'
import type { CalendarView, CampView, CheckinView, FeedPage, LeaderboardPage, PeriodView, TodayView } from './camp-views'
import type { MemberPick } from './identity'
import type { HomeView } from './home-views'
import type { ReviewView } from './review-views'

/**
 * What each camp action answers inside `{ code: 0, data }` (requests in ./camp.ts, views in ./camp-views.ts).
 * Rejections are `{ code: 'CAMP.…' | 'AUTH.…' | 'POINTS.…' | 'REQUEST.INVALID', message, details? }`.
 */

export interface CampListView {
  items: CampView[]
}

/** A camp as the admin pages edit it: its stored setup, without the creating admin's openid. */
export type AdminCampSetup = Omit<CampDoc, 'createdBy'>

/** A bound group as staff see it: which group and since when, not which operator's openid bound it. */
export type BoundGroupView = Omit<BoundGroup, 'boundBy'>

/**
 * A period as the admin pages edit it: its stored setup (invite code and bound group ids included), without staff
 * openids (the assigned teachers — `periodTeachers` names them by handle —, who bound each group) and seat shards.
 */
export type AdminPeriodView = Omit<PeriodDoc, 'teacherIds' | 'teacherTeams' | 'boundGroups'> & { boundGroups: BoundGroupView[] }

export function toAdminCampSetup(camp: CampDoc): AdminCampSetup {
  const { createdBy: _createdBy, ...setup } = camp
  return setup
}

export const toBoundGroupView = ({ groupId, boundAt }: BoundGroup): BoundGroupView => ({ groupId, boundAt })

export function toAdminPeriodView(period: PeriodDoc & { seatShards?: number }): AdminPeriodView {
  const { teacherIds: _teachers, teacherTeams: _teams, seatShards: _shards, boundGroups, ...view } = period
  return { ...view, boundGroups: boundGroups.map(toBoundGroupView) }
}

/** A period action's answer: the admin view of the period, or the rejection as it is. */
export const adminPeriodAnswer = <R extends Rejection>(out: PeriodDoc | R): AdminPeriodView | R =>
  isRejection(out) ? out : toAdminPeriodView(out)

export interface AdminCampView {
  camp: AdminCampSetup
  /** Every period of the camp, newest 第 N 期 first, drafts included. */
  periods: AdminPeriodView[]
  /** Members joined so far, by period id. */
  members: Record<string, number>
}

export interface AdminCampListView {
  items: AdminCampView[]
}

export interface MyPeriodItem {
  campId: string
  campTitle: string
  coverFileId: string
  period: PeriodView
  today: string
  checkedToday: boolean
  checkedDays: number
  currentStreak: number
  pointsEarned: number
  completed: boolean
}

export interface MyPeriodsView {
  items: MyPeriodItem[]
}

/** The certificate poster's data: the page draws it (camp title, nickname, avatar, days) and saves the image. */
export interface CertificateView extends CertificateData {
  campTitle: string
  nickname: string
  avatarFileId: string
}

export interface SubscribedView {
  /** Reminders the member can still receive (one per accepted subscription). */
  credits: number
  reminderTime: string | null
  /** When the next reminder goes out (epoch ms); null without a time or without credits. */
  nextReminderAt: number | null
  /** Review notifications the member can still receive (one per accepted REVIEW_TEMPLATE_ID, any period). */
  reviewCredits: number
}

/**
 * `myCheckin`: the member's own check-in of one day with the teacher's review under it — the landing page of the
 * review notification (`features/review/pages/comment/index?periodId&day`).
 */
export interface MyCheckinView {
  periodId: string
  /** 「英语口语 21 天打卡营 · 第 1 期」 */
  periodTitle: string
  day: string
  /** 第 N 天 of that day, null outside the period. */
  dayIndex: number | null
  /** Null when the member has no check-in that day. */
  checkin: CheckinView | null
  /** The latest round's review (a redo's review replaces the original's); null until a teacher reviewed. */
  review: ReviewView | null
  /** The review had not been shown to the member before this answer (this answer marked it seen). */
  reviewUnread: boolean
  /** The featured bonus the ledger paid for this check-in (0 when never featured). */
  featuredBonus: number
  /** What this check-in earned in all: its own points (check-in, group bonus, milestones) + the featured bonus. */
  pointsEarned: number
  /** Returned for redo and the member may still resubmit it (camp `editCheckin` with this day). */
  canRedo: boolean
}

/**
 * `groupBinding` / `bindGroup`: what an operator who opened a period's card inside a group chat sees. The group id
 * itself never reaches the page; `inGroup` is false when the page's CloudID did not resolve to a group.
 */
export interface GroupBindingView {
  periodId: string
  /** 「第 1 期 · 21 天」 */
  periodTitle: string
  inGroup: boolean
  /** This group is one of the period's bound groups. */
  bound: boolean
  boundCount: number
  maxGroups: number
}

export interface BindGroupView extends GroupBindingView {
  /** The group was bound before this call (a repeat tap or a retry); nothing was written. */
  already: boolean
}

/** `unbindGroup`: the period's groups afterwards. */
export interface UnbindGroupView {
  periodId: string
  boundGroups: BoundGroupView[]
}

/** A period's assigned teachers by name (handles to unassign them), in assignment order. */
export interface PeriodTeachersView {
  periodId: string
  teachers: MemberPick[]
}

/** The answer type of every camp action, for the pages' typed calls. */
export interface CampResults {
  createCamp: AdminCampView
  updateCamp: AdminCampView
  createPeriod: AdminPeriodView
  updatePeriod: AdminPeriodView
  setTasks: AdminPeriodView
  closePeriod: AdminPeriodView
  setPeriodTeacher: PeriodTeachersView
  periodTeachers: PeriodTeachersView
  adminCamps: AdminCampListView
  adminCamp: AdminCampView
  listCamps: CampListView
  campDetail: CampView
  myPeriods: MyPeriodsView
  join: TodayView
  today: TodayView
  checkin: TodayView
  editCheckin: TodayView
  makeup: CalendarView
  calendar: CalendarView
  setReminder: SubscribedView
  subscribed: SubscribedView
  leaderboard: LeaderboardPage
  feed: FeedPage
  certificate: CertificateView
  myCheckin: MyCheckinView
  groupBinding: GroupBindingView
  bindGroup: BindGroupView
  unbindGroup: UnbindGroupView
  home: HomeView
}
