/**
 * The one place that calls a model (`sdk().ai()`, wx-server-sdk ≥ 4.0.1). It never throws: a draft that cannot be
 * had is a returned value, so a caller can fall back to writing by hand.
 *
 * The model comes from the function's env var CAMP_AI_MODEL, `group/model` (e.g. `hunyuan-exp/hunyuan-turbos-latest`,
 * `deepseek/deepseek-v3`; the group must be enabled in the CloudBase console). Functions get env vars from their
 * config.json `envVariables`; unset, the default below is used.
 *
 * It streams (streamText) rather than calling generateText: on a non-streamed call @cloudbase/node-sdk 3.17.2 has
 * already parsed an error body to an object, which its AI adapter does not read (dist/ai/request-adapter.js reads
 * strings, Buffers and streams only), so the gateway's code (EXCEED_TOKEN_QUOTA_LIMIT …) is lost and only the HTTP
 * status remains. A streamed error body is read, and its code kept.
 *
 * Images: only models that read them get them (IMAGE_URL_MODELS, from docs.cloudbase.net/ai/model/multimodal
 * 多模态理解): the user message's content becomes OpenAI-style blocks, its text then one `image_url` block per public
 * URL. Every other model gets the text alone (the docs say text models ignore or reject images).
 */
import { sdk } from './cloud'

export const DEFAULT_AI_MODEL = 'hunyuan-exp/hunyuan-turbos-latest'
export const QUOTA_CODES = ['EXCEED_TOKEN_QUOTA_LIMIT']

export interface DraftRequest {
  system?: string
  user: string
  /** Public (temporary) https URLs of images, sent only to a model that reads images by URL. */
  images?: readonly string[]
  timeoutMs: number
  maxTokens?: number
  /** `group/model`; default CAMP_AI_MODEL, then DEFAULT_AI_MODEL. */
  model?: string
}

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

export type DraftResult = { text: string; usage: Usage } | { failed: 'timeout' | 'error' | 'quota'; code?: string }

type ContentBlock = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } }

interface ChatMessage {
  role: 'system' | 'user'
  content: string | ContentBlock[]
}

/** Models that read images given by URL (CloudBase 多模态理解; kimi-k2.7-code takes Base64 only, so it is not here). */
export const IMAGE_URL_MODELS = ['glm-5v-turbo', 'qwen3.5-plus', 'kimi-k2.6', 'kimi-k2.5']

/** Whether the configured (or given) `group/model` reads images by URL. */
export const readsImages = (name?: string): boolean => IMAGE_URL_MODELS.includes(modelOf(name).model)

/** The slice of @cloudbase/ai's ReactModel used here (wx-server-sdk's typings do not declare `ai`). */
interface StreamingModel {
  streamText(input: { model: string; messages: ChatMessage[]; max_tokens?: number }): Promise<{
    textStream: AsyncIterable<string>
    usage: Promise<Usage>
  }>
}

interface AiHost {
  ai(): { createModel(group: string): StreamingModel }
}

export function modelOf(name = process.env.CAMP_AI_MODEL || DEFAULT_AI_MODEL): { group: string; model: string } {
  const at = name.indexOf('/')
  return at > 0 ? { group: name.slice(0, at), model: name.slice(at + 1) } : { group: name, model: name }
}

async function draft(req: DraftRequest): Promise<{ text: string; usage: Usage }> {
  const { group, model } = modelOf(req.model)
  const messages: ChatMessage[] = [
    ...(req.system ? [{ role: 'system' as const, content: req.system }] : []),
    {
      role: 'user',
      content:
        req.images?.length && IMAGE_URL_MODELS.includes(model)
          ? [{ type: 'text', text: req.user }, ...req.images.map((url): ContentBlock => ({ type: 'image_url', image_url: { url } }))]
          : req.user,
    },
  ]
  const host = sdk() as unknown as AiHost
  const answer = await host
    .ai()
    .createModel(group)
    .streamText({ model, messages, ...(req.maxTokens ? { max_tokens: req.maxTokens } : {}) })
  let text = ''
  for await (const piece of answer.textStream) text += piece
  return { text: text.trim(), usage: await answer.usage }
}

/** What a failed call carries: the SDK throws `{code}` (TcbError) or an Error whose message names the code. */
function failureOf(err: unknown): DraftResult {
  const e = err as { code?: unknown; message?: unknown }
  const code = typeof e?.code === 'string' ? e.code : undefined
  const message = typeof e?.message === 'string' ? e.message : ''
  if ((code && QUOTA_CODES.includes(code)) || QUOTA_CODES.some((c) => message.includes(c))) return { failed: 'quota', code }
  if (code === 'ESOCKETTIMEDOUT' || code === 'ETIMEDOUT') return { failed: 'timeout', code }
  return { failed: 'error', code }
}

export async function generateText(req: DraftRequest): Promise<DraftResult> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<DraftResult>((resolve) => {
    timer = setTimeout(() => resolve({ failed: 'timeout' }), req.timeoutMs)
  })
  try {
    const called = draft(req).then((ok): DraftResult => (ok.text ? ok : { failed: 'error', code: 'EMPTY_ANSWER' }), failureOf)
    return await Promise.race([called, timeout])
  } catch (err) {
    // sdk() or createModel threw synchronously.
    return failureOf(err)
  } finally {
    clearTimeout(timer)
  }
}
