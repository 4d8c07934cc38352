/**
 * 首页 / 我的 in one call (`camp.home`): the member's enrollments, points balance, unread reviews and the listed camps
 * in one parallel wave; then the periods and camps they name; then today's check-in of each joined period by id.
 * 3 waves, every read by id or on a declared index.
 */
import { toHomeView, type HomeView } from '../../contracts/home-views'
import { checkinId, todayOf, type CampDoc, type CheckinDoc, type EnrollmentDoc, type PeriodDoc } from '../../domain/camp'
import { byIds, db } from '../../shared/db'
import { balanceOf } from '../points/ledger'
import { myUnreadReviews } from '../review/reads'
import { CAMPS, CHECKINS, ENROLLMENTS, PERIODS } from './store'

/** Enrollments looked at (newest first): a member is in a handful of camps at a time. */
const MAX_ENROLLMENTS = 30
/** Camps considered for 报名中. */
const MAX_LISTED = 20

export async function home(memberId: string, now: number): Promise<HomeView> {
  const _ = db().command
  const [enrollments, balance, unread, listed] = await Promise.all([
    db().collection(ENROLLMENTS).where({ memberId }).orderBy('joinedAt', 'desc').limit(MAX_ENROLLMENTS).get() as unknown as Promise<{
      data: EnrollmentDoc[]
    }>,
    balanceOf(memberId),
    myUnreadReviews(memberId),
    db().collection(CAMPS).where({ archived: false }).orderBy('createdAt', 'desc').limit(MAX_LISTED).get() as unknown as Promise<{
      data: CampDoc[]
    }>,
  ])
  const listedIds = listed.data.map((c) => c._id)
  const [periods, camps, listedPeriods] = await Promise.all([
    byIds<PeriodDoc>(
      PERIODS,
      enrollments.data.map((e) => e.periodId),
    ),
    byIds<CampDoc>(CAMPS, [...new Set([...enrollments.data.map((e) => e.campId), ...unread.map((r) => r.campId)])]),
    listedIds.length
      ? (db()
          .collection(PERIODS)
          .where({ campId: _.in(listedIds), status: 'open' })
          .orderBy('startDay', 'asc')
          .limit(1000)
          .get() as unknown as Promise<{ data: PeriodDoc[] }>)
      : Promise.resolve({ data: [] as PeriodDoc[] }),
  ])
  const checkinIds = enrollments.data.flatMap((e) => {
    const p = periods.get(e.periodId)
    return p ? [checkinId(p._id, todayOf(p, now), memberId)] : []
  })
  const checkins = await byIds<CheckinDoc>(CHECKINS, checkinIds)
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
