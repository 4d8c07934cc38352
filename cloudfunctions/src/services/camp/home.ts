/**
 * 首页 / 我的 in one call (`camp.home`): the member's enrollments, points balance, unread reviews and the listed camps
 * in one parallel wave; then the periods and camps they name; then today's check-in of each joined period by id.
 * 3 waves, every read by id or on a declared index. The unread reviews are the review feature's: its caller passes
 * the read in (`unreadReviews`), so camp never depends on review (review is downstream of camp).
 */
import { toHomeView, type HomeView } from '../../contracts/home-views'
import { checkinId, todayOf, type PeriodDoc } from '../../domain/camp'
import type { ReviewDoc } from '../../domain/review'
import { command } from '../../shared/repository'
import { balanceOf } from '../points/ledger'
import { CAMPS, CHECKINS, ENROLLMENTS, PERIODS, repo } from './store'

/** Enrollments looked at (newest first): a member is in a handful of camps at a time. */
const MAX_ENROLLMENTS = 30
/** Camps considered for 报名中. */
const MAX_LISTED = 20

/** The member's unread teacher reviews (services/review/reads.ts `myUnreadReviews`). */
export type UnreadReviewsOf = (memberId: string) => Promise<readonly ReviewDoc[]>

export async function home(memberId: string, now: number, unreadReviews: UnreadReviewsOf): Promise<HomeView> {
  const _ = command()
  const [enrollments, balance, unread, listed] = await Promise.all([
    repo.col(ENROLLMENTS).where({ memberId }).orderBy('joinedAt', 'desc').limit(MAX_ENROLLMENTS).get(),
    balanceOf(memberId),
    unreadReviews(memberId),
    repo.col(CAMPS).where({ archived: false }).orderBy('createdAt', 'desc').limit(MAX_LISTED).get(),
  ])
  const listedIds = listed.data.map((c) => c._id)
  const [periods, camps, listedPeriods] = await Promise.all([
    repo.byIds(
      PERIODS,
      enrollments.data.map((e) => e.periodId),
    ),
    repo.byIds(CAMPS, [...new Set([...enrollments.data.map((e) => e.campId), ...unread.map((r) => r.campId)])]),
    listedIds.length
      ? repo
          .col(PERIODS)
          .where({ campId: _.in(listedIds), status: 'open' })
          .orderBy('startDay', 'asc')
          .limit(1000)
          .get()
      : Promise.resolve({ data: [] as PeriodDoc[] }),
  ])
  const checkinIds = enrollments.data.flatMap((e) => {
    const p = periods.get(e.periodId)
    return p ? [checkinId(p._id, todayOf(p, now), memberId)] : []
  })
  const checkins = await repo.byIds(CHECKINS, checkinIds)
  return toHomeView(
    {
      enrollments: enrollments.data,
      periods,
      camps,
      todayCheckins: new Map([...checkins.values()].map((c) => [c.periodId, c])),
      balance: balance?.balance ?? 0,
      unread,
      listed: listed.data,
      listedPeriods: listedPeriods.data,
    },
    now,
  )
}
