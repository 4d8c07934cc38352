/**
 * CloudBase's AI model answers as @cloudbase/ai 2.30.0 reads them (OpenAI-style chat completions):
 *  - a plain answer is JSON `{ id, object, created, model, choices: [{ index, message: { role, content },
 *    finish_reason }], usage: { prompt_tokens, completion_tokens, total_tokens } }` — src/models/model.ts
 *    generateText reads `choices[0].message.content` and `usage`;
 *  - a streamed answer (`stream: true`, `Accept: text/event-stream`) is SSE: one `data: <chunk JSON>` event per piece
 *    with `choices[0].delta.content`, the last one with `finish_reason`, then `data: [DONE]` — src/utils.ts
 *    intoStandardStream parses the events and terminates on `[DONE]`;
 *  - usage in a stream: "hunyuan 每个 chunk 都会有 usage，逐步增加，以最后一个的为准; zhipu 最后 chunk 会有 usage"
 *    (src/models/model.ts streamText): hunyuan groups carry cumulative usage on every chunk, the others on the last.
 */
import { countTokens } from './drafter'

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

export interface Completion {
  id: string
  created: number
  model: string
  text: string
  finishReason: 'stop' | 'length'
  usage: Usage
}

export function completionBody(c: Completion): Record<string, unknown> {
  return {
    id: c.id,
    object: 'chat.completion',
    created: c.created,
    model: c.model,
    choices: [{ index: 0, message: { role: 'assistant', content: c.text }, finish_reason: c.finishReason }],
    usage: c.usage,
  }
}

/** Splits the text into stream pieces of a few characters (never inside a surrogate pair). */
export function pieces(text: string, size = 8): string[] {
  const chars = [...text]
  const out: string[] = []
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''))
  return out.length ? out : ['']
}

/** The SSE body of a streamed answer. */
export function streamEvents(c: Completion, provider: string): string {
  const cumulative = provider.startsWith('hunyuan')
  const parts = pieces(c.text)
  let sent = ''
  const events = parts.map((piece, i) => {
    sent += piece
    const last = i === parts.length - 1
    const completion = last ? c.usage.completion_tokens : Math.min(countTokens(sent), c.usage.completion_tokens)
    const usage = { prompt_tokens: c.usage.prompt_tokens, completion_tokens: completion, total_tokens: c.usage.prompt_tokens + completion }
    const chunk = {
      id: c.id,
      object: 'chat.completion.chunk',
      created: c.created,
      model: c.model,
      choices: [{ index: 0, delta: { role: 'assistant', content: piece }, finish_reason: last ? c.finishReason : null }],
      ...(cumulative || last ? { usage } : {}),
    }
    return `data: ${JSON.stringify(chunk)}\n\n`
  })
  return `${events.join('')}data: [DONE]\n\n`
}
