/**
 * Leaderboards and the featured feed, paged by cursor on an index, never scanned: each page is ONE aggregate that
 * matches on the index prefix, sorts by it, limits to a page + 1 and joins the members' public profiles ($lookup on
 * `_id`). The leaderboard adds the period read (its rules recompute live streaks): two requests per page at most.
 */
import type { FeedRequest, LeaderboardRequest } from '../../contracts/camp'
import { toFeedPage, toLeaderboardPage, type FeedPage, type LeaderboardPage } from '../../contracts/camp-views'
import { LEADERBOARD_FIELD, type CampRejection, type CheckinDoc, type EnrollmentDoc } from '../../domain/camp'
import { command } from '../../shared/repository'
import type { z } from 'zod'
import { profileLookup, profilesFrom, withoutProfile, type WithProfile } from '../identity/profiles'
import { CHECKINS, ENROLLMENTS, repo, visiblePeriod } from './store'

const PROFILE_LOOKUP = profileLookup('memberId')

export type LeaderboardInput = Omit<z.infer<typeof LeaderboardRequest>, 'action'>

export async function leaderboard(input: LeaderboardInput, viewerId: string, now: number): Promise<LeaderboardPage | CampRejection> {
  const { periodId, board, cursor, limit } = input
  const field = LEADERBOARD_FIELD[board]
  const _ = command()
  const match: Record<string, unknown> = { periodId }
  if (cursor) match[field] = _.lt(cursor.before)
  const [period, res] = await Promise.all([
    visiblePeriod(periodId),
    repo
      .col(ENROLLMENTS)
      .aggregate()
      .match(match)
      .sort({ [field]: -1 })
      .limit(limit + 1)
      .lookup(PROFILE_LOOKUP)
      .end<WithProfile<EnrollmentDoc>>(),
  ])
  if ('ok' in period) return period
  const rows = res.list
  return toLeaderboardPage(period, board, rows.map(withoutProfile), limit, cursor, profilesFrom(rows), viewerId, now)
}

export type FeedInput = Omit<z.infer<typeof FeedRequest>, 'action'>

/** Featured check-ins that passed content security, newest feature first; ties in `_id` order, resumed by a skip count. */
export async function feed(input: FeedInput): Promise<FeedPage> {
  const { periodId, cursor, limit } = input
  const _ = command()
  const base = { periodId, featured: true, moderation: 'pass' }
  const match = cursor ? { ...base, featuredAt: _.lte(cursor.beforeAt) } : base
  const res = await repo
    .col(CHECKINS)
    .aggregate()
    .match(match)
    .sort({ featuredAt: -1, _id: -1 })
    .skip(cursor?.skip ?? 0)
    .limit(limit + 1)
    .lookup(PROFILE_LOOKUP)
    .end<WithProfile<CheckinDoc>>()
  const rows = res.list
  return toFeedPage(rows.map(withoutProfile), limit, profilesFrom(rows), cursor)
}
