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

describe('AI draft budget and timeouts', () => {
  it('should count tokens per Shanghai business day and stop at the budget until the day turns', async () => {
    const { ids } = await periodWithSubmissions(h, ['bd-a', 'bd-b', 'bd-c'])
    process.env.CAMP_AI_DAILY_TOKENS = '1'
    const before = h.emu.ai.tokensUsed()
    await at(h, '2026-03-02 23:50')
    expect(await draftNow(ids[0])).toMatchObject({ state: 'draft' })
    const first = await usage('2026-03-02')
    expect(first).toEqual(expect.objectContaining({ tokens: h.emu.ai.tokensUsed() - before, calls: 1 }))
    expect(first.tokens).toBeGreaterThan(1)
    // Today's budget is spent: phrases, and no model call.
    expect(await draftNow(ids[1])).toMatchObject({ state: 'phrases', reason: 'budget' })
    // 00:05 in Shanghai is still 2026-03-02 in UTC: a new business day, a new budget.
    await at(h, '2026-03-03 00:05')
    expect(new Date(h.emu.clock.now()).toISOString().slice(0, 10)).toBe('2026-03-02')
    expect(await draftNow(ids[1])).toMatchObject({ state: 'draft' })
    expect(await usage('2026-03-03')).toEqual(expect.objectContaining({ calls: 1 }))
    expect(await usage('2026-03-02')).toEqual(first)
    expect(await draftNow(ids[2])).toMatchObject({ state: 'phrases', reason: 'budget' })
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
    expect(await pastModelTimeout(h, DRAFT_TIMEOUT_MS, () => draftNow(ids[0]))).toMatchObject({
      state: 'phrases',
      reason: 'slow',
      label: 'AI 草稿生成较慢，使用常用语',
    })
    expect(await h.emu.db.find('review_drafts', { checkinId: ids[0] })).toEqual([
      expect.objectContaining({ status: 'failed', failure: 'timeout', text: '' }),
    ])
  })
})
