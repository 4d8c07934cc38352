/**
 * Every write of a featured review fails cleanly (issue #12 items 1 and 7): the review, the featured bonus and the
 * member's review_received / featured events commit together or not at all; a retry with the page's request id
 * succeeds once, and after a lost commit answer it answers the first review. Failure shape: platform-facts
 * "errCode -502001 is generic".
 */
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { faultMatrix, type FaultFlow } from '../../support/write-faults'
import { emptyStatsDoc, statsDay, statsDocId } from '../../../cloudfunctions/src/domain/review/stats-counter'
import { at, LI, periodWithSubmissions, review } from '../review/support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
  await at(h, '2026-03-02 10:00')
})
afterAll(() => h.close())

const reviewFlow: FaultFlow<{ who: string; checkinId: string }> = {
  name: 'featured-review',
  async prepare(h, who) {
    const { ids } = await periodWithSubmissions(h, [who])
    // LI's counter doc of the day exists for every run (the clean one included), so each run makes the same writes:
    // one `_.inc` update of it inside the review's transaction. Its creation by a day's first review is the ledger's
    // update-then-set path, failed write by write in checkin.test.ts.
    const day = statsDay(h.emu.clock.now())
    if ((await h.emu.db.count('review_stats', { _id: statsDocId(LI, day) })) === 0)
      await h.emu.db.insert('review_stats', [emptyStatsDoc(LI, day)])
    return { who, checkinId: ids[0] }
  },
  act: (h, { who, checkinId }) =>
    review(h, 'submitReview', { checkinId, comment: '读得很流利', score: 5, featured: true, requestId: `rv-${who}`.slice(0, 36) }, LI),
  async outcome(h, { who, checkinId }) {
    const reviews = (await h.emu.db.find('reviews', { checkinId })) as { comment: string; editedAt: number | null }[]
    const entries = (await h.emu.db.find('points_entries', { memberId: who })) as { reason: string; amount: number }[]
    const events = (await h.emu.db.find('events', { memberId: who })) as { type: string }[]
    return {
      reviews: reviews.map((r) => `${r.comment}:${r.editedAt === null ? 'unedited' : 'edited'}`),
      entries: entries.map((e) => `${e.reason}:${e.amount}`).sort(),
      events: events.map((e) => e.type).sort(),
      // The teacher's day counters commit with the review: exactly one count per review of theirs, whatever failed.
      teacherCountsEveryReviewOnce: await teacherCountsMatch(h),
    }
  },
  // After the commit and never failing the review: the member's one subscribe message (at most once, see README).
  // And the teacher's presence (fair distribution, issue #17 item 2: throttled, best-effort after the review).
  afterCommit: ['review_credits', 'review_presence'],
}

/** LI's day counters against LI's reviews: every review counted once, none counted without its review. */
async function teacherCountsMatch(h: FunctionsHarness): Promise<boolean> {
  const reviews = (await h.emu.db.find('reviews', { reviewerId: LI })) as { reviewedAt: number }[]
  const stats = (await h.emu.db.find('review_stats', { teacherId: LI })) as { reviewed: number }[]
  return reviews.length > 0 && stats.reduce((n, s) => n + s.reviewed, 0) === reviews.length
}

describe('a featured review under a failed write', () => faultMatrix(reviewFlow, () => h, 4))
