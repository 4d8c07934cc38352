import type { CheckinContent, CheckinDoc, EnrollmentDoc, ModerationState, PeriodDoc, ReviewStatus } from '../domain/camp'
import { liveStreak, todayOf } from '../domain/camp'
import {
  AGE_BUCKETS,
  backlogByAge,
  cursorOf,
  oldestWaiting,
  queuedAt,
  slaReport,
  slaTotals,
  type AgeBucket,
  type SlaRow,
  type TeacherDayStatsDoc,
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
import { publicIdOf } from '../domain/identity/public-id'
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
  /** The teacher the item is dealt to (issue #17 item 2); null = still in the pool. Staff only, like the whole view. */
  assignee: { teacherId: string; name: string } | null
  /** Another teacher holds a live lease on it (opened it in the last 10 minutes): their name, else null. */
  reviewingBy: string | null
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
  /**
   * Staff views only (open, submit answers; toStaffReviewView), never a member's: the comment started from an AI draft
   * shown to its teacher (domain/review/draft-use.ts). `label`: 「原样采用」 or 「改动 12 字」.
   */
  aiDraft?: { editedChars: number; label: string }
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
  /** Reviews today that started from an AI draft (draft-use.ts), and 「草稿采用率 25%（3 / 12）」 or 「草稿采用率 暂无」. */
  draftedToday: number
  draftRateLabel: string
  periods: { periodId: string; title: string; reviewed: number; returned: number; backlog: number; medianWaitMinutes: number | null }[]
}

export const toScoreView = (s: Score): ScoreView => ({ value: s.value, label: scoreLabel(s), short: starString(s) })
/** The period as teachers see it on chips and cards: the camp's name first (a teacher reviews several camps). */
export const periodTitle = (p: Pick<PeriodDoc, 'index' | 'lengthDays'> & { campTitle?: string }): string =>
  p.campTitle ? `${p.campTitle} · 第 ${p.index} 期 · ${p.lengthDays} 天` : `第 ${p.index} 期 · ${p.lengthDays} 天`

/** Who holds what, for the queue's assignee / reviewingBy: teachers' names by id, and who is looking. */
export interface QueueDistributionContext {
  names: ReadonlyMap<string, string>
  viewerId: string
}

export function toQueueItemView(
  c: CheckinDoc,
  profile: Profile | undefined,
  title: string,
  now: number,
  dist: QueueDistributionContext = { names: new Map(), viewerId: '' },
): QueueItemView {
  const nameOf = (id: string) => dist.names.get(id) ?? '老师'
  const lease = c.lease ?? null
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
    assignee: c.assigneeId ? { teacherId: c.assigneeId, name: nameOf(c.assigneeId) } : null,
    reviewingBy: lease && now < lease.until && lease.holder !== dist.viewerId ? nameOf(lease.holder) : null,
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
    // the teacher's public handle, never the openid (members see this view)
    reviewer: { id: publicIdOf(r.reviewerId), name: r.reviewerName || '老师' },
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

/** 「原样采用」 / 「改动 12 字」: how much the teacher changed the AI draft their comment started from. */
export const draftEditLabel = (editedChars: number): string => (editedChars === 0 ? '原样采用' : `改动 ${editedChars} 字`)

/** A review as staff read it: the member's view plus whether it started from an AI draft. */
export function toStaffReviewView(
  r: ReviewDoc,
  checkin: Pick<CheckinDoc, 'featured'>,
  period: Pick<PeriodDoc, 'cutoffMinutes'>,
  viewerId: string,
  now: number,
): ReviewView {
  const view = toReviewView(r, checkin, period, viewerId, now)
  const d = r.draft
  return d?.used ? { ...view, aiDraft: { editedChars: d.editedChars, label: draftEditLabel(d.editedChars) } } : view
}

/** 「草稿采用率 25%（3 / 12）」: the share of a day's reviews that started from an AI draft. */
export function draftRateLabel(drafted: number, reviewed: number): string {
  if (reviewed <= 0) return '草稿采用率 暂无'
  return `草稿采用率 ${Math.round((drafted / reviewed) * 100)}%（${drafted} / ${reviewed}）`
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
    // Only staff open items (open.ts loads the caller as staff first).
    review: review ? toStaffReviewView(review, c, period, viewerId, now) : null,
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
    // The handle, never the teacher's openid (the stats document's teacherId).
    teacher: { id: publicIdOf(stats.teacherId), name: teacherName || '老师' },
    day: stats.day,
    reviewedToday: stats.reviewed,
    returnedToday: stats.returned,
    backlog: backlog.total,
    medianWaitMinutes: median,
    medianWaitLabel: median === null ? '暂无数据' : `中位等待 ${waitedLabel(median)}`,
    draftedToday: stats.drafted,
    draftRateLabel: draftRateLabel(stats.drafted, stats.reviewed),
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

/** Time to review over some reviews: nearest-rank p50 / p90 (histogram lower edges, sla.ts) and reviews per active hour. */
export interface SlaFigureView {
  reviewed: number
  p50Minutes: number | null
  p90Minutes: number | null
  /** Reviews per hour in which the teacher(s) reviewed at all, one decimal; null = none. */
  perActiveHour: number | null
}
export interface SlaTeacherView extends SlaFigureView {
  /** id = the teacher's handle (public id), never an openid. */
  teacher: { id: string; name: string }
}
export interface SlaDayView extends SlaFigureView {
  day: string
}
export interface SlaAgeView {
  key: AgeBucket
  label: string
  count: number
}
/** The check-in waiting longest: where and since when (no check-in id: it holds the member's openid). */
export interface SlaOldestView {
  periodId: string
  periodTitle: string
  day: string
  queuedAt: number
  waitedMinutes: number
  waitedLabel: string
  /** Waiting again after a redo (its wait counts from the resubmission). */
  redo: boolean
}
export interface SlaView {
  scope: 'mine' | 'all'
  from: string
  to: string
  /** Every teacher in the answer over the whole range. */
  total: SlaFigureView
  /** Reviews per Shanghai hour of day over the range, 24 entries. */
  hourly: { hour: number; reviewed: number }[]
  /** One row per teacher (most reviews first); 'mine' has the caller only. */
  teachers: SlaTeacherView[]
  /** Per Shanghai day over the teachers in the answer, oldest first. */
  byDay: SlaDayView[]
  /**
   * Waiting now, by age since entering the queue (submission, or the redo's resubmission). `capped`: more than
   * MAX_SLA_BACKLOG wait; the counts and the oldest are those of the MAX_SLA_BACKLOG earliest submissions.
   */
  backlog: { waiting: number; capped: boolean; ages: SlaAgeView[]; oldest: SlaOldestView | null }
  /** slaAll: the next page of teachers, or null. */
  nextPage: number | null
}

export const AGE_LABEL: Readonly<Record<AgeBucket, string>> = {
  lt2h: '2 小时内',
  h2to6: '2–6 小时',
  h6to24: '6–24 小时',
  gt24h: '超过 24 小时',
}

export type WaitingCheckin = Pick<CheckinDoc, '_id' | 'periodId' | 'day' | 'submittedAt' | 'editedAt' | 'redoCount'>

export interface SlaInput {
  scope: SlaView['scope']
  days: readonly string[]
  docs: readonly TeacherDayStatsDoc[]
  /** The teachers of the answer, in page order (a teacher without documents still gets a row). */
  teachers: readonly { _id: string; nickname: string }[]
  waiting: readonly WaitingCheckin[]
  capped: boolean
  titles: ReadonlyMap<string, string>
  nextPage: number | null
  now: number
}

const figureOf = (r: Pick<SlaRow, 'reviewed' | 'p50Minutes' | 'p90Minutes' | 'perActiveHour'>): SlaFigureView => ({
  reviewed: r.reviewed,
  p50Minutes: r.p50Minutes,
  p90Minutes: r.p90Minutes,
  perActiveHour: r.perActiveHour === null ? null : Math.round(r.perActiveHour * 10) / 10,
})

export function toSlaView(input: SlaInput): SlaView {
  const { days, now } = input
  const asked = new Set(input.teachers.map((t) => t._id))
  const docs = input.docs.filter((d) => asked.has(d.teacherId) && days.includes(d.day))
  const report = slaReport(docs)
  const totals = slaTotals(docs)
  const none = { reviewed: 0, p50Minutes: null, p90Minutes: null, perActiveHour: null }
  const teachers = input.teachers
    .map((t) => {
      const row = report.byTeacher.find((r) => r.teacherId === t._id)
      return { teacher: { id: publicIdOf(t._id), name: t.nickname || '老师' }, ...(row ? figureOf(row) : none) }
    })
    .sort((a, b) => b.reviewed - a.reviewed)
  const byDay = days.map((day) => {
    const row = report.byDay.find((r) => r.day === day)
    return { day, ...(row ? figureOf(row) : none) }
  })
  const entries = input.waiting.map((c) => ({ _id: c._id, periodId: c.periodId, queuedAt: queuedAt(c) }))
  const ages = backlogByAge(
    entries.map((e) => e.queuedAt),
    now,
  )
  const oldest = oldestWaiting(entries, now)
  const oldestDoc = oldest ? input.waiting.find((c) => c._id === oldest.checkinId) : undefined
  return {
    scope: input.scope,
    from: days[0],
    to: days[days.length - 1],
    total: figureOf(totals),
    hourly: totals.hourly.map((reviewed, hour) => ({ hour, reviewed })),
    teachers,
    byDay,
    backlog: {
      waiting: input.waiting.length,
      capped: input.capped,
      ages: AGE_BUCKETS.map((key) => ({ key, label: AGE_LABEL[key], count: ages[key] })),
      oldest:
        oldest && oldestDoc
          ? {
              periodId: oldest.periodId,
              periodTitle: input.titles.get(oldest.periodId) ?? '',
              day: oldestDoc.day,
              queuedAt: oldest.queuedAt,
              waitedMinutes: oldest.waitedMinutes,
              waitedLabel: waitedLabel(oldest.waitedMinutes),
              redo: oldestDoc.redoCount > 0 && oldestDoc.editedAt !== null,
            }
          : null,
    },
    nextPage: input.nextPage,
  }
}

/**
 * What each `review` action answers inside `{ code: 0, data }` (requests in ./review.ts). Rejections are
 * `{ code: 'REVIEW.…' | 'CAMP.CHECKIN_NOT_FOUND' | 'POINTS.…' | 'REQUEST.INVALID' | 'SYS.BUSY', message, details? }`;
 * REVIEW.ALREADY_REVIEWED carries `details: { reviewer, reviewerName }` of the winner (`reviewer` is the public handle).
 */
/** A teacher's presence as distribution reads it: 在岗 (claimed or submitted lately), 暂时离开 (idle 2 h), 已标记离开. */
export type PresenceState = 'present' | 'idle' | 'away'
export const PRESENCE_LABEL: Readonly<Record<PresenceState, string>> = { present: '在岗', idle: '暂时离开', away: '已标记离开' }

export interface DistributionTeacherView {
  /** Keys the row and goes back in setAway / reassign; never shown. */
  teacherId: string
  name: string
  /** Waiting items dealt to them (their personal queue). */
  backlog: number
  state: LabelledValue<PresenceState>
  /** Holds a live lease (正在点评). */
  reviewing: boolean
  /** 最近活跃 10 分钟前 / 今天还没有点评 */
  lastActiveLabel: string
  /** Names of the teams they are narrowed to; empty = the whole period. */
  teams: string[]
}

export interface DistributionView {
  periodId: string
  periodTitle: string
  /** Waiting (pending, not risky) items of the period. */
  total: number
  /** Of those, not dealt to anyone yet (the timer deals within a minute; none left while a teacher may take them). */
  pool: number
  teachers: DistributionTeacherView[]
}

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
  sla: SlaView
  slaAll: SlaView
  listPhrases: PhrasesView
  addPhrase: PhrasesView
  updatePhrase: PhrasesView
  removePhrase: PhrasesView
  reorderPhrases: PhrasesView
  draft: DraftView
  prefetchDrafts: PrefetchDraftsView
  distribution: DistributionView
  setAway: DistributionView
  rebalance: DistributionView
  /** The item after the move. */
  reassign: QueueItemView
}
