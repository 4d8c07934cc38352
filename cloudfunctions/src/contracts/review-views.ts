import type { CheckinContent, CheckinDoc, EnrollmentDoc, ModerationState, PeriodDoc, ReviewStatus } from '../domain/camp'
import { liveStreak, todayOf } from '../domain/camp'
import {
  cursorOf,
  scoreLabel,
  scoreOptions,
  starString,
  waitedLabel,
  waitedMinutes,
  type BacklogSummary,
  type QueueCursor,
  type ReviewDoc,
  type ReviewOutcome,
  type Score,
  type ScoreScale,
  type TeacherDayStats,
  type VoiceComment,
} from '../domain/review'
import type { DraftFallbackReason } from '../domain/review/draft-prompt'
import { MODERATION_LABEL } from './camp'
import { toPublicProfile, type LabelledValue, type PublicProfile } from './identity'

/** The views the teacher pages and the member's comment display render, built from documents + `now`. */

export const REVIEW_STATUS_LABEL: Readonly<Record<ReviewStatus, string>> = {
  none: '无需点评',
  pending: '待点评',
  reviewed: '已点评',
  returned: '已退回重做',
}
export const OUTCOME_LABEL: Readonly<Record<ReviewOutcome, string>> = { reviewed: '已点评', returned: '退回重做' }

type Profile = { _id: string; nickname: string; avatarFileId: string }
const lv = <T extends string>(value: T, labels: Readonly<Record<T, string>>): LabelledValue<T> => ({ value, label: labels[value] })

export interface QueueItemView {
  id: string
  periodId: string
  periodTitle: string
  member: PublicProfile
  day: string
  dayIndex: number
  /** First 60 characters of the text, one line. */
  textPreview: string
  imageCount: number
  firstImage: string | null
  voiceSec: number | null
  moderation: LabelledValue<ModerationState>
  /** Content security said 'review': the teacher clears or rejects it. */
  flagged: boolean
  reviewStatus: LabelledValue<ReviewStatus>
  /** A resubmission after "return for redo". */
  redo: boolean
  featured: boolean
  submittedAt: number
  waitedMinutes: number
  /** 刚刚 / 12 分钟 / 2 小时 5 分 / 1 天 3 小时 */
  waitedLabel: string
  /** Pass back as `after` to get the next item. */
  cursor: QueueCursor
}

export interface QueuePageView {
  items: QueueItemView[]
  next: QueueCursor | null
  /** On the first page only (no cursor): later pages leave the counts the first page gave (null). */
  backlog: BacklogSummary | null
}

export interface ScoreView {
  value: Score['value']
  /** 「4 星」 / 「A · 优秀」 */
  label: string
  /** ★★★★☆ for stars, the grade letter otherwise. */
  short: string
}

export interface ReviewView {
  id: string
  checkinId: string
  round: number
  reviewer: { id: string; name: string }
  comment: string
  voice: VoiceComment | null
  /** The teacher's annotated photos (图片批注): sealed copies, whose path carries the teacher's public id only. */
  annotatedImages: string[]
  score: ScoreView | null
  outcome: LabelledValue<ReviewOutcome>
  redoReason: string | null
  featured: boolean
  reviewedAt: number
  editedAt: number | null
  /** The viewer wrote it and the business day has not turned. */
  editable: boolean
}

export interface ReviewOpenView {
  item: QueueItemView
  content: CheckinContent
  currentStreak: number
  bestStreak: number
  /** The member's other check-ins in the period, newest first. */
  history: { id: string; day: string; dayIndex: number; reviewStatus: LabelledValue<ReviewStatus>; featured: boolean }[]
  review: ReviewView | null
  scoreOptions: ScoreView[]
}

export interface TeacherStatsView {
  teacher: { id: string; name: string }
  day: string
  reviewedToday: number
  returnedToday: number
  backlog: number
  medianWaitMinutes: number | null
  /** 「中位等待 25 分钟」 or 「暂无数据」 */
  medianWaitLabel: string
  periods: { periodId: string; title: string; reviewed: number; returned: number; backlog: number; medianWaitMinutes: number | null }[]
}

export const toScoreView = (s: Score): ScoreView => ({ value: s.value, label: scoreLabel(s), short: starString(s) })
/** The period as teachers see it on chips and cards: the camp's name first (a teacher reviews several camps). */
export const periodTitle = (p: Pick<PeriodDoc, 'index' | 'lengthDays'> & { campTitle?: string }): string =>
  p.campTitle ? `${p.campTitle} · 第 ${p.index} 期 · ${p.lengthDays} 天` : `第 ${p.index} 期 · ${p.lengthDays} 天`

export function toQueueItemView(c: CheckinDoc, profile: Profile | undefined, title: string, now: number): QueueItemView {
  const text = c.content.text.replace(/\s+/g, ' ').trim()
  return {
    id: c._id,
    periodId: c.periodId,
    periodTitle: title,
    member: toPublicProfile(profile, c.memberId),
    day: c.day,
    dayIndex: c.dayIndex,
    textPreview: [...text].slice(0, 60).join(''),
    imageCount: c.content.images.length,
    firstImage: c.content.images[0] ?? null,
    voiceSec: c.content.voice ? c.content.voice.durationSec : null,
    moderation: lv(c.moderation, MODERATION_LABEL),
    flagged: c.moderation === 'review',
    reviewStatus: lv(c.reviewStatus, REVIEW_STATUS_LABEL),
    redo: c.redoCount > 0,
    featured: c.featured,
    submittedAt: c.submittedAt,
    waitedMinutes: waitedMinutes(c, now),
    waitedLabel: waitedLabel(waitedMinutes(c, now)),
    cursor: cursorOf(c),
  }
}

/** `checkin` supplies 精选 (stored there only); `period` its cut-off for the edit window. */
export function toReviewView(
  r: ReviewDoc,
  checkin: Pick<CheckinDoc, 'featured'>,
  period: Pick<PeriodDoc, 'cutoffMinutes'>,
  viewerId: string,
  now: number,
): ReviewView {
  return {
    id: r._id,
    checkinId: r.checkinId,
    round: r.round,
    reviewer: { id: r.reviewerId, name: r.reviewerName || '老师' },
    comment: r.comment,
    voice: r.voice,
    annotatedImages: r.annotatedImages ?? [],
    score: r.score ? toScoreView(r.score) : null,
    outcome: lv(r.outcome, OUTCOME_LABEL),
    redoReason: r.redoReason,
    featured: checkin.featured,
    reviewedAt: r.reviewedAt,
    editedAt: r.editedAt,
    editable: r.reviewerId === viewerId && todayOf(period, now) === r.reviewedDay,
  }
}

export function toReviewOpenView(
  c: CheckinDoc,
  period: PeriodDoc,
  scale: ScoreScale,
  enrollment: EnrollmentDoc | null,
  recent: readonly CheckinDoc[],
  review: ReviewDoc | null,
  profile: Profile | undefined,
  viewerId: string,
  now: number,
): ReviewOpenView {
  return {
    item: toQueueItemView(c, profile, periodTitle(period), now),
    content: c.content,
    currentStreak: enrollment ? liveStreak(period, enrollment, now) : 0,
    bestStreak: enrollment?.bestStreak ?? 0,
    history: recent
      .filter((h) => h._id !== c._id)
      .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
      .map((h) => ({
        id: h._id,
        day: h.day,
        dayIndex: h.dayIndex,
        reviewStatus: lv(h.reviewStatus, REVIEW_STATUS_LABEL),
        featured: h.featured,
      })),
    review: review ? toReviewView(review, c, period, viewerId, now) : null,
    scoreOptions: scoreOptions(scale).map(toScoreView),
  }
}

export function toTeacherStatsView(
  stats: TeacherDayStats,
  backlog: BacklogSummary,
  teacherName: string,
  titles: ReadonlyMap<string, string>,
): TeacherStatsView {
  const ids = [...new Set([...stats.periods.map((p) => p.periodId), ...backlog.byPeriod.map((b) => b.periodId)])].sort()
  const median = stats.medianWaitMinutes
  return {
    teacher: { id: stats.teacherId, name: teacherName || '老师' },
    day: stats.day,
    reviewedToday: stats.reviewed,
    returnedToday: stats.returned,
    backlog: backlog.total,
    medianWaitMinutes: median,
    medianWaitLabel: median === null ? '暂无数据' : `中位等待 ${waitedLabel(median)}`,
    periods: ids.map((periodId) => {
      const s = stats.periods.find((p) => p.periodId === periodId)
      return {
        periodId,
        title: titles.get(periodId) ?? periodId,
        reviewed: s?.reviewed ?? 0,
        returned: s?.returned ?? 0,
        backlog: backlog.byPeriod.find((b) => b.periodId === periodId)?.count ?? 0,
        medianWaitMinutes: s?.medianWaitMinutes ?? null,
      }
    }),
  }
}

export interface PhrasesView {
  phrases: string[]
}

/**
 * The comment the editor starts from: an AI draft that passed content security, or — when there is none — the
 * teacher's phrases with the reason (`label` is the line the page shows either way).
 */
export type DraftView =
  | { state: 'draft'; text: string; label: string; phrases: string[] }
  | { state: 'phrases'; reason: DraftFallbackReason; label: string; phrases: string[] }

export interface PrefetchDraftsView {
  /** The queue items after `after` that were looked at, each with the state its draft is in now. */
  items: { checkinId: string; state: DraftView['state'] | 'refused' }[]
}

export interface TeacherStatsListView {
  /** Most reviews today first; teachers assigned to a reviewable period appear even with none. */
  items: TeacherStatsView[]
}

/**
 * What each `review` action answers inside `{ code: 0, data }` (requests in ./review.ts). Rejections are
 * `{ code: 'REVIEW.…' | 'CAMP.CHECKIN_NOT_FOUND' | 'POINTS.…' | 'REQUEST.INVALID' | 'SYS.BUSY', message, details? }`;
 * REVIEW.ALREADY_REVIEWED carries `details: { reviewerId, reviewerName }` of the winner.
 */
export interface ReviewResults {
  queue: QueuePageView
  /** The next item, already opened; null at the end of the queue. */
  next: ReviewOpenView | null
  open: ReviewOpenView
  submitReview: ReviewView
  editReview: ReviewView
  returnForRedo: ReviewView
  /** The check-in as a queue item after the change. */
  feature: QueueItemView
  moderate: QueueItemView
  stats: TeacherStatsView
  statsAll: TeacherStatsListView
  listPhrases: PhrasesView
  addPhrase: PhrasesView
  updatePhrase: PhrasesView
  removePhrase: PhrasesView
  reorderPhrases: PhrasesView
  draft: DraftView
  prefetchDrafts: PrefetchDraftsView
}
