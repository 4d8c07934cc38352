/**
 * The documents of check-in camps, as stored. Every document is a plain object; every `_id` that can be derived is an
 * idempotency key (a second insert with the same `_id` fails with -502001 = "already done").
 *
 * Collections (names are the lead's to choose; suggested):
 *  camps        CampDoc        _id auto
 *  periods      PeriodDoc      _id auto; index { campId, index }, { teacherIds } (array: "periods I teach")
 *  enrollments  EnrollmentDoc  _id `{periodId}:{memberId}`; indexes { periodId, streakRank -1 }, { periodId, checkinRank -1 },
 *                              { memberId, joinedAt -1 } (my camps), { reminderNextAt } (the reminder timer)
 *  checkins     CheckinDoc     _id `checkin:{periodId}:{day}:{memberId}`; indexes { periodId, memberId, day },
 *                              { periodId, featured, featuredAt -1 } (feed), { periodId, reviewStatus, submittedAt } (issue 6 queue),
 *                              { "mediaChecks.traceId" } (mediaCheckAsync callbacks)
 *
 * Days are business days `YYYY-MM-DD` in Asia/Shanghai (see ../business-day.ts); times are epoch ms.
 */
import type { BadgeId } from '../community/badges'
import type { PeriodIncentives } from '../community/incentives'

export const CONTENT_TYPES = ['text', 'image', 'voice'] as const
export type ContentType = (typeof CONTENT_TYPES)[number]

export const PERIOD_LENGTHS = [7, 14, 21] as const
export type PeriodLength = (typeof PERIOD_LENGTHS)[number]

/**
 * draft: only admins see it. open: published, recruiting. running/ended: follow the calendar (see effectiveStatus —
 * the stored value may lag behind the clock, rules never trust it for time). closed: completion done, stats frozen.
 */
export const PERIOD_STATUSES = ['draft', 'open', 'running', 'ended', 'closed'] as const
export type PeriodStatus = (typeof PERIOD_STATUSES)[number]

/** How teachers grade a submission (issue 6): five stars or A/B/C. */
export type ScoreScale = 'stars5' | 'abc'

export interface CampDoc {
  _id: string
  title: string
  /** A subject code from ../identity/member.ts SUBJECTS. */
  subject: string
  /** Grade codes from ../identity/member.ts GRADES. */
  gradeTags: string[]
  /** cloud:// fileID. */
  coverFileId: string
  description: string
  scoreScale: ScoreScale
  /** Hidden from the camp list without deleting history. */
  archived: boolean
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface ExampleMedia {
  kind: 'image' | 'voice'
  fileId: string
}

export interface DailyTask {
  /** 1-based day of the period (第 N 天). */
  day: number
  theme: string
  instructions: string
  exampleMedia?: ExampleMedia[]
}

/**
 * Wall-clock window in Asia/Shanghai, `HH:mm`, start inclusive, end exclusive. `end` <= `start` wraps past midnight
 * (e.g. 20:00–01:00). It only limits WHEN one may submit; WHICH day a submission counts for is the cut-off's job.
 */
export interface CheckinWindow {
  start: string
  end: string
}

/** `group`: members of the period's bound WeChat group (opengid resolved server-side from a CloudID). */
export type EntryRule = { kind: 'open' } | { kind: 'invite_code'; code: string } | { kind: 'group' }

export interface StreakMilestone {
  days: number
  bonus: number
}

export interface PointsRules {
  perCheckin: number
  /** Each milestone pays once per member and period, when the streak first reaches it. */
  streakMilestones: StreakMilestone[]
  /** Checked days (on time + made up) needed at the end of the period for the bonus and certificate. */
  completion: { minCheckins: number; bonus: number }
  /** Applies to check-ins made from the bound group chat; 1 = no bonus. Sharing itself never earns anything. */
  groupMultiplier: number
}

export interface MakeupPolicy {
  /** 0 disables make-ups. */
  maxCount: number
  /** How far back a day may be made up: 1 = only yesterday. */
  withinDays: number
  /** Points debited per make-up (0 = free). */
  cost: number
  /** Whether a made-up day joins the streak (true) or only fills the calendar and completion count (false). */
  keepsStreak: boolean
}

/** One group bound to a period: the opengid the camp function resolved from the operator's group-enter CloudID. */
export interface BoundGroup {
  groupId: string
  boundAt: number
  /** The operator who bound it (openid). */
  boundBy: string
}

export interface PeriodDoc {
  _id: string
  campId: string
  /** 第 N 期, 1-based. */
  index: number
  lengthDays: PeriodLength
  /** Business day of 第 1 天. */
  startDay: string
  /** At most one per day; days without a task show the camp's general instructions. */
  tasks: DailyTask[]
  contentTypes: ContentType[]
  window: CheckinWindow | null
  /** Minutes after 00:00 Shanghai at which the business day turns (0 = midnight, 120 = 02:00). */
  cutoffMinutes: number
  capacity: number
  entry: EntryRule
  /**
   * The period's WeChat groups (a large period needs several: a group holds 500). Entry rule `group` and the group
   * multiplier use them. Bound only by an operator inside the group (group-binding.ts), never typed in.
   */
  boundGroups: BoundGroup[]
  /** Last day index on which one may still join (null = any day of the period). */
  joinUntilDay: number | null
  points: PointsRules
  makeup: MakeupPolicy
  status: PeriodStatus
  /** Teachers assigned to this period (issue 6 sees only these). */
  teacherIds: string[]
  /** Optional narrowing: teacher memberId → the team ids inside the period they review. */
  teacherTeams: Record<string, string[]>
  /** Streak tiers and badge points (激励设置, domain/community/incentives.ts); absent = none set. */
  incentives?: PeriodIncentives
  /** Frozen when the period closes. */
  stats: PeriodStats | null
  createdAt: number
  updatedAt: number
}

export interface PeriodStats {
  members: number
  completed: number
  checkins: number
  makeups: number
  /** completed / members, 0..1, rounded to 4 decimals. */
  completionRate: number
  closedAt: number
}

/** Group roles inside a period: 组长, 学习委员. */
export type TeamRole = 'leader' | 'study_officer'

export interface EnrollmentDoc {
  /** `{periodId}:{memberId}` — joining twice is a duplicate key. */
  _id: string
  periodId: string
  campId: string
  memberId: string
  /** The member's public id (what other members see; the leaderboard keys end with it). */
  publicId: string
  joinedAt: number
  joinedDay: string
  via: EntryRule['kind']
  /** Days checked in on time, sorted ascending. At most lengthDays entries, so it lives here and no read is needed. */
  checkedDays: string[]
  /** Days made up (补卡), sorted ascending, disjoint from checkedDays. */
  madeUpDays: string[]
  checkins: number
  makeups: number
  currentStreak: number
  bestStreak: number
  lastCheckinDay: string | null
  lastCheckinAt: number | null
  /** Milestones (days) already paid, so a broken-then-rebuilt streak never pays twice. */
  streakMilestones: number[]
  /** Sum of the points this period awarded (credits only; make-up costs are in pointsSpent). */
  pointsEarned: number
  pointsSpent: number
  completed: boolean
  certificateNo: string | null
  /**
   * Daily reminder `HH:mm` (Asia/Shanghai), null = off. A flat field on purpose: `doc.update` turns nested objects into
   * dot paths, and MongoDB cannot set `a.b` inside a null `a`.
   */
  reminderTime: string | null
  /** Next instant a reminder is due (epoch ms) — the timer queries `reminderNextAt <= now`; null = none. */
  reminderNextAt: number | null
  reminderLastDay: string | null
  /**
   * Subscribe-message credits the member granted (requestSubscribeMessage "accept"s the page reported). Each reminder
   * spends one; with none left `reminderNextAt` is null, so the reminder timer never even reads this enrollment.
   */
  reminderCredits: number
  teamId: string | null
  teamRole: TeamRole | null
  /**
   * Badges earned in this period (BADGES order), written in the transaction that earned them and never removed;
   * absent on enrollments that have none yet.
   */
  badges?: BadgeId[]
  /** Leaderboard keys (see leaderboard.ts): descending order = rank order, unique per member. */
  streakRank: string
  checkinRank: string
  updatedAt: number
}

export type Verdict = 'pass' | 'review' | 'risky'
/** pending: media checks still running (visible only to the author and teachers, like review). */
export type ModerationState = 'pending' | Verdict

export interface MediaCheck {
  fileId: string
  verdict: 'pending' | Verdict
  /** mediaCheckAsync's trace_id, attached by the I/O layer so the callback can find the check-in. */
  traceId?: string
}

export interface Voice {
  fileId: string
  durationSec: number
}

export interface CheckinContent {
  text: string
  images: string[]
  voice: Voice | null
}

/** none: never queued (make-ups). pending: in the teacher queue. reviewed / returned: issue 6. */
export type ReviewStatus = 'none' | 'pending' | 'reviewed' | 'returned'

export interface CheckinDoc {
  /** `checkin:{periodId}:{day}:{memberId}` — one per member per business day. */
  _id: string
  periodId: string
  campId: string
  memberId: string
  day: string
  dayIndex: number
  content: CheckinContent
  moderation: ModerationState
  textVerdict: Verdict
  mediaChecks: MediaCheck[]
  fromGroup: boolean
  makeup: boolean
  teamId: string | null
  submittedAt: number
  /** Business day of submission (differs from `day` for make-ups); same-day edits compare against it. */
  submittedDay: string
  editedAt: number | null
  /** Points this check-in earned (check-in + group bonus + milestones), for display. */
  points: number
  reviewStatus: ReviewStatus
  /** Resubmissions after "return for redo" (issue 6 allows one). */
  redoCount: number
  featured: boolean
  featuredAt: number | null
  /**
   * Fair distribution (issue #17 item 2, domain/review/distribution.ts): the teacher the waiting item is dealt to;
   * null (written by the check-in) or absent (older check-ins) = in the period's pool. Review writes these, camp never
   * does after the insert; a review keeps it (a redo comes back to the same teacher).
   */
  assigneeId?: string | null
  /** The teacher who opened it, until when (10 minutes, renewed by the holder). */
  lease?: { holder: string; until: number } | null
  /** Placed by an operator: rebalancing leaves it. */
  pinned?: boolean
  /**
   * Set once, at the insert, when the check-in enters the review backlog with it (= `submittedAt`); never changed.
   * The backlog counters count such a creation from the document itself (domain/camp/queue-counters.ts, "creations"),
   * so the check-in's transaction writes no counter. Absent on make-ups and on check-ins from before (their creation
   * went into a counter shard).
   */
  queuedAt?: number
}

/** One points movement a plan asks the ledger to make; `key` becomes the ledger entry's `_id`. */
export interface PointsAward {
  key: string
  memberId: string
  reason: 'checkin' | 'group_bonus' | 'streak_bonus' | 'completion' | 'makeup' | 'tier_bonus' | 'badge'
  /** Signed: credits > 0, the make-up cost < 0. */
  amount: number
  /** What caused it (a check-in `_id`, an enrollment `_id`). */
  ref: string
}
