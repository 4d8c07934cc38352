import {
  cleanDraft,
  dailyTokenBudget,
  DEFAULT_DAILY_TOKENS,
  DRAFT_CLAIM_TTL_MS,
  DRAFT_MAX_TOKENS,
  DRAFT_RETRY_MS,
  draftId,
  draftPrompt,
  draftTokenEstimate,
  fallbackOfFailure,
  IMAGE_TOKEN_ESTIMATE,
  reclaimable,
  type DraftFacts,
} from '../../../cloudfunctions/src/domain/review/draft-prompt'
import { countTokens, promptFacts } from '../../../emulator/ai'

const FACTS: DraftFacts = {
  task: { theme: '朗读《春晓》', instructions: '录一段朗读' },
  dayIndex: 3,
  memberName: '小明',
  text: '今天读了三遍，春眠不觉晓',
  imageCount: 1,
  voiceSec: 20,
  currentStreak: 3,
  earlierComments: ['读得很流利'],
  phrases: ['继续加油！'],
  teacherName: '李老师',
}

describe('draft prompt', () => {
  it('should carry the task, text, streak, earlier comments and the teacher’s phrases', () => {
    const { system, user } = draftPrompt(FACTS)
    expect(system).toContain('- 继续加油！')
    expect(promptFacts(user)).toEqual({ title: '朗读《春晓》', snippets: ['今天读了三遍，春眠不觉晓'], streak: 3 })
    expect(user).toContain('之前的点评：「读得很流利」')
    expect(user).toContain('附件：1 张图片、20 秒语音')
  })

  it('should name the day when it has no task, and say when there is no text', () => {
    const { user } = draftPrompt({ ...FACTS, task: null, text: '  ', imageCount: 0, voiceSec: null, earlierComments: [] })
    expect(user).toContain('任务：第 3 天打卡')
    expect(user).toContain('内容：（没有文字）')
    expect(user).not.toContain('之前的点评')
  })

  it('should clean the answer into a comment within the limit', () => {
    expect(cleanDraft('“**写得好**，继续！”')).toBe('写得好，继续！')
    expect([...cleanDraft('好'.repeat(600))]).toHaveLength(500)
    expect(cleanDraft('  ')).toBe('')
  })
})

describe('draft cache and budget rules', () => {
  it('should key a draft by submission version', () => {
    expect(draftId('checkin:p:2026-03-02:m', 0, null)).toBe('draft:checkin:p:2026-03-02:m:0:0')
    expect(draftId('checkin:p:2026-03-02:m', 1, 5)).toBe('draft:checkin:p:2026-03-02:m:1:5')
  })

  it('should let an abandoned claim or an old failure be claimed again, never a ready or withheld draft', () => {
    const at = 1_000_000
    expect(reclaimable({ status: 'drafting', claimedAt: at, doneAt: null }, at + DRAFT_CLAIM_TTL_MS - 1)).toBe(false)
    expect(reclaimable({ status: 'drafting', claimedAt: at, doneAt: null }, at + DRAFT_CLAIM_TTL_MS)).toBe(true)
    expect(reclaimable({ status: 'failed', claimedAt: at, doneAt: at }, at + DRAFT_RETRY_MS - 1)).toBe(false)
    expect(reclaimable({ status: 'failed', claimedAt: at, doneAt: at }, at + DRAFT_RETRY_MS)).toBe(true)
    expect(reclaimable({ status: 'ready', claimedAt: at, doneAt: at }, at + 10 * DRAFT_RETRY_MS)).toBe(false)
    expect(reclaimable({ status: 'withheld', claimedAt: at, doneAt: at }, at + 10 * DRAFT_RETRY_MS)).toBe(false)
  })

  it('should read the daily budget, falling back to the default for anything but a non-negative integer', () => {
    expect(dailyTokenBudget('5000')).toBe(5000)
    expect(dailyTokenBudget('0')).toBe(0)
    for (const bad of [undefined, '', '-1', '1.5', 'lots']) expect(dailyTokenBudget(bad)).toBe(DEFAULT_DAILY_TOKENS)
  })

  it('should tell the page why a failed draft is missing', () => {
    expect(fallbackOfFailure('timeout')).toBe('slow')
    expect(fallbackOfFailure('quota')).toBe('budget')
    expect(fallbackOfFailure('budget')).toBe('budget')
    expect(fallbackOfFailure('error')).toBe('error')
    expect(fallbackOfFailure('empty')).toBe('error')
  })
})

describe('token estimate', () => {
  it('should reserve at least what the call can use: the prompt as counted, its framing and the longest answer', () => {
    for (const facts of [FACTS, { ...FACTS, text: 'I read three chapters today and wrote 200 words.'.repeat(20) }]) {
      const prompt = draftPrompt(facts)
      const est = draftTokenEstimate(prompt, DRAFT_MAX_TOKENS)
      // The emulator's count: its tokens plus 3 per message of framing.
      const counted = countTokens(prompt.system) + countTokens(prompt.user) + 2 * 3
      expect(est).toBeGreaterThanOrEqual(counted + DRAFT_MAX_TOKENS)
      expect(est).toBe([...prompt.system].length + [...prompt.user].length + 8 + DRAFT_MAX_TOKENS)
    }
  })
})

describe('photos in the prompt', () => {
  it('should say when the photos go with the prompt, and reserve tokens for each', () => {
    expect(draftPrompt({ ...FACTS, imageCount: 2, imagesAttached: 2 }).user).toContain('附件：2 张图片（附上，请结合图片内容点评）')
    expect(draftPrompt({ ...FACTS, imageCount: 5, imagesAttached: 3 }).user).toContain('5 张图片（附上前 3 张，请结合图片内容点评）')
    expect(draftPrompt({ ...FACTS, imageCount: 2, imagesAttached: 0 }).user).toContain('附件：2 张图片、20 秒语音')
    const prompt = draftPrompt(FACTS)
    expect(draftTokenEstimate(prompt, DRAFT_MAX_TOKENS, 2)).toBe(draftTokenEstimate(prompt, DRAFT_MAX_TOKENS) + 2 * IMAGE_TOKEN_ESTIMATE)
  })
})
