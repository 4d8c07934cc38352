/**
 * AI-drafted comments through the emulator: the review function's `draft` / `prefetchDrafts` actions ask the
 * emulator's AI gateway (deterministic drafter) and its msgSecCheck; the teacher's submit records whether it started from the draft.
 */
import type { DraftView } from '../../../cloudfunctions/src/contracts/review-views'
import { DRAFT_RETRY_MS } from '../../../cloudfunctions/src/domain/review/draft-prompt'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { itemOf } from './distribution-support'
import { at, LI, OUTSIDER_TEACHER, periodWithSubmissions, review, reviewOk, updateDoc, WANG, advance } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())
beforeEach(async () => {
  await at(h, '2026-03-02 10:00')
  h.emu.faults.clear()
  h.emu.ai.setTokenBudget(undefined)
  h.emu.requests.reset()
  h.emu.requests.counting = true
})

const draft = (checkinId: string, who = LI) => reviewOk(h, 'draft', { checkinId }, who)
const modelCalls = () => h.emu.requests.ai()
const draftDocs = (checkinId: string) =>
  h.emu.db.find('review_drafts', { checkinId }) as Promise<{ status: string; text: string; tokens: number; failure: string | null }[]>

async function withPhrases(phrases: string[], who = LI): Promise<void> {
  const { phrases: now } = await reviewOk(h, 'listPhrases', {}, who)
  for (const p of phrases) if (!now.includes(p)) await reviewOk(h, 'addPhrase', { text: p }, who)
}

describe('AI drafts', () => {
  it('should have a draft written from the submission ready, and record that the submitted comment started from it', async () => {
    const { ids } = await periodWithSubmissions(h, ['dr-a', 'dr-b'])
    await withPhrases(['继续加油！'])
    const first = await draft(ids[0])
    expect(first).toEqual({
      state: 'draft',
      text: expect.stringContaining('dr-a 的今日打卡'),
      label: 'AI 草稿，可修改后提交',
      phrases: ['继续加油！'],
    })
    // Cached: the same draft again, no second model call.
    expect(await draft(ids[0])).toEqual(first)
    expect(modelCalls()).toBe(1)
    const text = (first as Extract<DraftView, { state: 'draft' }>).text
    await reviewOk(h, 'submitReview', { checkinId: ids[0], comment: `${text} 老师补一句`, fromDraft: true }, LI)
    await reviewOk(h, 'submitReview', { checkinId: ids[1], comment: '手写的点评' }, LI)
    const reviews = (await h.emu.db.find('reviews', { reviewerId: LI })) as { checkinId: string; comment: string; draft?: object }[]
    expect(reviews.find((r) => r.checkinId === ids[0])).toMatchObject({
      comment: `${text} 老师补一句`,
      draft: { used: true, editedChars: 6 },
    })
    expect(reviews.find((r) => r.checkinId === ids[1])?.draft).toBeUndefined()
    // Reviewed: no draft any more (and no model call for it).
    expect(await draft(ids[0])).toMatchObject({ state: 'phrases', reason: 'reviewed' })
    expect(modelCalls()).toBe(1)
  })

  it('should refuse a draft to a teacher who may not open the submission', async () => {
    const { ids } = await periodWithSubmissions(h, ['dr-out'])
    expect(await review(h, 'draft', { checkinId: ids[0] }, OUTSIDER_TEACHER)).toMatchObject({ code: 'REVIEW.NOT_ASSIGNED' })
    expect(await review(h, 'draft', { checkinId: ids[0] }, 'dr-out')).toMatchObject({ code: 'REVIEW.NOT_TEACHER' })
    expect(modelCalls()).toBe(0)
  })

  it("should fall back to the teacher's phrases when the environment's model quota is used up", async () => {
    const { ids } = await periodWithSubmissions(h, ['dr-quota'])
    await withPhrases(['写得真好'])
    h.emu.ai.setTokenBudget(0)
    expect(await draft(ids[0])).toEqual({
      state: 'phrases',
      reason: 'budget',
      label: '今日 AI 额度已用完，使用常用语',
      phrases: expect.arrayContaining(['写得真好']),
    })
  })

  it('should fall back to phrases when the model fails, and try again only after a while', async () => {
    const { ids } = await periodWithSubmissions(h, ['dr-err'])
    // Two faults armed: a second model call right away would use up the second one.
    h.emu.faults.failNext({ action: 'ai.chat', times: 2 })
    expect(await draft(ids[0])).toMatchObject({ state: 'phrases', reason: 'error', label: 'AI 草稿暂不可用，使用常用语' })
    expect(await draft(ids[0])).toMatchObject({ state: 'phrases', reason: 'error' })
    expect(h.emu.faults.pending()).toBe(1)
    h.emu.faults.clear()
    await advance(h, DRAFT_RETRY_MS)
    expect(await draft(ids[0])).toMatchObject({ state: 'draft' })
    expect(modelCalls()).toBe(1)
  })

  it('should never show a draft that content security calls risky', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['dr-risky'])
    // The drafter quotes the day's task: a task theme with a risky word makes a risky draft.
    await updateDoc(h, 'periods', period._id, { tasks: [{ day: 1, theme: '赌博的危害', instructions: '说说你的看法' }] })
    const out = await draft(ids[0])
    expect(out).toMatchObject({ state: 'phrases', reason: 'withheld' })
    expect(JSON.stringify(out)).not.toContain('赌博')
    expect(await draftDocs(ids[0])).toEqual([expect.objectContaining({ status: 'withheld', text: '' })])
    // Withheld for good: asking again neither shows it nor calls the model.
    expect(await draft(ids[0])).toMatchObject({ state: 'phrases', reason: 'withheld' })
    expect(modelCalls()).toBe(1)
  })

  it('should make one model call for two racing draft requests', async () => {
    const { ids } = await periodWithSubmissions(h, ['dr-race'])
    // Asking for a draft opens the item, so it takes 李老师's lease: the racers are his own taps (another teacher is
    // refused with REVIEW.LEASED, fair distribution issue #17 item 2).
    const answers = await Promise.all([draft(ids[0], LI), draft(ids[0], LI), draft(ids[0], LI)])
    expect(modelCalls()).toBe(1)
    expect((await review(h, 'draft', { checkinId: ids[0] }, WANG)).code).toBe('REVIEW.LEASED')
    const written = answers.filter((a) => a.state === 'draft')
    expect(written.length).toBeGreaterThanOrEqual(1)
    for (const a of answers) if (a.state === 'phrases') expect(a.reason).toBe('drafting')
    expect(await draft(ids[0], LI)).toMatchObject({ state: 'draft', text: (written[0] as { text: string }).text })
    expect(await draftDocs(ids[0])).toHaveLength(1)
    expect(modelCalls()).toBe(1)
  })

  it('should prepare the drafts of the next items in the queue, bounded by count', async () => {
    const { period, ids } = await periodWithSubmissions(h, ['dr-q1', 'dr-q2', 'dr-q3', 'dr-q4'])
    const opened = await reviewOk(h, 'open', { checkinId: ids[0] }, LI)
    const out = await reviewOk(h, 'prefetchDrafts', { periodId: period._id, after: opened.item.cursor, count: 2 }, LI)
    expect(out.items).toEqual([
      { checkinId: ids[1], state: 'draft' },
      { checkinId: ids[2], state: 'draft' },
    ])
    expect(modelCalls()).toBe(2)
    // Preparing ahead leaves the teacher's one lease on the item they have open (the e2e of fair distribution found
    // the prefetch taking it: the open item's lease was gone and another teacher could open it).
    expect((await itemOf(h, ids[0])).lease).toMatchObject({ holder: LI })
    expect((await itemOf(h, ids[1])).lease ?? null).toBeNull()
    expect((await itemOf(h, ids[2])).lease ?? null).toBeNull()
    expect((await review(h, 'open', { checkinId: ids[0] }, WANG)).code).toBe('REVIEW.LEASED')
    expect(await draft(ids[1])).toMatchObject({ state: 'draft', text: expect.stringContaining('dr-q2') })
    expect(modelCalls()).toBe(2)
    expect(await review(h, 'prefetchDrafts', { after: opened.item.cursor, count: 10 }, LI)).toMatchObject({ code: 'REQUEST.INVALID' })
  })
})
