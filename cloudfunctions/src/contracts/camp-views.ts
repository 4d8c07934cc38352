import {
  calendar,
  CALENDAR_STATUS_LABEL,
  calendarSummary,
  completionThreshold,
  effectiveStatus,
  LEADERBOARD_LABEL,
  lastDayOf,
  liveStreak,
  MAX_REDOS,
  periodDay,
  rankPage,
  todayOf,
  totalCheckedDays,
  visibleToOthers,
  type CalendarStatus,
  type CampDoc,
  type CheckinContent,
  type CheckinDoc,
  type ContentType,
  type DailyTask,
  type EnrollmentDoc,
  type Leaderboard,
  type LeaderboardCursor,
  type ModerationState,
  type PeriodDoc,
  type PeriodStatus,
  type ReviewStatus,
} from '../domain/camp'
import { BADGE_LABEL, type BadgeId } from '../domain/community/badges'
import { incentivesOf } from '../domain/community/incentives'
import { tierFor, tierLabel } from '../domain/community/tiers'
import { GRADE_LABEL, SUBJECT_LABEL, type Grade, type Subject } from '../domain/identity'
import { CONTENT_TYPE_LABEL, ENTRY_LABEL, MODERATION_LABEL, PERIOD_STATUS_LABEL } from './camp'
import { toPublicProfile, type LabelledValue, type PublicProfile } from './identity'
import { publicIdOf } from '../domain/identity/public-id'
import { REVIEW_STATUS_LABEL, type ReviewView } from './review-views'

/** The views camp pages render. Built from documents + `now`; never expose invite codes or group ids. */

/** A streak tier as pages show it: 连续 7 天 ×1.2. */
export interface TierView {
  label: string
  multiplier: number
}

/** The badges an enrollment holds, labelled, in BADGES order. */
export const badgesOf = (e: Pick<EnrollmentDoc, 'badges'> | null): LabelledValue<BadgeId>[] =>
  (e?.badges ?? []).map((b) => ({ value: b, label: BADGE_LABEL[b] }))

/** The period's tier a streak is in, or null below the first (or when the period has none). */
export function tierOf(p: PeriodDoc, streak: number): TierView | null {
  const tier = tierFor(incentivesOf(p).tiers, streak)
  return tier ? { label: tierLabel(tier), multiplier: tier.multiplier } : null
}

export interface PeriodView {
  id: string
  campId: string
  index: number
  /** 第 3 期 · 21 天 */
  title: string
  lengthDays: number
  startDay: string
  endDay: string
  status: LabelledValue<PeriodStatus>
  contentTypes: LabelledValue<ContentType>[]
  /** e.g. 06:00–23:00; null = any time. */
  windowLabel: string | null
  entry: LabelledValue<PeriodDoc['entry']['kind']>
  capacity: number
  perCheckin: number
  groupMultiplier: number
  completion: { minCheckins: number; bonus: number }
  makeup: { maxCount: number; withinDays: number; cost: number; keepsStreak: boolean }
}

export interface CampView {
  id: string
  title: string
  subject: LabelledValue<Subject>
  grades: LabelledValue<Grade>[]
  coverFileId: string
  description: string
  periods: PeriodView[]
}

export interface CheckinView {
  id: string
  day: string
  dayIndex: number
  content: CheckinContent
  moderation: LabelledValue<ModerationState>
  fromGroup: boolean
  makeup: boolean
  points: number
  submittedAt: number
  editedAt: number | null
  reviewStatus: ReviewStatus
  featured: boolean
  /** Resubmissions after a redo request so far. */
  redoCount: number
}

export interface TodayView {
  period: PeriodView
  joined: boolean
  /** Null before the first day and after the last. */
  dayIndex: number | null
  /** 第 3 天 / 未开营 / 已结束 */
  dayLabel: string
  today: string
  task: DailyTask | null
  checkin: CheckinView | null
  canCheckIn: boolean
  currentStreak: number
  bestStreak: number
  checkedDays: number
  completionTarget: number
  pointsEarned: number
  reminderTime: string | null
  /** The teacher's latest review of today's check-in (a redo's review replaces the one that asked for it). */
  review: ReviewView | null
  /** This review had not been shown to the member before this answer (showing it here marked it seen). */
  reviewUnread: boolean
  /** Today's check-in was returned for redo and may still be resubmitted (`editCheckin` with today). */
  canRedo: boolean
  /** The member's team in this period (from the enrollment): whether they are on one, and lead it (组长 / 学习委员). */
  team: { onTeam: boolean; leads: boolean }
  /** Badges earned in this period (激励设置), never removed. */
  badges: LabelledValue<BadgeId>[]
  /** The streak tier the live streak is in (its check-ins earn ×multiplier), or null. */
  tier: TierView | null
}

/** What a calendar day says about its check-in's review; null on a day without a check-in. */
export interface CalendarDayReview {
  status: LabelledValue<ReviewStatus>
  featured: boolean
  /** The member has not seen the latest review of this day yet. */
  unread: boolean
}

export interface CalendarView {
  periodId: string
  today: string
  days: {
    index: number
    day: string
    status: LabelledValue<CalendarStatus>
    canMakeUp: boolean
    theme: string | null
    /** The day has a check-in (tap opens it with its review). */
    hasCheckin: boolean
    review: CalendarDayReview | null
  }[]
  /** Unread reviews in this period. */
  unreadReviews: number
  summary: { checked: number; madeUp: number; missed: number; total: number }
  currentStreak: number
  bestStreak: number
  makeupsLeft: number
  makeupCost: number
  /** The member's badges of the period and the tier the live streak is in (激励设置), as on the today page. */
  badges: LabelledValue<BadgeId>[]
  tier: TierView | null
}

export interface LeaderboardRow {
  rank: number
  member: PublicProfile
  bestStreak: number
  currentStreak: number
  checkedDays: number
  isMe: boolean
  badges: LabelledValue<BadgeId>[]
  tier: TierView | null
}

export interface LeaderboardPage {
  board: LabelledValue<Leaderboard>
  rows: LeaderboardRow[]
  next: LeaderboardCursor | null
}

export interface FeedItem {
  id: string
  member: PublicProfile
  day: string
  dayIndex: number
  content: CheckinContent
  featuredAt: number
}

/**
 * Where the next feed page starts: items featured at or before `beforeAt`, less the `skip` already shown at exactly
 * `beforeAt` (ties). It names no document: check-in ids contain openids.
 */
export interface FeedCursor {
  beforeAt: number
  skip: number
}

export interface FeedPage {
  items: FeedItem[]
  next: FeedCursor | null
}

const lv = <T extends string>(value: T, labels: Readonly<Record<T, string>>): LabelledValue<T> => ({ value, label: labels[value] })

export function toPeriodView(p: PeriodDoc, now: number): PeriodView {
  return {
    id: p._id,
    campId: p.campId,
    index: p.index,
    title: `第 ${p.index} 期 · ${p.lengthDays} 天`,
    lengthDays: p.lengthDays,
    startDay: p.startDay,
    endDay: lastDayOf(p),
    status: lv(effectiveStatus(p, now), PERIOD_STATUS_LABEL),
    contentTypes: p.contentTypes.map((t) => lv(t, CONTENT_TYPE_LABEL)),
    windowLabel: p.window ? `${p.window.start}–${p.window.end}` : null,
    entry: lv(p.entry.kind, ENTRY_LABEL),
    capacity: p.capacity,
    perCheckin: p.points.perCheckin,
    groupMultiplier: p.points.groupMultiplier,
    completion: { minCheckins: completionThreshold(p), bonus: p.points.completion.bonus },
    makeup: { ...p.makeup },
  }
}

export function toCampView(c: CampDoc, periods: readonly PeriodDoc[], now: number): CampView {
  return {
    id: c._id,
    title: c.title,
    subject: lv(c.subject as Subject, SUBJECT_LABEL),
    grades: c.gradeTags.map((g) => lv(g as Grade, GRADE_LABEL)),
    coverFileId: c.coverFileId,
    description: c.description,
    periods: periods.filter((p) => p.status !== 'draft').map((p) => toPeriodView(p, now)),
  }
}

export function toCheckinView(c: CheckinDoc): CheckinView {
  const { _id: id, day, dayIndex, content, fromGroup, makeup, points, submittedAt, editedAt, reviewStatus, featured, redoCount } = c
  return {
    id,
    day,
    dayIndex,
    content,
    moderation: lv(c.moderation, MODERATION_LABEL),
    fromGroup,
    makeup,
    points,
    submittedAt,
    editedAt,
    reviewStatus,
    featured,
    redoCount,
  }
}

/** Today's review as the member is shown it: the view, whether it was unread, and whether a redo is still open. */
export interface TodayReview {
  view: ReviewView
  unread: boolean
}

export function toTodayView(
  p: PeriodDoc,
  e: EnrollmentDoc | null,
  todayCheckin: CheckinDoc | null,
  now: number,
  review: TodayReview | null = null,
): TodayView {
  const where = periodDay(p, now)
  const dayIndex = where.kind === 'day' ? where.index : null
  return {
    period: toPeriodView(p, now),
    joined: !!e,
    dayIndex,
    dayLabel: dayIndex ? `第 ${dayIndex} 天` : where.kind === 'before' ? '未开营' : '已结束',
    today: where.today,
    task: dayIndex ? (p.tasks.find((t) => t.day === dayIndex) ?? null) : null,
    checkin: todayCheckin ? toCheckinView(todayCheckin) : null,
    canCheckIn: !!e && !todayCheckin && dayIndex !== null && effectiveStatus(p, now) === 'running',
    currentStreak: e ? liveStreak(p, e, now) : 0,
    bestStreak: e?.bestStreak ?? 0,
    checkedDays: e ? totalCheckedDays(e) : 0,
    completionTarget: completionThreshold(p),
    pointsEarned: e?.pointsEarned ?? 0,
    reminderTime: e?.reminderTime ?? null,
    review: review?.view ?? null,
    reviewUnread: review?.unread ?? false,
    canRedo: !!todayCheckin && canRedo(p, todayCheckin),
    team: { onTeam: !!e?.teamId, leads: !!e?.teamId && !!e.teamRole },
    badges: badgesOf(e),
    tier: e ? tierOf(p, liveStreak(p, e, now)) : null,
  }
}

/** Returned for redo with a resubmission left, in a period not closed (the rule planEdit applies). */
export const canRedo = (p: Pick<PeriodDoc, 'status'>, c: Pick<CheckinDoc, 'reviewStatus' | 'redoCount'>): boolean =>
  c.reviewStatus === 'returned' && c.redoCount < MAX_REDOS && p.status !== 'closed'

/**
 * `checkins`: the member's check-ins in the period (reviewStatus and featured per day); `unreadDays`: the days whose
 * latest review the member has not seen.
 */
export function toCalendarView(
  p: PeriodDoc,
  e: EnrollmentDoc,
  now: number,
  checkins: readonly Pick<CheckinDoc, 'day' | 'reviewStatus' | 'featured'>[] = [],
  unreadDays: ReadonlySet<string> = new Set(),
): CalendarView {
  const today = todayOf(p, now)
  const days = calendar(p, e.checkedDays, e.madeUpDays, today, e.joinedDay)
  const byDay = new Map(checkins.map((c) => [c.day, c]))
  return {
    periodId: p._id,
    today,
    days: days.map((d) => {
      const c = byDay.get(d.day)
      const hasCheckin = !!c || d.status === 'checked' || d.status === 'made_up'
      const review: CalendarDayReview | null =
        c && c.reviewStatus !== 'none'
          ? { status: lv(c.reviewStatus, REVIEW_STATUS_LABEL), featured: c.featured, unread: unreadDays.has(d.day) }
          : null
      return { ...d, status: lv(d.status, CALENDAR_STATUS_LABEL), hasCheckin, review }
    }),
    unreadReviews: days.filter((d) => unreadDays.has(d.day)).length,
    summary: calendarSummary(days),
    currentStreak: liveStreak(p, e, now),
    bestStreak: e.bestStreak,
    makeupsLeft: Math.max(0, p.makeup.maxCount - e.madeUpDays.length),
    makeupCost: p.makeup.cost,
    badges: badgesOf(e),
    tier: tierOf(p, liveStreak(p, e, now)),
  }
}

/** `fetched`: limit + 1 enrollments by the board's key descending; `profiles`: the members on the page. */
export function toLeaderboardPage(
  p: PeriodDoc,
  board: Leaderboard,
  fetched: readonly EnrollmentDoc[],
  limit: number,
  cursor: LeaderboardCursor | undefined,
  profiles: ReadonlyMap<string, { _id: string; nickname: string; avatarFileId: string }>,
  viewerId: string,
  now: number,
): LeaderboardPage {
  const { rows, next } = rankPage(board, fetched, limit, cursor)
  return {
    board: lv(board, LEADERBOARD_LABEL),
    rows: rows.map(({ rank, enrollment: e }) => {
      const currentStreak = liveStreak(p, e, now)
      return {
        rank,
        member: toPublicProfile(profiles.get(e.memberId), e.memberId),
        bestStreak: e.bestStreak,
        currentStreak,
        checkedDays: totalCheckedDays(e),
        isMe: e.memberId === viewerId,
        badges: badgesOf(e),
        tier: tierOf(p, currentStreak),
      }
    }),
    next,
  }
}

/** `fetched`: limit + 1 featured check-ins by featuredAt descending; hidden (not passed) content is dropped. */
export function toFeedPage(
  fetched: readonly CheckinDoc[],
  limit: number,
  profiles: ReadonlyMap<string, { _id: string; nickname: string; avatarFileId: string }>,
  cursor?: FeedCursor,
): FeedPage {
  const page = fetched.slice(0, limit)
  const last = page[page.length - 1]
  const lastAt = last?.featuredAt ?? 0
  const ties = page.filter((c) => (c.featuredAt ?? 0) === lastAt).length
  return {
    items: page
      .filter((c) => visibleToOthers(c) && c.featuredAt !== null)
      .map((c) => ({
        id: `${publicIdOf(c.memberId)}-${c.day}`,
        member: toPublicProfile(profiles.get(c.memberId), c.memberId),
        day: c.day,
        dayIndex: c.dayIndex,
        content: c.content,
        featuredAt: c.featuredAt ?? 0,
      })),
    next: fetched.length > limit && last ? { beforeAt: lastAt, skip: (cursor?.beforeAt === lastAt ? cursor.skip : 0) + ties } : null,
  }
}
