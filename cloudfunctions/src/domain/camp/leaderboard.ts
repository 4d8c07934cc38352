import type { EnrollmentDoc } from './model'

/**
 * Leaderboards page with an index, never a scan: each board has ONE denormalised string key on EnrollmentDoc whose
 * descending order is the rank order and which is unique (it ends with the member's public id, never the openid: the
 * key is the page cursor other members see). A page is
 *
 *   enrollments.where({ periodId, [field]: _.lt(cursor.before) })   // no `before` on the first page
 *              .orderBy(field, 'desc').limit(limit + 1)
 *
 * on the index { periodId: 1, [field]: -1 }, plus one `_id in [...]` read of the members' profiles: 2 requests,
 * whatever the period's size. The key is rewritten by every write that changes the counters (check-in, make-up).
 *
 * Streak board ranks by the BEST streak in the period: a current streak silently decays when someone stops (no write
 * happens), so ranking by it would keep quitters on top; the best streak never goes stale. Pages show both.
 * Ties: more checked days, then whoever got there first (earlier last check-in).
 */
export const LEADERBOARDS = ['streak', 'checkins'] as const
export type Leaderboard = (typeof LEADERBOARDS)[number]

export const LEADERBOARD_FIELD: Readonly<Record<Leaderboard, 'streakRank' | 'checkinRank'>> = {
  streak: 'streakRank',
  checkins: 'checkinRank',
}

export const LEADERBOARD_LABEL: Readonly<Record<Leaderboard, string>> = {
  streak: '连续打卡榜',
  checkins: '打卡天数榜',
}

/** 13 digits hold epoch ms until the year 2286. */
const LATEST = 9_999_999_999_999
const pad = (n: number, width: number) => String(Math.max(0, Math.min(n, 10 ** width - 1))).padStart(width, '0')

type RankInput = Pick<EnrollmentDoc, 'publicId' | 'bestStreak' | 'checkins' | 'makeups' | 'lastCheckinAt' | 'joinedAt'>

function earlierFirst(e: RankInput): string {
  return pad(LATEST - (e.lastCheckinAt ?? e.joinedAt), 13)
}

export function streakRankKey(e: RankInput): string {
  return [pad(e.bestStreak, 3), pad(e.checkins + e.makeups, 3), earlierFirst(e), e.publicId].join(':')
}

export function checkinRankKey(e: RankInput): string {
  return [pad(e.checkins + e.makeups, 3), pad(e.bestStreak, 3), earlierFirst(e), e.publicId].join(':')
}

export function rankKeys(e: RankInput): Pick<EnrollmentDoc, 'streakRank' | 'checkinRank'> {
  return { streakRank: streakRankKey(e), checkinRank: checkinRankKey(e) }
}

export interface LeaderboardCursor {
  /** The last row's key: the next page starts strictly below it. */
  before: string
  /** Rows already shown, so ranks continue (1-based rank = offset + position). */
  offset: number
}

export interface RankedEnrollment {
  rank: number
  enrollment: EnrollmentDoc
}

/**
 * Turns a fetched page (sorted by the board's key descending, fetched with limit + 1) into ranked rows and the next
 * cursor (null at the end). Ranks are positions; equal keys cannot happen because keys end with the public id.
 */
export function rankPage(
  board: Leaderboard,
  fetched: readonly EnrollmentDoc[],
  limit: number,
  cursor?: LeaderboardCursor,
): { rows: RankedEnrollment[]; next: LeaderboardCursor | null } {
  const offset = cursor?.offset ?? 0
  const page = fetched.slice(0, limit)
  const rows = page.map((enrollment, i) => ({ rank: offset + i + 1, enrollment }))
  const last = page[page.length - 1]
  const next = fetched.length > limit && last ? { before: last[LEADERBOARD_FIELD[board]], offset: offset + page.length } : null
  return { rows, next }
}
