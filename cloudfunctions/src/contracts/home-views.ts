import type { ReviewOutcome } from '../domain/review'
import {
  completionThreshold,
  effectiveStatus,
  joinableNow,
  liveStreak,
  periodDay,
  totalCheckedDays,
  type CampDoc,
  type CheckinDoc,
  type EnrollmentDoc,
  type PeriodDoc,
  type ReviewStatus,
} from '../domain/camp'
import type { ReviewDoc } from '../domain/review'
import { toCampView, toPeriodView, type CampView, type PeriodView } from './camp-views'
import type { LabelledValue } from './identity'
import { OUTCOME_LABEL, REVIEW_STATUS_LABEL } from './review-views'

/** 首页 and 我的 at a glance, in one `camp.home` answer: every running camp's task today, points, unread reviews, what is open. */

export interface HomeCampItem {
  campId: string
  campTitle: string
  coverFileId: string
  period: PeriodView
  /** The period's business day now (a redo of today's check-in opens the composer of this day). */
  today: string
  /** 第 3 天 / 未开营 */
  dayLabel: string
  /** Today's task theme; null before the first day or when none was set. */
  taskTheme: string | null
  checkedToday: boolean
  /** The period is running and today's check-in is still to do. */
  canCheckIn: boolean
  currentStreak: number
  bestStreak: number
  checkedDays: number
  completionTarget: number
  /** Review state of today's check-in (null without one). */
  todayReview: LabelledValue<ReviewStatus> | null
}

export interface HomeUnreadReview {
  periodId: string
  campTitle: string
  day: string
  dayIndex: number
  outcome: LabelledValue<ReviewOutcome>
  reviewerName: string
  reviewedAt: number
}

export interface HomeOpenCamp {
  camp: CampView
  /** Periods of `camp.periods` the member already joined (their button is 进入, not 立即加入). */
  joinedPeriodIds: string[]
}

export interface HomeView {
  balance: number
  /** The longest current streak over the member's running periods. */
  currentStreak: number
  /** Running and upcoming periods the member joined, running first. */
  mine: HomeCampItem[]
  unread: { count: number; items: HomeUnreadReview[] }
  /** Camps with a period that takes members now; ended periods never appear. */
  open: HomeOpenCamp[]
}

/** Unread reviews listed on 首页 (the count covers all of them). */
export const HOME_UNREAD_ITEMS = 5

export interface HomeInput {
  enrollments: readonly EnrollmentDoc[]
  periods: ReadonlyMap<string, PeriodDoc>
  camps: ReadonlyMap<string, CampDoc>
  /** Today's check-in of each joined period, by period id. */
  todayCheckins: ReadonlyMap<string, CheckinDoc>
  balance: number
  unread: readonly ReviewDoc[]
  listed: readonly CampDoc[]
  /** Non-draft periods of the listed camps. */
  listedPeriods: readonly PeriodDoc[]
}

function mineItem(e: EnrollmentDoc, p: PeriodDoc, c: CampDoc, todayCheckin: CheckinDoc | undefined, now: number): HomeCampItem {
  const where = periodDay(p, now)
  const running = effectiveStatus(p, now) === 'running'
  const checkedToday = where.kind === 'day' && (e.checkedDays.includes(where.today) || e.madeUpDays.includes(where.today))
  return {
    campId: c._id,
    campTitle: c.title,
    coverFileId: c.coverFileId,
    period: toPeriodView(p, now),
    today: where.today,
    dayLabel: where.kind === 'day' ? `第 ${where.index} 天` : where.kind === 'before' ? '未开营' : '已结束',
    taskTheme: where.kind === 'day' ? (p.tasks.find((t) => t.day === where.index)?.theme ?? null) : null,
    checkedToday,
    canCheckIn: running && !checkedToday,
    currentStreak: liveStreak(p, e, now),
    bestStreak: e.bestStreak,
    checkedDays: totalCheckedDays(e),
    completionTarget: completionThreshold(p),
    todayReview: todayCheckin ? { value: todayCheckin.reviewStatus, label: REVIEW_STATUS_LABEL[todayCheckin.reviewStatus] } : null,
  }
}

export function toHomeView(input: HomeInput, now: number): HomeView {
  const mine = input.enrollments.flatMap((e) => {
    const p = input.periods.get(e.periodId)
    const c = p && input.camps.get(p.campId)
    if (!p || !c) return []
    const status = effectiveStatus(p, now)
    return status === 'running' || status === 'open' ? [mineItem(e, p, c, input.todayCheckins.get(p._id), now)] : []
  })
  mine.sort((a, b) => Number(b.period.status.value === 'running') - Number(a.period.status.value === 'running'))
  const joined = new Set(input.enrollments.map((e) => e.periodId))
  const campTitle = (campId: string) => input.camps.get(campId)?.title ?? input.listed.find((c) => c._id === campId)?.title ?? ''
  const open = input.listed.flatMap((c) => {
    const periods = input.listedPeriods.filter((p) => p.campId === c._id && joinableNow(p, now))
    if (periods.length === 0) return []
    return [{ camp: toCampView(c, periods, now), joinedPeriodIds: periods.filter((p) => joined.has(p._id)).map((p) => p._id) }]
  })
  return {
    balance: input.balance,
    currentStreak: mine.reduce((m, i) => Math.max(m, i.period.status.value === 'running' ? i.currentStreak : 0), 0),
    mine,
    unread: {
      count: input.unread.length,
      items: input.unread.slice(0, HOME_UNREAD_ITEMS).map((r) => ({
        periodId: r.periodId,
        campTitle: campTitle(r.campId),
        day: r.day,
        dayIndex: r.dayIndex,
        outcome: { value: r.outcome, label: OUTCOME_LABEL[r.outcome] },
        reviewerName: r.reviewerName || '老师',
        reviewedAt: r.reviewedAt,
      })),
    },
    open,
  }
}
