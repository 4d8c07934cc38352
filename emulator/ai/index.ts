/**
 * CloudBase's AI gateway, locally: the access-token request and the chat-completion endpoints that the unchanged
 * wx-server-sdk (`cloud.ai().createModel(group).generateText / streamText`) sends to
 * `https://{envId}.api.tcloudbasegateway.com` — routed here by core/gateway-redirect.js, recognised by their `Host`.
 *
 *  - `POST /auth/v1/token/clientCredential` `{grant_type:'client_credentials'}` → `{access_token, token_type,
 *    expires_in}`: @cloudbase/node-sdk dist/auth/index.js getClientCredential, called before every AI request
 *    (dist/ai/index.js createAI) and sent as `Authorization: Bearer <token>` (dist/utils/tcbopenapicommonrequester.js).
 *  - `POST /v1/ai/{group}/chat/completions`: @cloudbase/ai src/AI.ts (`${baseUrl}/ai`), src/models/* subUrl
 *    (`hunyuan-exp/chat/completions`, `deepseek/chat/completions`, `moonshot/v1/chat/completions`, any group not
 *    named there `${group}/chat/completions`, e.g. `cloudbase`).
 *  - Images (docs.cloudbase.net/ai/model/multimodal, 多模态理解): a user message's `content` may be an array of
 *    `{type:'text', text}` and `{type:'image_url', image_url:{url}}` blocks (OpenAI Chat Completions). Only the
 *    multimodal models take images — glm-5v-turbo, qwen3.5-plus, kimi-k2.6, kimi-k2.5 by a public URL or Base64,
 *    kimi-k2.7-code by Base64 only; the docs say text models "ignore or reject" images: here they are refused
 *    (AI_MODEL_PARAM_INVALID), as is a URL the model's backend could not fetch (a `cloud://` fileID).
 *  - Errors: HTTP 4xx/5xx with `{code, message, requestId}`; the SDK throws them with that `code`
 *    (dist/ai/request-adapter.js). Codes from docs.cloudbase.net/http-api/ai-model (AI_MODEL_NOT_FOUND,
 *    AI_MODEL_DISABLED, AI_MODEL_NOT_SUPPORTED, AI_MODEL_PARAM_REQUIRED, AI_MODEL_REQUEST_FAILED,
 *    EXCEED_TOKEN_QUOTA_LIMIT). The docs name codes, not statuses: the statuses below are this emulator's choice.
 */
import type * as http from 'http'
import type { EmulatorClock } from '../core/clock'
import { readBody, sendJson, type ExtraRoute } from '../core/http'
import { CloudError } from '../core/errors'
import { GENERIC_DB_FAILURE } from '../core/faults'
import type { ActionParams } from '../core/router'
import { GATEWAY_HOST } from '../core/gateway-redirect'
import { countTokens, defaultDrafter, textOf, type ChatMessage, type Drafter } from './drafter'
import { completionBody, streamEvents, type Completion } from './wire'

export { defaultDrafter, promptFacts, countTokens, type Drafter, type ChatMessage } from './drafter'

/** The model groups @cloudbase/ai 2.30.0 knows by name (src/models/index.ts MODELS) plus the `cloudbase` group. */
export const KNOWN_GROUPS = [
  'hunyuan',
  'hunyuan-beta',
  'ark',
  'dashscope',
  '01-ai',
  'moonshot',
  'zhipu',
  'hunyuan-exp',
  'hunyuan-open',
  'deepseek',
  'cloudbase',
]

export interface AiOptions {
  /** Writes the answer; default: the deterministic drafter (drafter.ts). */
  draft?: Drafter
  /** Enabled groups and the model names each accepts (`'*'`: any). Default: hunyuan-exp, deepseek, cloudbase. */
  groups?: Record<string, readonly string[] | '*'>
  /** Total tokens this environment may use; beyond it every model call answers EXCEED_TOKEN_QUOTA_LIMIT. */
  tokenBudget?: number
}

export interface LocalAiOptions extends AiOptions {
  clock: EmulatorClock
  /** Fault injection and request counting, called with `{ action, collectionName }` (group as collection). */
  intercept: (params: ActionParams) => void
  delayOf: (params: ActionParams) => number
}

export const DEFAULT_GROUPS: Record<string, '*'> = { 'hunyuan-exp': '*', deepseek: '*', cloudbase: '*' }

const STATUS: Record<string, number> = {
  AI_MODEL_PARAM_REQUIRED: 400,
  AI_MODEL_PARAM_INVALID: 400,
  AI_MODEL_NOT_SUPPORTED: 400,
  AI_MODEL_NOT_FOUND: 404,
  AI_MODEL_DISABLED: 403,
  EXCEED_TOKEN_QUOTA_LIMIT: 429,
  EXCEED_CONCURRENT_REQUEST_LIMIT: 429,
  INVALID_ACCESS_TOKEN: 401,
}

/** Models that read images: by URL or Base64, or (kimi-k2.7-code) Base64 only (docs.cloudbase.net/ai/model/multimodal). */
export const IMAGE_MODELS: Readonly<Record<string, 'url' | 'base64'>> = {
  'glm-5v-turbo': 'url',
  'qwen3.5-plus': 'url',
  'kimi-k2.6': 'url',
  'kimi-k2.5': 'url',
  'kimi-k2.7-code': 'base64',
}
/** Tokens this emulator counts per image block (models count by resolution; only stability matters here). */
export const IMAGE_TOKENS = 256

/** The image URLs of the messages, after checking each block against what the model accepts. */
function imageUrlsOf(model: string, messages: ChatMessage[]): string[] {
  const urls: string[] = []
  for (const m of messages) {
    if (!Array.isArray(m.content)) continue
    for (const block of m.content as unknown[]) {
      const b = (block ?? {}) as { type?: unknown; text?: unknown; image_url?: { url?: unknown } }
      if (b.type === 'text' && typeof b.text === 'string') continue
      if (b.type !== 'image_url') throw new CloudError('AI_MODEL_PARAM_INVALID', `unsupported content block type ${String(b.type)}`, 400)
      const url = b.image_url?.url
      if (typeof url !== 'string') throw new CloudError('AI_MODEL_PARAM_INVALID', 'image_url.url is required', 400)
      const takes = IMAGE_MODELS[model]
      if (!takes) throw new CloudError('AI_MODEL_PARAM_INVALID', `model ${model} does not accept images`, 400)
      const base64 = /^data:image\/(?:jpeg|jpg|png|webp);base64,/.test(url)
      const link = /^https?:\/\//.test(url)
      if (!base64 && !(link && takes === 'url'))
        throw new CloudError('AI_MODEL_PARAM_INVALID', `model ${model} cannot read image ${url.slice(0, 40)}`, 400)
      urls.push(url)
    }
  }
  return urls
}

/** `/v1/ai/{group}/…/chat/completions`: some groups add a vendor path (moonshot `v1/`, zhipu `api/paas/v4/`). */
const CHAT_PATH = /^\/v1\/ai\/([^/]+)\/(?:[^?]*\/)?chat\/completions$/
let seq = 0

export class LocalAi {
  private readonly tokens = new Set<string>()
  private used = 0
  private budget?: number
  private holding = 0
  private readonly heldListeners: (() => void)[] = []

  constructor(private readonly opts: LocalAiOptions) {
    this.budget = opts.tokenBudget
  }

  /** Tokens (prompt + completion) answered so far. */
  tokensUsed(): number {
    return this.used
  }

  setTokenBudget(total: number | undefined): void {
    this.budget = total
  }

  /** Model requests currently held by a slow-answer fault. */
  held(): number {
    return this.holding
  }

  /** Resolves when the next model request starts being held (then advance the clock to release it). */
  nextHeld(): Promise<void> {
    return new Promise((resolve) => this.heldListeners.push(resolve))
  }

  route(): ExtraRoute {
    return async (req, res) => {
      const host = String(req.headers.host ?? '').split(':')[0]
      if (!GATEWAY_HOST.test(host) || req.method !== 'POST') return false
      const path = (req.url ?? '/').split('?')[0]
      try {
        if (path === '/auth/v1/token/clientCredential') await this.issueToken(req, res)
        else if (CHAT_PATH.test(path)) await this.chat(req, res, decodeURIComponent(CHAT_PATH.exec(path)![1]))
        else return false
      } catch (err) {
        this.fail(res, err)
      }
      return true
    }
  }

  private async issueToken(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.opts.intercept({ action: 'auth.clientCredential' })
    const body = await jsonBody(req)
    if (body.grant_type !== 'client_credentials') throw new CloudError('INVALID_PARAM', 'grant_type must be client_credentials', 400)
    const token = `local-access-token-${(++seq).toString(36)}`
    this.tokens.add(token)
    sendJson(res, 200, { token_type: 'Bearer', access_token: token, expires_in: 7200 })
  }

  private async chat(req: http.IncomingMessage, res: http.ServerResponse, group: string): Promise<void> {
    const params = { action: 'ai.chat', collectionName: group }
    this.opts.intercept(params)
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1]
    if (!bearer || !this.tokens.has(bearer)) throw new CloudError('INVALID_ACCESS_TOKEN', 'missing or unknown access token', 401)
    const body = await jsonBody(req)
    const model = this.checkModel(group, body.model)
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      throw new CloudError('AI_MODEL_PARAM_INVALID', 'messages must be a non-empty array', 400)
    if (this.budget !== undefined && this.used >= this.budget)
      throw new CloudError('EXCEED_TOKEN_QUOTA_LIMIT', 'Token usage exceeded quota limit.', 429)
    const delay = this.opts.delayOf(params)
    if (delay > 0) await this.hold(delay)
    const images = imageUrlsOf(model, body.messages as ChatMessage[])
    const completion = this.complete(model, body.messages as ChatMessage[], body.max_tokens, images.length)
    this.used += completion.usage.total_tokens
    if (body.stream === true) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' })
      res.end(streamEvents(completion, group))
    } else sendJson(res, 200, completionBody(completion))
  }

  private checkModel(group: string, model: unknown): string {
    if (!KNOWN_GROUPS.includes(group) && !(this.opts.groups && group in this.opts.groups))
      throw new CloudError('AI_MODEL_NOT_FOUND', `model group ${group} not found`, 404)
    const allowed = (this.opts.groups ?? DEFAULT_GROUPS)[group]
    if (!allowed) throw new CloudError('AI_MODEL_DISABLED', `model group ${group} is not enabled in this environment`, 403)
    if (typeof model !== 'string' || !model) throw new CloudError('AI_MODEL_PARAM_REQUIRED', 'model is required', 400)
    if (allowed !== '*' && !allowed.includes(model))
      throw new CloudError('AI_MODEL_NOT_SUPPORTED', `model ${model} is not supported by ${group}`, 400)
    return model
  }

  private complete(model: string, messages: ChatMessage[], maxTokens: unknown, images: number): Completion {
    let text = (this.opts.draft ?? defaultDrafter)(messages, model)
    let finishReason: Completion['finishReason'] = 'stop'
    if (typeof maxTokens === 'number' && maxTokens > 0 && countTokens(text) > maxTokens) {
      const chars = [...text]
      while (chars.length && countTokens(chars.join('')) > maxTokens) chars.pop()
      text = chars.join('')
      finishReason = 'length'
    }
    // A few tokens per message for the role framing, as chat models count them.
    const prompt = messages.reduce((n, m) => n + countTokens(textOf(m.content)) + 3, 0) + images * IMAGE_TOKENS
    const completion = countTokens(text)
    const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion }
    return {
      id: `chatcmpl-local-${(++seq).toString(36)}`,
      created: Math.floor(this.opts.clock.now() / 1000),
      model,
      text,
      finishReason,
      usage,
    }
  }

  /**
   * Answers once the emulator clock passes arrival + delay: tests advance the clock, and in dev real time gets
   * there too (the clock flows with real time; a real timer covers the case where nobody moves it).
   */
  private hold(delayMs: number): Promise<void> {
    const due = this.opts.clock.now() + delayMs
    this.holding++
    return new Promise<void>((resolve) => {
      let stop = () => {}
      const timer = setTimeout(() => release(), delayMs)
      // A held answer never keeps a closing emulator (or a test run) alive.
      timer.unref?.()
      const release = () => {
        this.holding--
        stop()
        clearTimeout(timer)
        resolve()
      }
      stop = this.opts.clock.onChange((now) => {
        if (now >= due) release()
      })
      for (const notify of this.heldListeners.splice(0)) notify()
    })
  }

  private fail(res: http.ServerResponse, err: unknown): void {
    const requestId = `local-ai-${(++seq).toString(36)}`
    if (err instanceof CloudError) {
      // An injected fault without a code of its own is a model failure here, not the database's generic one.
      const code = err.code === GENERIC_DB_FAILURE.code ? 'AI_MODEL_REQUEST_FAILED' : err.code
      const message = err.code === GENERIC_DB_FAILURE.code ? 'injected fault: model request failed' : err.message
      const status = err.httpStatus !== 200 ? err.httpStatus : (STATUS[code] ?? 500)
      sendJson(res, status, { code, message, requestId })
      return
    }
    sendJson(res, 500, { code: 'SYS_ERR', message: `local emulator internal error: ${String(err)}`, requestId })
  }
}

async function jsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req)
  try {
    const parsed: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {}
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>
  } catch {
    // falls through to the refusal below
  }
  throw new CloudError('INVALID_PARAM', 'request body must be a JSON object', 400)
}
