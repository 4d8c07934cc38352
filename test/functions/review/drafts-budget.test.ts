/**
 * The drafts service in this process (the real wx-server-sdk pointed at the emulator), where the function's env
 * (CAMP_AI_DAILY_TOKENS) and the model call's timeout timer can be set: the per-day token budget counted per
 * Asia/Shanghai business day, drafting switched off, and a model too slow to wait for.
 */
import { draftFor, DRAFT_TIMEOUT_MS } from '../../../cloudfunctions/src/services/review/drafts'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { pastModelTimeout } from '../../support/slow-model'
import { at, LI, periodWithSubmissions } from './support'

let h: FunctionsHarness

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())
beforeEach(async () => {
  await at(h, '2026-03-02 10:00')
  h.emu.faults.clear()
  delete process.env.CAMP_AI_DAILY_TOKENS
})
afterEach(() => {
  delete process.env.CAMP_AI_DAILY_TOKENS
})

const usage = async (day: string) =>
  ((await h.emu.db.find('review_ai_usage', { _id: `ai-usage:${day}` })) as { tokens: number; calls: number }[])[0]
const draftNow = (checkinId: string) => draftFor(LI, checkinId, h.emu.clock.now())
const draftDoc = async (checkinId: string) =>
  ((await h.emu.db.find('review_drafts', { checkinId })) as { reserved: number; status: string; failure: string | null }[])[0]

describe('AI draft budget and timeouts', () => {
  it('should count tokens per Shanghai business day and stop at the budget until the day turns', async () => {
    const { ids } = await periodWithSubmissions(h, ['bd-a', 'bd-b', 'bd-c'])
    const before = h.emu.ai.tokensUsed()
    await at(h, '2026-03-02 23:50')
    expect(await draftNow(ids[0])).toMatchObject({ state: 'draft' })
    const first = await usage('2026-03-02')
    // Settled: the reservation was replaced by the tokens the model reported.
    expect(first).toEqual(expect.objectContaining({ tokens: h.emu.ai.tokensUsed() - before, calls: 1 }))
    const estimate = (await draftDoc(ids[0])).reserved
    expect(estimate).toBeGreaterThan(first.tokens)
    // One token short of another call's estimate (the three drafts' prompts are the same length): phrases, no model call.
    process.env.CAMP_AI_DAILY_TOKENS = String(first.tokens + estimate - 1)
    expect(await draftNow(ids[1])).toMatchObject({ state: 'phrases', reason: 'budget' })
    expect(h.emu.ai.tokensUsed() - before).toBe(first.tokens)
    expect(await usage('2026-03-02')).toEqual(first)
    // 00:05 in Shanghai is still 2026-03-02 in UTC: a new business day, a new budget (the refusal is retried then).
    await at(h, '2026-03-03 00:05')
    expect(new Date(h.emu.clock.now()).toISOString().slice(0, 10)).toBe('2026-03-02')
    expect(await draftNow(ids[1])).toMatchObject({ state: 'draft' })
    const second = await usage('2026-03-03')
    expect(second).toEqual(expect.objectContaining({ calls: 1, tokens: first.tokens }))
    expect(await usage('2026-03-02')).toEqual(first)
    expect(await draftNow(ids[2])).toMatchObject({ state: 'phrases', reason: 'budget' })
    expect(await usage('2026-03-03')).toEqual(second)
  })

  it('should never take the day past its budget with 20 parallel draft requests', async () => {
    const members = Array.from({ length: 20 }, (_, i) => `bp-${String(i).padStart(2, '0')}`)
    const { ids } = await periodWithSubmissions(h, [...members, 'bp-xx'])
    const probe = ids.pop()!
    // One call's estimate, from a submission of the same shape.
    expect(await draftNow(probe)).toMatchObject({ state: 'draft' })
    const estimate = (await draftDoc(probe)).reserved
    // Room for three more estimates today, not four.
    const budget = (await usage('2026-03-02')).tokens + 3 * estimate + Math.floor(estimate / 2)
    process.env.CAMP_AI_DAILY_TOKENS = String(budget)
    const spentBefore = h.emu.ai.tokensUsed()
    const answers = await Promise.all(ids.map((id) => draftNow(id)))
    const drafted = answers.filter((a) => 'state' in a && a.state === 'draft').length
    const refused = answers.filter((a) => 'state' in a && a.state === 'phrases' && a.reason === 'budget').length
    expect(drafted + refused).toBe(20)
    expect(drafted).toBeGreaterThanOrEqual(3)
    const dayBefore = budget - 3 * estimate - Math.floor(estimate / 2)
    const day = await usage('2026-03-02')
    // Not at all: what the model answered (its own count) and the day's counter stay within the budget.
    expect(dayBefore + h.emu.ai.tokensUsed() - spentBefore).toBeLessThanOrEqual(budget)
    expect(day.tokens).toBe(dayBefore + h.emu.ai.tokensUsed() - spentBefore)
    expect(day.tokens).toBeLessThanOrEqual(budget)
  })

  it('should give a failed model call its reservation back', async () => {
    const { ids } = await periodWithSubmissions(h, ['bf-a', 'bf-b'])
    await at(h, '2026-03-04 09:00')
    expect(await draftNow(ids[0])).toMatchObject({ state: 'draft' })
    const settled = await usage('2026-03-04')
    h.emu.faults.failNext({ action: 'ai.chat' })
    expect(await draftNow(ids[1])).toMatchObject({ state: 'phrases', reason: 'error' })
    expect((await draftDoc(ids[1])).reserved).toBeGreaterThan(0)
    expect(await usage('2026-03-04')).toEqual(settled)
  })

  it('should not call the model at all when the budget is 0 (drafting off)', async () => {
    const { ids } = await periodWithSubmissions(h, ['bd-off'])
    process.env.CAMP_AI_DAILY_TOKENS = '0'
    const before = h.emu.ai.tokensUsed()
    expect(await draftNow(ids[0])).toMatchObject({ state: 'phrases', reason: 'off', label: '未开启 AI 草稿，使用常用语' })
    expect(h.emu.ai.tokensUsed()).toBe(before)
  })

  it('should fall back to phrases when the model answers slower than the draft timeout', async () => {
    const { ids } = await periodWithSubmissions(h, ['bd-slow'])
    const before = (await usage('2026-03-02'))?.tokens ?? 0
    expect(await pastModelTimeout(h, DRAFT_TIMEOUT_MS, () => draftNow(ids[0]))).toMatchObject({
      state: 'phrases',
      reason: 'slow',
      label: 'AI 草稿生成较慢，使用常用语',
    })
    expect(await h.emu.db.find('review_drafts', { checkinId: ids[0] })).toEqual([
      expect.objectContaining({ status: 'failed', failure: 'timeout', text: '' }),
    ])
    // A model that timed out may still answer (and bill): its reservation stays counted.
    expect((await usage('2026-03-02')).tokens).toBe(before + (await draftDoc(ids[0])).reserved)
  })
})
