import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { at, camp, checkinDoc, ensureMember, LI, periodWithSubmissions, review, reviewOk, today, WANG } from './support'
import { checkinId } from '../../../cloudfunctions/src/domain/camp'
import { publicIdOf } from '../../../cloudfunctions/src/domain/identity/public-id'
import { joined } from '../camp/support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions()
})
afterAll(() => h.close())
beforeEach(() => at(h, '2026-03-02 10:00'))

/** A period with one clean submission and one content security flagged 'review'. */
async function withFlagged(prefix: string) {
  const { period, ids } = await periodWithSubmissions(h, [`${prefix}-clean`])
  await joined(h, period, [`${prefix}-held`])
  await camp(h, 'checkin', { periodId: period._id, text: '这段话里有待审核词' }, `${prefix}-held`)
  return { period, clean: ids[0], held: checkinId(period._id, today(h), `${prefix}-held`) }
}

describe('moderation from the queue', () => {
  it('should list only flagged content in the flagged view', async () => {
    const { period, held } = await withFlagged('mod-a')
    const page = await reviewOk(h, 'queue', { periodId: period._id, kind: 'flagged' }, LI)
    expect(page.items).toEqual([expect.objectContaining({ id: held, flagged: true })])
  })

  it('should clear flagged content so it passes and stays in the pending queue', async () => {
    const { period, held } = await withFlagged('mod-b')
    expect(await reviewOk(h, 'moderate', { checkinId: held, decision: 'pass' }, LI)).toMatchObject({
      flagged: false,
      moderation: { value: 'pass' },
    })
    expect((await reviewOk(h, 'queue', { periodId: period._id, kind: 'flagged' }, LI)).items).toHaveLength(0)
    expect((await reviewOk(h, 'queue', { periodId: period._id }, LI)).items.map((i) => i.id)).toContain(held)
  })

  it('should reject flagged content: hidden, out of the pending queue and returned for the redo', async () => {
    const { period, held } = await withFlagged('mod-c')
    await reviewOk(h, 'moderate', { checkinId: held, decision: 'reject' }, WANG)
    expect(await checkinDoc(h, held)).toMatchObject({ moderation: 'risky', reviewStatus: 'returned' })
    expect((await reviewOk(h, 'queue', { periodId: period._id }, LI)).items.map((i) => i.id)).not.toContain(held)
  })

  it('should refuse to moderate content that was not flagged', async () => {
    const { clean } = await withFlagged('mod-d')
    expect(await review(h, 'moderate', { checkinId: clean, decision: 'reject' }, LI)).toMatchObject({ code: 'REVIEW.NOT_FLAGGED' })
    expect((await checkinDoc(h, clean)).moderation).toBe('pass')
  })
})

describe('teacher stats', () => {
  it('should count today’s reviews, returns and backlog per period from the counter', async () => {
    await ensureMember(h, 'st-admin', ['admin'])
    const { period, ids } = await periodWithSubmissions(h, ['st-a', 'st-b', 'st-c'])
    const before = await reviewOk(h, 'stats', {}, LI)
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: '好' }, LI)
    await reviewOk(h, 'returnForRedo', { checkinId: ids[1], reason: '重做' }, LI)
    const after = await reviewOk(h, 'stats', {}, LI)
    expect(after.reviewedToday - before.reviewedToday).toBe(2)
    expect(after.returnedToday - before.returnedToday).toBe(1)
    expect(after.periods.find((p) => p.periodId === period._id)).toMatchObject({ reviewed: 2, returned: 1, backlog: 1 })
    expect(after.medianWaitMinutes).not.toBeNull()
  })

  it('should show admins every teacher and refuse teachers the overview', async () => {
    await ensureMember(h, 'st-admin', ['admin'])
    await periodWithSubmissions(h, ['st-d'])
    const all = await reviewOk(h, 'statsAll', {}, 'st-admin')
    expect(all.items.map((i) => i.teacher.id)).toEqual(expect.arrayContaining([publicIdOf(LI), publicIdOf(WANG)]))
    expect((await review(h, 'statsAll', {}, LI)).code).not.toBe(0)
  })
})

describe('quick phrases', () => {
  it('should add, reorder and remove a teacher’s phrases and refuse duplicates', async () => {
    await periodWithSubmissions(h, [])
    await reviewOk(h, 'addPhrase', { text: '发音很标准' }, WANG)
    await reviewOk(h, 'addPhrase', { text: '继续加油' }, WANG)
    expect(await review(h, 'addPhrase', { text: '继续加油' }, WANG)).toMatchObject({ code: 'REVIEW.PHRASE_DUPLICATE' })
    expect(await reviewOk(h, 'reorderPhrases', { phrases: ['继续加油', '发音很标准'] }, WANG)).toEqual({
      phrases: ['继续加油', '发音很标准'],
    })
    await reviewOk(h, 'removePhrase', { text: '继续加油' }, WANG)
    expect(await reviewOk(h, 'listPhrases', {}, WANG)).toEqual({ phrases: ['发音很标准'] })
    expect(await reviewOk(h, 'listPhrases', {}, LI)).toEqual({ phrases: [] })
  })
})
