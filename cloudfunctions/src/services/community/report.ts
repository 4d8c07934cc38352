/**
 * The learning report of an ended period (rules in domain/community/report.ts): the member's own (`myReport`), a
 * member's for staff by handle (`memberReport`: admins, and teachers of the period narrowed to their teams) and the
 * operator's list of the period's members to pick from (`reportMembers`).
 *
 * Reads, all by `_id` or on an index, none growing with the member's history or the period's size: the period, the
 * enrollment, the team membership and the profile; then the camp, the check-ins of the member's days (≤ 21 ids), their
 * reviews (≤ 2 × 21 ids), the ledger entries under every key the period could have booked for the member and those
 * keys' reversals (one `_id` read, < 1000 ids) and the period's ≤ 100 teams. Nine requests in three parallel rounds (one more for staff: the handle).
 */
import type { LearningReportView, ReportMemberRow, ReportMembersPage } from '../../contracts/community'
import { periodTitle } from '../../contracts/review-views'
import { checkinId, lastDayOf, type PeriodDoc } from '../../domain/camp'
import {
  BADGE_LABEL,
  learningReport,
  periodAwardKeys,
  periodPoints,
  qualifyingBadges,
  rejectReport,
  reportReady,
  type ReportRejection,
} from '../../domain/community'
import { can, publicIdOf, type Actor } from '../../domain/identity'
import type { Rejection } from '../../domain/kernel'
import { campForReport, checkinsOnDays, enrollmentForReport, enrollmentsJoinedAfter, periodForTeams } from '../camp/community-reads'
import { memberByHandle } from '../identity/directory'
import { entriesByKeys } from '../points/ledger'
import { reviewsOfCheckins } from '../review/community-reads'
import { rankedTeams } from './board'
import { cursorPosition } from './manage'
import { membershipOf, teamsOf } from './store'
import { profile, profilesOf } from './views'

/** The ended, visible period, or why there is no report (yet). */
async function endedPeriod(periodId: string, now: number): Promise<PeriodDoc | ReportRejection> {
  const period = await periodForTeams(periodId)
  if (!period || period.status === 'draft') return rejectReport('COMMUNITY.PERIOD_NOT_FOUND')
  return reportReady(period, now) ? period : rejectReport('COMMUNITY.REPORT_NOT_READY')
}

async function reportOf(period: PeriodDoc, memberId: string): Promise<LearningReportView | ReportRejection> {
  const [enrollment, membership, profiles] = await Promise.all([
    enrollmentForReport(period._id, memberId),
    membershipOf(period._id, memberId),
    profilesOf([memberId]),
  ])
  if (!enrollment) return rejectReport('COMMUNITY.NOT_ENROLLED')
  const days = [...enrollment.checkedDays, ...enrollment.madeUpDays]
  // Check-ins and their reviews are keyed by (period, day, member) and round, so all of this is one parallel round.
  const [camp, checkins, reviews, entries, teams] = await Promise.all([
    campForReport(period.campId),
    checkinsOnDays(period._id, memberId, days),
    reviewsOfCheckins(days.map((d) => checkinId(period._id, d, memberId))),
    entriesByKeys(periodAwardKeys(period, memberId)),
    membership ? teamsOf(period._id) : Promise.resolve([]),
  ])
  const featured = new Set(checkins.filter((c) => c.featured).map((c) => c._id))
  const points = periodPoints([...entries.values()].filter((e) => e.memberId === memberId))
  const report = learningReport({
    lengthDays: period.lengthDays,
    checkedDays: enrollment.checkedDays,
    madeUpDays: enrollment.madeUpDays,
    keepsStreak: period.makeup.keepsStreak,
    pointsEarned: points.earned,
    completed: enrollment.completed,
    // The badges earned (stored when earned, never removed: an un-featured check-in keeps 首次精选) and any the day
    // sets qualify for that were earned before badges were stored.
    badges: [
      ...(enrollment.badges ?? []),
      ...qualifyingBadges({
        startDay: period.startDay,
        lengthDays: period.lengthDays,
        checkedDays: enrollment.checkedDays,
        madeUpDays: enrollment.madeUpDays,
        keepsStreak: period.makeup.keepsStreak,
        featuredCount: featured.size,
      }),
    ],
    featuredCount: featured.size,
    reviews: reviews
      .sort((a, b) => a.reviewedAt - b.reviewedAt)
      .map((r) => ({ comment: r.comment, featured: featured.has(r.checkinId), at: r.reviewedAt })),
  })
  const ranked = membership ? rankedTeams(teams, 'period', lastDayOf(period)) : []
  const mine = membership ? ranked.find((r) => r.index === membership.teamIndex) : undefined
  return {
    periodId: period._id,
    campId: period.campId,
    campTitle: camp?.title ?? '',
    periodTitle: periodTitle({ ...period, campTitle: camp?.title }),
    startDay: period.startDay,
    endDay: lastDayOf(period),
    member: profile(profiles, memberId),
    lengthDays: report.lengthDays,
    daysChecked: report.daysChecked,
    daysMadeUp: report.daysMadeUp,
    attendancePercent: Math.round(report.attendance * 1000) / 10,
    longestStreak: report.longestStreak,
    featuredCount: report.featuredCount,
    completed: report.completed,
    badges: report.badges.map((b) => ({ value: b, label: BADGE_LABEL[b] })),
    comments: { count: report.commentsReceived, highlights: report.highlights },
    points: { earned: report.pointsEarned, spent: points.spent },
    team: mine ? { name: mine.name, rank: mine.rank, teams: ranked.length } : null,
  }
}

export async function myReport(periodId: string, memberId: string, now: number): Promise<LearningReportView | ReportRejection> {
  const period = await endedPeriod(periodId, now)
  return 'ok' in period ? period : reportOf(period, memberId)
}

/**
 * A member's report for staff, by the handle a staff list showed. Teachers only for periods they teach, and when
 * narrowed to teams only for members of those teams (the enrollment's team, checked by the policy).
 */
export async function memberReport(
  periodId: string,
  actor: Actor,
  handle: string,
  now: number,
): Promise<LearningReportView | ReportRejection | Rejection> {
  const period = await endedPeriod(periodId, now)
  if ('ok' in period) return period
  const member = await memberByHandle(handle)
  if (!member) return rejectReport('COMMUNITY.MEMBER_NOT_FOUND')
  const membership = await membershipOf(periodId, member._id)
  const allowed = can(actor, 'report.member', {
    periodId,
    teacherIds: period.teacherIds,
    teacherTeams: period.teacherTeams,
    teamId: membership?.teamId ?? null,
  })
  if (!allowed.ok) return allowed
  return reportOf(period, member._id)
}

const MEMBERS_PAGE = 50

/** The period's members in join order, 50 a page; the cursor is `joinedAt~handle` like the unassigned list's. */
export async function reportMembers(
  periodId: string,
  cursor: string | undefined,
  now: number,
): Promise<ReportMembersPage | ReportRejection> {
  const period = await endedPeriod(periodId, now)
  if ('ok' in period) return period
  const after = cursor ? await cursorPosition(periodId, cursor) : null
  if (cursor && !after) return rejectReport('COMMUNITY.CURSOR_INVALID')
  const page = await enrollmentsJoinedAfter(periodId, after, MEMBERS_PAGE + 1)
  const shown = page.slice(0, MEMBERS_PAGE)
  const profiles = await profilesOf(shown.map((e) => e.memberId))
  const last = shown[shown.length - 1]
  return {
    periodTitle: periodTitle(period),
    lengthDays: period.lengthDays,
    members: shown.map((e): ReportMemberRow => ({
      member: profile(profiles, e.memberId),
      daysChecked: e.checkedDays.length,
      daysMadeUp: e.madeUpDays.length,
    })),
    cursor: page.length > MEMBERS_PAGE && last ? `${last.joinedAt}~${publicIdOf(last.memberId)}` : null,
  }
}
