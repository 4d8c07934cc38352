/**
 * shared/ai.ts against the emulator's AI gateway (the real wx-server-sdk in this process): a draft, or a `failed`
 * value for every way the model call can go wrong — never a throw.
 */
import { generateText, modelOf } from '../../../cloudfunctions/src/shared/ai'
import { startFunctions, type FunctionsHarness } from '../../support/functions'
import { pastModelTimeout } from '../../support/slow-model'

let h: FunctionsHarness
const ASK = { system: '你是老师', user: '任务：背诵《春晓》\n内容：春眠不觉晓\n连续 3 天', timeoutMs: 10_000 }

beforeAll(async () => {
  h = await startFunctions({ sdkInProcess: true })
})
afterAll(() => h.close())
beforeEach(() => {
  h.emu.faults.clear()
  h.emu.requests.reset()
  h.emu.requests.counting = true
  delete process.env.CAMP_AI_MODEL
})

describe('shared/ai generateText', () => {
  it('should return the draft and its usage from the model named by CAMP_AI_MODEL', async () => {
    process.env.CAMP_AI_MODEL = 'deepseek/deepseek-v3'
    const out = await generateText(ASK)
    expect(out).toEqual({
      text: expect.stringContaining('春眠不觉晓'),
      usage: expect.objectContaining({ total_tokens: expect.any(Number) }),
    })
    expect(h.emu.requests.trail.filter((r) => r.action === 'ai.chat')).toEqual([{ action: 'ai.chat', collection: 'deepseek' }])
  })

  it('should read a bare group name as both group and model', () => {
    expect(modelOf('cloudbase')).toEqual({ group: 'cloudbase', model: 'cloudbase' })
    expect(modelOf('hunyuan-exp/hunyuan-turbos-latest')).toEqual({ group: 'hunyuan-exp', model: 'hunyuan-turbos-latest' })
  })

  it('should map an exhausted token quota to failed: quota', async () => {
    h.emu.faults.failNext({ action: 'ai.chat', code: 'EXCEED_TOKEN_QUOTA_LIMIT' })
    expect(await generateText(ASK)).toEqual({ failed: 'quota', code: 'EXCEED_TOKEN_QUOTA_LIMIT' })
  })

  it('should map a model failure and a group not enabled to failed: error', async () => {
    h.emu.faults.failNext({ action: 'ai.chat' })
    expect(await generateText(ASK)).toEqual({ failed: 'error', code: 'AI_MODEL_REQUEST_FAILED' })
    expect(await generateText({ ...ASK, model: 'moonshot/moonshot-v1-8k' })).toEqual({ failed: 'error', code: 'AI_MODEL_DISABLED' })
  })

  it('should map an answer slower than timeoutMs to failed: timeout', async () => {
    expect(await pastModelTimeout(h, ASK.timeoutMs, () => generateText(ASK))).toEqual({ failed: 'timeout' })
  })

  it('should not throw when the gateway cannot be reached', async () => {
    const saved = process.env.TCB_CONTEXT_CNFG
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: 'http://127.0.0.1:9/admin' })
    try {
      expect(await generateText(ASK)).toEqual({ failed: 'error', code: 'ECONNREFUSED' })
    } finally {
      process.env.TCB_CONTEXT_CNFG = saved
    }
  })
})
