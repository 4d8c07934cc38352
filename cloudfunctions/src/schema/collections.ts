/**
 * The database manifest: every collection the cloud functions use and its indexes.
 * CloudBase does not create collections on write, so the emulator (`db.migrate`)
 * and the deploy checklist both read this list. Features add their collections here.
 * The emulator checks it against CloudBase's limits (emulator/db/collection-spec.ts `validateCollections`).
 */
import type { ConversionDoc, ConversionRoundsDoc, MemberLayerDoc, PeriodDayStatsDoc } from '../domain/analytics'
import type { CampDoc, CheckinDoc, EnrollmentDoc, QueueCounterDoc } from '../domain/camp'
import type { ClassSession, FreeClass, Signup } from '../domain/classes'
import type { EventDoc } from '../domain/identity'
import type { InviteCodeDoc, InviteDailyDoc, InviteDoc, InvitePosterDoc, InviteStatsDoc } from '../domain/invites'
import type { CounterShard, DownloadDoc, MaterialDoc, UnlockDoc } from '../domain/materials'
import type { BalanceDoc, LedgerEntry } from '../domain/points'
import type { PhrasesDoc, Presence, ReadMarkDoc, ReviewDoc, TeacherDayStatsDoc } from '../domain/review'
import type { PeriodFunnelDoc } from '../services/analytics/funnel'
import type { LayerPathsDoc } from '../services/analytics/member-layer'
import type { RunDoc } from '../services/analytics/recompute'
import type { MemberWithAvatarCheck } from '../services/identity/avatar-verdicts'
import type { SeatShard as PeriodSeatShard, StoredPeriod } from '../services/camp/seats'
import type { SeatShard as ClassSeatShard } from '../services/classes/seats'
import type { LedgerDoc } from '../services/mall/codes'
import type { OrderRecord, StockShard, StoredItem, StoredOrder } from '../services/mall/store'
import type { ReviewCreditsDoc } from '../services/review/credits'
import type { TeamDoc, TeamMemberDoc, TeamSplitDoc } from '../services/community/store'
import type { AiUsageDoc, DraftDoc } from '../domain/review/draft-prompt'

/**
 * Records another feature keeps on the ledger entry that paid for them, one field each, typed by their owner: one
 * document instead of two, so the entry insert that books the spend exactly once (its `_id` is the idempotency key)
 * stores the record in the same request. The points rules never read them (services/points/attached.ts).
 */
export interface EntryAttachments {
  /** A redemption's order on its `redeem:{orderId}` entry (services/mall/store.ts; the order id is derived from the entry id). */
  order?: OrderRecord
}

/**
 * The document type of every collection (what a read of it answers). The repository layer
 * (shared/repository.ts) types every read and write by this map, so services never cast a result.
 * Types live in the domain, or in the owning feature's service layer for storage-only shapes (shards, cursors).
 */
export interface CollectionDocs {
  sys_meta: { _id: string } & Record<string, unknown>
  members: MemberWithAvatarCheck
  /** Stored events all have an `_id`: a naturally-once event's key, the server's for the rest. */
  events: EventDoc & { _id: string }
  points_entries: LedgerEntry & EntryAttachments
  points_balances: BalanceDoc & { mallRedeemed?: Record<string, number> }
  mall_items: StoredItem
  mall_stock: StockShard
  mall_code_ledger: LedgerDoc
  /** Legacy: orders stored before they moved onto their redeem entries (read only by the mall's migration). */
  mall_orders: StoredOrder
  camps: CampDoc
  periods: StoredPeriod
  period_seats: PeriodSeatShard
  enrollments: EnrollmentDoc
  checkins: CheckinDoc
  queue_counters: QueueCounterDoc
  reviews: ReviewDoc
  review_stats: TeacherDayStatsDoc
  review_phrases: PhrasesDoc
  review_credits: ReviewCreditsDoc
  review_reads: ReadMarkDoc
  review_drafts: DraftDoc
  review_ai_usage: AiUsageDoc
  review_presence: Presence
  class_signups: Signup
  materials: MaterialDoc
  material_unlocks: UnlockDoc
  material_downloads: DownloadDoc
  material_counters: CounterShard
  classes: FreeClass
  class_sessions: ClassSession
  class_seats: ClassSeatShard
  invite_codes: InviteCodeDoc
  invite_posters: InvitePosterDoc
  invites: InviteDoc
  invite_stats: InviteStatsDoc
  invite_daily: InviteDailyDoc
  period_day_stats: PeriodDayStatsDoc
  period_funnels: PeriodFunnelDoc
  member_layers: MemberLayerDoc
  layer_paths: LayerPathsDoc
  conversion_rounds: ConversionRoundsDoc
  conversions: ConversionDoc
  analytics_runs: RunDoc
  teams: TeamDoc
  team_members: TeamMemberDoc
  team_splits: TeamSplitDoc
}

export type CollectionName = keyof CollectionDocs

/** The service features (cloudfunctions/src/services/<feature>); `shared` marks operational records any feature keys by its own ids. */
export type Feature =
  | 'shared'
  | 'analytics'
  | 'camp'
  | 'classes'
  | 'community'
  | 'identity'
  | 'invites'
  | 'mall'
  | 'materials'
  | 'points'
  | 'review'
  | 'tracking'

/**
 * Which feature owns each collection: only that feature's repository module (services/<feature>/store.ts or
 * repo.ts) names it; other features go through the functions the owner exports (scripts/check-deps.ts).
 */
export const OWNER = {
  sys_meta: 'shared',
  members: 'identity',
  events: 'tracking',
  points_entries: 'points',
  points_balances: 'points',
  mall_items: 'mall',
  mall_stock: 'mall',
  mall_code_ledger: 'mall',
  mall_orders: 'mall',
  camps: 'camp',
  periods: 'camp',
  period_seats: 'camp',
  enrollments: 'camp',
  checkins: 'camp',
  queue_counters: 'camp',
  reviews: 'review',
  review_stats: 'review',
  review_phrases: 'review',
  review_credits: 'review',
  review_reads: 'review',
  review_drafts: 'review',
  review_ai_usage: 'review',
  review_presence: 'review',
  class_signups: 'classes',
  materials: 'materials',
  material_unlocks: 'materials',
  material_downloads: 'materials',
  material_counters: 'materials',
  classes: 'classes',
  class_sessions: 'classes',
  class_seats: 'classes',
  invite_codes: 'invites',
  invite_posters: 'invites',
  invites: 'invites',
  invite_stats: 'invites',
  invite_daily: 'invites',
  period_day_stats: 'analytics',
  period_funnels: 'analytics',
  member_layers: 'analytics',
  layer_paths: 'analytics',
  conversion_rounds: 'analytics',
  conversions: 'analytics',
  analytics_runs: 'analytics',
  teams: 'community',
  team_members: 'community',
  team_splits: 'community',
} as const satisfies Record<CollectionName, Feature>

/** The collections feature `F` owns (plus the shared operational records). */
export type OwnedBy<F extends Feature> = {
  [K in CollectionName]: (typeof OWNER)[K] extends F | 'shared' ? K : never
}[CollectionName]

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  indexes: IndexSpec[]
}

/** Every entry names a collection of `CollectionDocs`; test/scripts/check-deps.test.ts checks the two list the same names. */
export const COLLECTIONS: (CollectionSpec & { name: CollectionName })[] = [
  /** Small operational records (e.g. the demo-seed marker, job cursors). */
  { name: 'sys_meta', indexes: [] },
  /** One document per member, `_id` = openid. */
  {
    name: 'members',
    indexes: [
      { name: 'role_created', keys: { role: 1, createdAt: -1 } },
      /** mediaCheckAsync callbacks for avatars waiting for their verdict. */
      { name: 'avatar_trace', keys: { 'pendingAvatar.traceId': 1 } },
      /** Staff screens name a member by its public id (services/identity/directory.ts). */
      { name: 'public_id', keys: { publicId: 1 } },
      /** The roles screen lists teachers and admins. */
      { name: 'roles_created', keys: { roles: 1, createdAt: -1 } },
    ],
  },
  /** Conversion events (schema in domain/identity/events.ts); naturally-once events use their key as `_id`. */
  {
    name: 'events',
    indexes: [
      { name: 'type_day', keys: { type: 1, day: 1 } },
      { name: 'period_type_day', keys: { periodId: 1, type: 1, day: 1 } },
      { name: 'member_at', keys: { memberId: 1, at: -1 } },
      { name: 'poster_type', keys: { posterCode: 1, type: 1 } },
      // ---- analytics: the layer timer's cursor walks events in commit order.
      { name: 'at_id', keys: { at: 1, _id: 1 } },
    ],
  },
  /** Append-only points ledger; `_id` is the idempotency key. */
  {
    name: 'points_entries',
    indexes: [
      /** History pages and the jobs' per-member walk: ledger order is (`at`, `_id`). */
      { name: 'member_at_id', keys: { memberId: 1, at: -1, _id: -1 } },
      { name: 'member_at', keys: { memberId: 1, at: -1 } },
      { name: 'reason_at', keys: { reason: 1, at: -1 } },
      { name: 'at', keys: { at: -1 } },
      // ---- the mall's orders live on their redeem entries (`order`, services/points/attached.ts; `at` = the order's createdAt).
      /** A member's orders, newest first. */
      { name: 'member_reason_at', keys: { memberId: 1, reason: 1, at: -1 } },
      /** A member's orders of one status, newest first; a fulfilled unlock order of one material (unlock lookups). */
      { name: 'member_reason_order_status_at', keys: { memberId: 1, reason: 1, 'order.status': 1, at: -1 } },
      /** The staff fulfilment queue, oldest first. */
      { name: 'reason_order_status_at', keys: { reason: 1, 'order.status': 1, at: 1 } },
    ],
  },
  /** One balance document per member, `_id` = openid, written with each entry. */
  { name: 'points_balances', indexes: [] },
  /** Mall items (configuration; read, not written, by redemptions). */
  {
    name: 'mall_items',
    indexes: [
      { name: 'shelf_created', keys: { onShelf: 1, createdAt: -1 } },
      { name: 'created', keys: { createdAt: -1 } },
      { name: 'code_pool', keys: { codePoolId: 1 } },
    ],
  },
  /** Stock shards `{itemId}~{k}` (and their unissued codes): redemptions of one item spread over them. */
  { name: 'mall_stock', indexes: [{ name: 'item', keys: { itemId: 1 } }] },
  /** Every redemption code ever imported per item, `{itemId}~{h}` (h = the code's hash): a code is never stocked twice. */
  { name: 'mall_code_ledger', indexes: [] },
  /**
   * Legacy orders, `_id` = `{member}.{requestId}`. Orders now live on their redeem entries (points_entries `order`), so
   * a redemption is one insert less; nothing writes here any more. Kept declared because a deployment from before the
   * change still holds documents here, which the mall's timer (and the `migrateLegacyOrders` admin action) moves onto
   * their entries (services/mall/migrate.ts); drop it once every deployment's copy is empty.
   */
  {
    name: 'mall_orders',
    indexes: [
      { name: 'member_created', keys: { memberId: 1, createdAt: -1 } },
      { name: 'member_status_created', keys: { memberId: 1, status: 1, createdAt: -1 } },
      { name: 'status_created', keys: { status: 1, createdAt: 1 } },
    ],
  },
  // ---- check-in camps (documents in domain/camp/model.ts)
  {
    name: 'camps',
    indexes: [
      { name: 'archived_created', keys: { archived: 1, createdAt: -1 } },
      { name: 'archived_subject_created', keys: { archived: 1, subject: 1, createdAt: -1 } },
      { name: 'archived_grade_created', keys: { archived: 1, gradeTags: 1, createdAt: -1 } },
      { name: 'created', keys: { createdAt: -1 } },
    ],
  },
  {
    name: 'periods',
    indexes: [
      /** 第 N 期 is unique within a camp: a double-submitted create fails instead of making two. */
      { name: 'camp_index', keys: { campId: 1, index: 1 }, unique: true },
      { name: 'camp_status_start', keys: { campId: 1, status: 1, startDay: 1 } },
      { name: 'status', keys: { status: 1 } },
      { name: 'teachers', keys: { teacherIds: 1 } },
    ],
  },
  /** A period's capacity as seat shards `{periodId}~{k}` (services/camp/seats.ts). */
  { name: 'period_seats', indexes: [{ name: 'period', keys: { periodId: 1 } }] },
  /** `_id` = `{periodId}:{memberId}`. */
  {
    name: 'enrollments',
    indexes: [
      { name: 'period_streak_rank', keys: { periodId: 1, streakRank: -1 } },
      { name: 'period_checkin_rank', keys: { periodId: 1, checkinRank: -1 } },
      { name: 'period_id', keys: { periodId: 1, _id: 1 } },
      { name: 'member_joined', keys: { memberId: 1, joinedAt: -1 } },
      { name: 'reminder_next', keys: { reminderNextAt: 1 } },
      /** Teams place members who joined after the split in join order (services/camp/community-reads.ts). */
      { name: 'period_joined_id', keys: { periodId: 1, joinedAt: 1, _id: 1 } },
    ],
  },
  /** `_id` = `checkin:{periodId}:{day}:{memberId}`: one per member per business day. */
  {
    name: 'checkins',
    indexes: [
      { name: 'period_member_day', keys: { periodId: 1, memberId: 1, day: 1 } },
      { name: 'period_feed', keys: { periodId: 1, featured: 1, moderation: 1, featuredAt: -1, _id: -1 } },
      { name: 'period_review_submitted', keys: { periodId: 1, reviewStatus: 1, submittedAt: 1 } },
      /** Fair distribution (issue #17 item 2): a teacher's personal queue, the period's pool (null), a donor's items. */
      { name: 'period_review_assignee_submitted', keys: { periodId: 1, reviewStatus: 1, assigneeId: 1, submittedAt: 1 } },
      /** The review backlog's creations not folded into the counters yet (domain/camp/queue-counters.ts "Creations"). */
      { name: 'period_queued', keys: { periodId: 1, queuedAt: 1 } },
      /** The review queue's "flagged by content security" view. */
      { name: 'period_moderation_submitted', keys: { periodId: 1, moderation: 1, submittedAt: 1 } },
      { name: 'media_trace', keys: { 'mediaChecks.traceId': 1 } },
      // ---- a check-in has no event of its own (issue #12 item 9): its consumers read the check-in documents.
      /** Day stats: a period's check-ins of one day. */
      { name: 'period_day_makeup_id', keys: { periodId: 1, day: 1, makeup: 1, _id: 1 } },
      /** Invites settle: an invitee's first check-in. */
      { name: 'member_makeup_submitted', keys: { memberId: 1, makeup: 1, submittedAt: 1 } },
      /** The layer timer materialises check-in events in submission order. */
      { name: 'submitted_id', keys: { submittedAt: 1, _id: 1 } },
    ],
  },
  /**
   * The review queue's backlog counters `qc:{periodId}:{k}` (domain/camp/queue-counters.ts), written with `_.inc` in
   * the transaction of every check-in write that moves the backlog, read by `_id` only.
   */
  { name: 'queue_counters', indexes: [] },
  // ---- teacher review (documents in domain/review/model.ts)
  /** `_id` = `review:{checkinId}:{round}`: the first review of a round wins by key. */
  {
    name: 'reviews',
    indexes: [
      { name: 'reviewer_reviewed', keys: { reviewerId: 1, reviewedAt: -1 } },
      { name: 'period_reviewed', keys: { periodId: 1, reviewedAt: -1 } },
      { name: 'member_reviewed', keys: { memberId: 1, reviewedAt: -1 } },
    ],
  },
  /** Per-teacher day counters `stats:{teacherId}:{day}`, written with `_.inc` only. */
  { name: 'review_stats', indexes: [{ name: 'day_reviewed', keys: { day: 1, reviewed: -1 } }] },
  /** `phrases:{teacherId}`: a teacher's quick phrases. */
  { name: 'review_phrases', indexes: [] },
  /** `_id` = memberId: review-notification credits the member granted (services/review/credits.ts). */
  { name: 'review_credits', indexes: [] },
  /** `_id` = reviewId: the version of the review its member was shown (services/review/reads.ts). */
  { name: 'review_reads', indexes: [] },
  /** `draft:{checkinId}:{round}:{version}`: the AI draft of one submission (services/review/drafts.ts). */
  {
    name: 'review_drafts',
    /** A submit's check of the drafts served to its teacher (services/review/draft-store.ts draftsServedTo). */
    indexes: [{ name: 'checkin', keys: { checkinId: 1 } }],
  },
  /** `ai-usage:{day}`: model tokens used per Shanghai business day, `_.inc` only (the daily budget). */
  { name: 'review_ai_usage', indexes: [] },
  /** `_id` = teacherId: presence for fair distribution (domain/review/distribution.ts), written by their claims/submits. */
  { name: 'review_presence', indexes: [] },
  // ---- free classes (owned by the classes feature; the materials feature reads class_signups)
  /**
   * `_id` = `{classId}:{memberId}`: one signup per member per free class. `status` is one of
   * confirmed | waitlisted | cancelled | attended | absent; materials unlocked "after signup" look for
   * confirmed or attended.
   */
  {
    name: 'class_signups',
    indexes: [
      { name: 'member_status_created', keys: { memberId: 1, status: 1, createdAt: -1 } },
      /** My signups, newest first. */
      { name: 'member_created', keys: { memberId: 1, createdAt: -1 } },
      /** A session's waitlist in order (promotion, positions) and its seated roster. */
      { name: 'session_status_waited', keys: { sessionId: 1, status: 1, waitlistedAt: 1 } },
      /** Waitlists of sessions still to come (the waitlist sweep). */
      { name: 'status_start', keys: { status: 1, sessionStartAt: 1 } },
      { name: 'session_status_confirmed', keys: { sessionId: 1, status: 1, confirmedAt: 1 } },
      /** Leads by pipeline stage, and all leads, newest first. */
      { name: 'stage_created', keys: { stage: 1, createdAt: -1 } },
      { name: 'created', keys: { createdAt: -1 } },
      /** Due session reminders (only signups with a granted credit have one). */
      { name: 'remind_at', keys: { remindAt: 1 } },
    ],
  },
  // ---- materials (documents in domain/materials/model.ts and counters.ts)
  {
    name: 'materials',
    indexes: [
      /** The member catalog: on the shelf, newest first, optionally by subject and/or one grade tag. */
      { name: 'shelf_created', keys: { onShelf: 1, createdAt: -1 } },
      { name: 'shelf_subject_created', keys: { onShelf: 1, subject: 1, createdAt: -1 } },
      { name: 'shelf_grade_created', keys: { onShelf: 1, grades: 1, createdAt: -1 } },
      { name: 'shelf_subject_grade_created', keys: { onShelf: 1, subject: 1, grades: 1, createdAt: -1 } },
      /** The admin list, on and off the shelf. */
      { name: 'created', keys: { createdAt: -1 } },
    ],
  },
  /** `_id` = `{materialId}:{memberId}`: a member's points or signup unlock, written once. */
  { name: 'material_unlocks', indexes: [{ name: 'member_unlocked', keys: { memberId: 1, unlockedAt: -1 } }] },
  /** `_id` = `{materialId}:{memberId}`: one member's download count of one material (`_.inc`). */
  { name: 'material_downloads', indexes: [{ name: 'member_last', keys: { memberId: 1, lastAt: -1 } }] },
  /** Download totals as shards `{materialId}~{k}` (domain/materials/counters.ts), read per page of the admin list. */
  { name: 'material_counters', indexes: [{ name: 'material', keys: { materialId: 1 } }] },
  // ---- free classes (documents in domain/classes/model.ts; class_signups is listed above)
  {
    name: 'classes',
    indexes: [
      /** The member list: on the shelf, newest first, optionally by subject and/or one grade tag. */
      { name: 'shelf_created', keys: { onShelf: 1, createdAt: -1 } },
      { name: 'shelf_subject_created', keys: { onShelf: 1, subject: 1, createdAt: -1 } },
      { name: 'shelf_grade_created', keys: { onShelf: 1, grades: 1, createdAt: -1 } },
      { name: 'shelf_subject_grade_created', keys: { onShelf: 1, subject: 1, grades: 1, createdAt: -1 } },
      /** The admin list, on and off the shelf. */
      { name: 'created', keys: { createdAt: -1 } },
    ],
  },
  /** A class's time slots. */
  { name: 'class_sessions', indexes: [{ name: 'class_start', keys: { classId: 1, startAt: 1 } }] },
  /** A session's capacity as seat shards `{sessionId}~{k}` (services/classes/seats.ts). */
  { name: 'class_seats', indexes: [{ name: 'session', keys: { sessionId: 1 } }] },
  // ---- invites (documents in domain/invites/model.ts)
  /** `_id` = the code; one code per member. */
  { name: 'invite_codes', indexes: [{ name: 'member', keys: { memberId: 1 }, unique: true }] },
  /** `_id` = memberId: the cached mini-program code image. */
  { name: 'invite_posters', indexes: [] },
  /** `_id` = invitee openid: one attribution per member by construction. */
  {
    name: 'invites',
    indexes: [
      { name: 'inviter_claimed', keys: { inviterId: 1, claimedAt: -1 } },
      { name: 'inviter_status_claimed', keys: { inviterId: 1, status: 1, claimedAt: -1 } },
      /** The settle timer: open invites whose next check is due. */
      { name: 'status_next_check', keys: { status: 1, nextCheckAt: 1 } },
    ],
  },
  /** `_id` = inviter openid; the leaderboard reads it by count. */
  { name: 'invite_stats', indexes: [{ name: 'qualified_reached', keys: { qualified: -1, reachedAt: 1 } }] },
  /** `_id` = `{inviterId}@{day}`: rewards per inviter per Shanghai business day (the daily cap). */
  { name: 'invite_daily', indexes: [] },
  // ---- analytics (documents in domain/analytics)
  /** `{periodId}:{day}`: one period's numbers for one business day, overwritten by each recompute. */
  { name: 'period_day_stats', indexes: [{ name: 'period_day', keys: { periodId: 1, day: 1 } }] },
  /** `_id` = periodId: the funnel, curves and breakdowns, overwritten by each recompute. */
  { name: 'period_funnels', indexes: [] },
  /** `_id` = openid: highest lifecycle layer reached and last active day; dashboards count by index. */
  { name: 'member_layers', indexes: [{ name: 'layer_active', keys: { layer: 1, lastActiveDay: 1 } }] },
  /** `_id` = 'all': layer transition counters, incremented in the same transaction as the member's change. */
  { name: 'layer_paths', indexes: [] },
  /** `_id` = periodId: the period's post-camp conversion rounds. */
  { name: 'conversion_rounds', indexes: [] },
  /** `_id` = `{periodId}:{memberId}`: one paid conversion per member and period. */
  { name: 'conversions', indexes: [{ name: 'period_id', keys: { periodId: 1, _id: 1 } }] },
  /** `_id` = periodId: when a period was last recomputed on demand (refresh guard) or finalised after it ended. */
  { name: 'analytics_runs', indexes: [] },
  // ---- teams inside a period (services/community/store.ts; rules in domain/community/teams.ts)
  /** `_id` = `{periodId}:{index}`: one per team, with its size and the board counters the refresh job writes. */
  { name: 'teams', indexes: [{ name: 'period_index', keys: { periodId: 1, index: 1 }, unique: true }] },
  /** `_id` = `{periodId}:{memberId}`: the member's team and 组长 / 学习委员 role (at most one team per period). */
  {
    name: 'team_members',
    indexes: [
      /** A team's roster in join order (the leader's day, the operator's list). */
      { name: 'team_joined', keys: { teamId: 1, joinedAt: 1, _id: 1 } },
      /** The role holders of a team (seat checks). */
      { name: 'team_role', keys: { teamId: 1, teamRole: 1 } },
      /** Staff pick a member by handle (public id), never by openid. */
      { name: 'period_public', keys: { periodId: 1, publicId: 1 } },
    ],
  },
  /** `_id` = periodId: how the period was split and where late-joiner placement stands. */
  { name: 'team_splits', indexes: [{ name: 'active_refreshed', keys: { active: 1, refreshedAt: 1 } }] },
]
