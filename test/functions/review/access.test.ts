import { startFunctions, type FunctionsHarness } from '../../support/functions'
import {
  at,
  checkinDoc,
  ensureMember,
  LI,
  OUTSIDER_TEACHER,
  periodWithSubmissions,
  review,
  reviewOk,
  reviewsOf,
  updateDoc,
  handTo,
} from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

describe('review access', () => {
  it('should refuse a member who reviews and write nothing', async () => {
    const { ids } = await periodWithSubmissions(h, ['acc-a'])
    await ensureMember(h, 'acc-member')
    const res = await review(h, 'submitReview', { checkinId: ids[0], comment: '很好', score: 5 }, 'acc-member')
    expect(res).toMatchObject({ code: 'REVIEW.NOT_TEACHER' })
    expect(await reviewsOf(h, ids[0])).toHaveLength(0)
    expect((await checkinDoc(h, ids[0])).reviewStatus).toBe('pending')
  })

  it('should refuse a teacher who is not assigned to the period and write nothing', async () => {
    const { ids } = await periodWithSubmissions(h, ['acc-b'])
    const res = await review(h, 'submitReview', { checkinId: ids[0], comment: '很好' }, OUTSIDER_TEACHER)
    expect(res).toMatchObject({ code: 'REVIEW.NOT_ASSIGNED' })
    expect(await reviewsOf(h, ids[0])).toHaveLength(0)
  })

  it('should refuse a member the queue', async () => {
    await ensureMember(h, 'acc-member')
    expect(await review(h, 'queue', {}, 'acc-member')).toMatchObject({ code: 'REVIEW.NOT_TEACHER' })
  })

  it('should show an unassigned teacher none of the period in the queue and refuse its filter', async () => {
    const { period } = await periodWithSubmissions(h, ['acc-c'])
    const page = await reviewOk(h, 'queue', {}, OUTSIDER_TEACHER)
    expect(page.items.filter((i) => i.periodId === period._id)).toHaveLength(0)
    expect(await review(h, 'queue', { periodId: period._id }, OUTSIDER_TEACHER)).toMatchObject({ code: 'REVIEW.NOT_ASSIGNED' })
  })

  it('should show a teacher narrowed to a team only that team’s submissions', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['acc-t1', 'acc-t2'], { teacherTeams: { [LI]: ['team-red'] } }, null)
    await updateDoc(h, 'checkins', ids[0], { teamId: 'team-red' })
    // The red team's item is his (fair distribution would deal it to him; an operator places it here).
    await handTo(h, ids[0], LI)
    const page = await reviewOk(h, 'queue', { periodId: period._id }, LI)
    expect(page.items.map((i) => i.id)).toEqual([ids[0]])
    expect(await review(h, 'open', { checkinId: ids[1] }, LI)).toMatchObject({ code: 'REVIEW.NOT_ASSIGNED' })
  })
})
