/**
 * The unchanged wx-server-sdk's `cloud.ai()` against the emulator's AI gateway, in this process (pointSdkAt installs
 * the gateway redirect). Wire facts and their sources:
 *  - base URL `https://{envId}.api.tcloudbasegateway.com/v1` (@cloudbase/node-sdk 3.17.2 dist/ai/index.js createAI,
 *    dist/utils/tcbopenapiendpoint.js), model path `/ai/{group}/chat/completions` (@cloudbase/ai 2.30.0 src/AI.ts,
 *    src/models/HunYuanExp|DeepSeek|Default);
 *  - one `POST /auth/v1/token/clientCredential` before every model request (dist/ai/index.js → dist/auth/index.js
 *    getClientCredential), its `access_token` sent as `Authorization: Bearer` (dist/utils/tcbopenapicommonrequester.js);
 *  - generateText reads `choices[0].message.content` and sums `usage` (src/models/model.ts generateText); streamText
 *    reads SSE `choices[0].delta.content` and the last usage seen (src/models/model.ts streamText, src/utils.ts
 *    intoStandardStream);
 *  - a non-2xx answer throws TcbError{code: body.code} — but only when the body reached the adapter unparsed
 *    (dist/ai/request-adapter.js), i.e. streamed calls; a plain call keeps only the HTTP status as its code;
 *  - error codes: docs.cloudbase.net/http-api/ai-model (AI 大模型接入 → 错误码) and
 *    docs.cloudbase.net/error-code/EXCEED_TOKEN_QUOTA_LIMIT.
 */
import { createEmulator, type Emulator } from '../../../emulator'
import { IMAGE_TOKENS } from '../../../emulator/ai'
import { pointSdkAt } from '../../../emulator/core/sdk-env'
import { FIXTURES } from '../functions/harness'

type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number }
interface Model {
  generateText(input: object): Promise<{ text: string; usage: Usage }>
  streamText(input: object): Promise<{ textStream: AsyncIterable<string>; usage: Promise<Usage> }>
}
interface AiCloud {
  ai(): { createModel(group: string): Model }
}

const PROMPT = [
  { role: 'system', content: '你是一位耐心的老师，请写一句点评。' },
  { role: 'user', content: '任务：朗读《静夜思》\n内容：床前明月光，疑是地上霜\n该学员已连续 5 天打卡' },
]

let emu: Emulator
let cloud: AiCloud

beforeAll(async () => {
  emu = await createEmulator({ functionsDir: FIXTURES })
  pointSdkAt(emu.url)
  const sdk = require('wx-server-sdk')
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  cloud = sdk as AiCloud
})
afterAll(() => emu.close())
beforeEach(() => {
  emu.faults.clear()
  emu.requests.reset()
  emu.requests.counting = true
  emu.ai.setTokenBudget(undefined)
})

async function failure(call: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await call
  } catch (err) {
    return { code: (err as { code?: string }).code, message: String((err as Error).message) }
  }
  throw new Error('expected the model call to fail')
}

async function streamed(group: string, model: string, messages: object[] = PROMPT) {
  const answer = await cloud.ai().createModel(group).streamText({ model, messages })
  const pieces: string[] = []
  for await (const piece of answer.textStream) pieces.push(piece)
  return { pieces, usage: await answer.usage }
}

describe('AI gateway: answers', () => {
  it('should answer generateText with a draft built from the prompt and token usage', async () => {
    const answer = await cloud.ai().createModel('hunyuan-exp').generateText({ model: 'hunyuan-turbos-latest', messages: PROMPT })
    expect(answer.text).toContain('床前明月光')
    expect(answer.text).toContain('连续打卡5天')
    expect(answer.usage.prompt_tokens).toBeGreaterThan(0)
    expect(answer.usage.completion_tokens).toBeGreaterThan(0)
    expect(answer.usage.total_tokens).toBe(answer.usage.prompt_tokens + answer.usage.completion_tokens)
    expect(emu.requests.byAction()).toEqual({ 'auth.clientCredential': 1, 'ai.chat': 1 })
    expect(emu.requests.ai()).toBe(1)
  })

  it('should give the same text for the same messages and model', async () => {
    const model = cloud.ai().createModel('deepseek')
    const a = await model.generateText({ model: 'deepseek-v3', messages: PROMPT })
    const b = await model.generateText({ model: 'deepseek-v3', messages: PROMPT })
    expect(b.text).toBe(a.text)
  })

  it('should stream the same text in several SSE pieces with the final usage', async () => {
    const plain = await cloud.ai().createModel('cloudbase').generateText({ model: 'any-enabled', messages: PROMPT })
    for (const group of ['hunyuan-exp', 'deepseek', 'cloudbase']) {
      const { pieces, usage } = await streamed(group, 'any-enabled')
      expect(pieces.length).toBeGreaterThan(1)
      expect(pieces.join('')).toBe(plain.text)
      expect(usage).toEqual(plain.usage)
    }
  })

  it('should count tokens against the budget and refuse beyond it with EXCEED_TOKEN_QUOTA_LIMIT', async () => {
    const before = emu.ai.tokensUsed()
    const first = await cloud.ai().createModel('hunyuan-exp').generateText({ model: 'm', messages: PROMPT })
    expect(emu.ai.tokensUsed() - before).toBe(first.usage.total_tokens)
    emu.ai.setTokenBudget(emu.ai.tokensUsed())
    const streamedFailure = await failure(streamed('hunyuan-exp', 'm'))
    expect(streamedFailure.code).toBe('EXCEED_TOKEN_QUOTA_LIMIT')
    // A plain call loses the gateway's code in the SDK and keeps the HTTP status only.
    expect((await failure(cloud.ai().createModel('hunyuan-exp').generateText({ model: 'm', messages: PROMPT }))).code).toBe('429')
  })
})

describe('AI gateway: what it refuses', () => {
  it('should refuse an unknown group, a group not enabled, and a missing model', async () => {
    expect((await failure(streamed('no-such-group', 'm'))).code).toBe('AI_MODEL_NOT_FOUND')
    expect((await failure(streamed('moonshot', 'm'))).code).toBe('AI_MODEL_DISABLED')
    expect((await failure(streamed('deepseek', ''))).code).toBe('AI_MODEL_PARAM_REQUIRED')
  })

  it('should refuse a model name the group does not list when the groups are configured', async () => {
    const strict = await createEmulator({ functionsDir: FIXTURES, ai: { groups: { deepseek: ['deepseek-v3'] } } })
    try {
      pointSdkAt(strict.url)
      expect((await failure(streamed('deepseek', 'deepseek-r9'))).code).toBe('AI_MODEL_NOT_SUPPORTED')
      expect((await streamed('deepseek', 'deepseek-v3')).pieces.length).toBeGreaterThan(0)
      expect((await failure(streamed('hunyuan-exp', 'x'))).code).toBe('AI_MODEL_DISABLED')
    } finally {
      pointSdkAt(emu.url)
      await strict.close()
    }
  })
})

describe('AI gateway: faults and drafter override', () => {
  it('should fail the next model call as a model failure, and the one after it succeeds', async () => {
    emu.faults.failNext({ action: 'ai.chat' })
    expect((await failure(streamed('hunyuan-exp', 'm'))).code).toBe('AI_MODEL_REQUEST_FAILED')
    expect(emu.faults.pending()).toBe(0)
    expect((await streamed('hunyuan-exp', 'm')).pieces.length).toBeGreaterThan(0)
  })

  it('should fail only the chosen group when the fault names it as its collection', async () => {
    emu.faults.failNext({ action: 'ai.chat', collection: 'deepseek', code: 'EXCEED_TOKEN_QUOTA_LIMIT' })
    await streamed('hunyuan-exp', 'm')
    expect(emu.faults.pending()).toBe(1)
    expect((await failure(streamed('deepseek', 'm'))).code).toBe('EXCEED_TOKEN_QUOTA_LIMIT')
  })

  it('should hold a slow answer until the emulator clock has moved past its delay', async () => {
    emu.faults.slowNext({ action: 'ai.chat', delayMs: 30_000 })
    const held = emu.ai.nextHeld()
    let settled = false
    const answer = cloud
      .ai()
      .createModel('hunyuan-exp')
      .generateText({ model: 'm', messages: PROMPT })
      .finally(() => (settled = true))
    await held
    // Real time flows under the emulator clock too: leave a wide margin before the due time.
    emu.clock.advance(25_000)
    expect(emu.ai.held()).toBe(1)
    expect(settled).toBe(false)
    emu.clock.advance(5_000)
    expect((await answer).text.length).toBeGreaterThan(0)
    expect(emu.ai.held()).toBe(0)
  })

  it('should answer with the drafter a test passes in', async () => {
    const seen: string[] = []
    const custom = await createEmulator({
      functionsDir: FIXTURES,
      ai: { draft: (messages, model) => (seen.push(model), `草稿:${messages.length}`) },
    })
    try {
      pointSdkAt(custom.url)
      const answer = await cloud.ai().createModel('deepseek').generateText({ model: 'deepseek-v3', messages: PROMPT })
      expect(answer.text).toBe('草稿:2')
      expect(seen).toEqual(['deepseek-v3'])
    } finally {
      pointSdkAt(emu.url)
      await custom.close()
    }
  })
})

describe('AI gateway from a function bundle', () => {
  it('should answer the unchanged SDK inside a function worker, plain and streamed', async () => {
    const plain = (await emu.call('aiCaller', { group: 'hunyuan-exp', model: 'm', messages: PROMPT }, 'o-teacher')) as {
      text: string
      usage: Usage
    }
    expect(plain.text).toContain('静夜思')
    const stream = (await emu.call('aiCaller', { group: 'hunyuan-exp', model: 'm', messages: PROMPT, stream: true }, 'o-teacher')) as {
      pieces: string[]
      usage: Usage
    }
    expect(stream.pieces.join('')).toBe(plain.text)
    expect(stream.usage).toEqual(plain.usage)
    expect(emu.requests.ai()).toBe(2)
  })

  it('should surface an injected quota failure to the function with its code', async () => {
    emu.faults.failNext({ action: 'ai.chat', code: 'EXCEED_TOKEN_QUOTA_LIMIT' })
    const out = (await emu.call('aiCaller', { group: 'deepseek', model: 'm', messages: PROMPT, stream: true }, 'o-teacher')) as {
      error: { code: string }
    }
    expect(out.error.code).toBe('EXCEED_TOKEN_QUOTA_LIMIT')
  })
})

/** A user message with image blocks (CloudBase 多模态理解, docs.cloudbase.net/ai/model/multimodal). */
const withImage = (url: string) => [
  PROMPT[0],
  {
    role: 'user',
    content: [
      { type: 'text', text: PROMPT[1].content },
      { type: 'image_url', image_url: { url } },
    ],
  },
]

describe('AI gateway: images', () => {
  it('should let a multimodal model read an image by URL, counting its tokens, and say it looked', async () => {
    const text = await streamed('cloudbase', 'glm-5v-turbo', [PROMPT[0], { role: 'user', content: PROMPT[1].content }])
    const seen = await streamed('cloudbase', 'glm-5v-turbo', withImage('https://example.com/photo.jpg'))
    expect(seen.pieces.join('')).toMatch(/照片也仔细看了|图片里的细节也看到了/)
    expect(text.pieces.join('')).not.toMatch(/照片也仔细看了|图片里的细节也看到了/)
    expect(seen.usage.prompt_tokens - text.usage.prompt_tokens).toBe(IMAGE_TOKENS)
    expect((await streamed('cloudbase', 'kimi-k2.5', withImage('data:image/png;base64,iVBORw0KGgo='))).pieces.length).toBeGreaterThan(0)
  })

  it('should refuse images to a text model, a URL to a Base64-only model, and a link the model cannot fetch', async () => {
    expect((await failure(streamed('hunyuan-exp', 'hunyuan-turbos-latest', withImage('https://example.com/p.jpg')))).code).toBe(
      'AI_MODEL_PARAM_INVALID',
    )
    expect((await failure(streamed('cloudbase', 'kimi-k2.7-code', withImage('https://example.com/p.jpg')))).code).toBe(
      'AI_MODEL_PARAM_INVALID',
    )
    expect((await streamed('cloudbase', 'kimi-k2.7-code', withImage('data:image/jpeg;base64,/9j/4AAQ'))).pieces.length).toBeGreaterThan(0)
    expect((await failure(streamed('cloudbase', 'glm-5v-turbo', withImage('cloud://env-1.bucket/sealed/a.png')))).code).toBe(
      'AI_MODEL_PARAM_INVALID',
    )
  })
})
