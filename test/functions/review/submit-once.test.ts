/**
 * A review submit is idempotent on its request id (issue #13 item 8): the same submit arriving twice — a double tap, a
 * retry after a lost answer — answers the first review and stores no edit; a submit with a new id is an edit as before.
 */
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, LI, periodWithSubmissions, review, reviewOk, reviewsOf } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

describe('submitting a review once per request id', () => {
  it('should answer parallel copies of one submit with the first review and store it once, unedited', async () => {
    const { ids } = await periodWithSubmissions(h, ['once-a'])
    const submit = { checkinId: ids[0], comment: '读得很流利', score: 4, requestId: 'review-tap-0001' }
    const answers = await Promise.all(Array.from({ length: 6 }, () => review(h, 'submitReview', submit, LI)))
    expect(answers.map((a) => a.code)).toEqual(Array(6).fill(0))
    const [stored] = (await reviewsOf(h, ids[0])) as unknown as { comment: string; editedAt: number | null; requestId?: string }[]
    expect(await reviewsOf(h, ids[0])).toHaveLength(1)
    expect(stored).toMatchObject({ comment: '读得很流利', editedAt: null, requestId: 'review-tap-0001' })
    // A later retry of the same submit, with other text, still answers the stored review and changes nothing.
    const retry = await reviewOk(h, 'submitReview', { ...submit, comment: '重试' }, LI)
    expect(retry).toMatchObject({ comment: '读得很流利' })
    expect(((await reviewsOf(h, ids[0])) as unknown as { comment: string }[])[0].comment).toBe('读得很流利')
  })
})
