/**
 * The emulator's stand-in for a chat model: a deterministic drafter. Same messages and model → same text, so a flow
 * that asks a model for a draft can run and be asserted on without a cloud model. It knows no app's prompt format,
 * only generic heuristics over the last user message:
 *  - a title: the first text in 「」/《》/“” quotes, or the value of a `标题/任务/主题/title/task:` line;
 *  - snippets: the values of `内容/打卡/原文/text/content:` lines, list items (`- …`, `1. …`) or other quoted text;
 *  - a streak: `连续 N 天` or `streak: N`;
 *  - images: `image_url` blocks in that message (a model that reads images says it looked at them).
 * The result is a short Chinese teacher comment built from those pieces, with phrasing chosen by a hash of the input.
 */
import { createHash } from 'crypto'

export interface ChatMessage {
  role: string
  content?: unknown
}

export type Drafter = (messages: ChatMessage[], model: string) => string

const TITLE_KEYS = /^(?:[-*•]\s*)?(?:标题|任务|主题|课题|title|task|topic)\s*[:：]\s*(.+)$/i
const SNIPPET_KEYS = /^(?:[-*•]\s*)?(?:内容|打卡|原文|作业|心得|text|content|answer|submission)\s*[:：]\s*(.+)$/i
const LIST_ITEM = /^(?:[-*•]|\d+[.、)])\s*(.+)$/
const QUOTED = /[「《“"]([^」》”"]{2,60})[」》”"]/g
const STREAK = /(?:连续\s*(\d+)\s*天)|(?:streak\s*[:：=]?\s*(\d+))/i

const OPENINGS = ['认真读了你的打卡', '看到你今天的分享', '这次的打卡很用心']
const PRAISES = ['表达清楚，思路有条理', '观察细致，有自己的思考', '内容扎实，态度认真']
const SEEN_PHOTOS = ['照片也仔细看了，', '图片里的细节也看到了，']
const NEXT_STEPS = ['下次可以再多写一点自己的体会。', '建议把关键步骤再整理一遍，会更牢固。', '可以试着举一个生活中的例子。']

export function textOf(content: unknown): string {
  if (typeof content === 'string') return content
  if (Array.isArray(content))
    return content.map((part) => (typeof part === 'object' && part && 'text' in part ? String(part.text) : '')).join('')
  return ''
}

function imageCount(content: unknown): number {
  return Array.isArray(content)
    ? content.filter((part) => typeof part === 'object' && part && 'type' in part && part.type === 'image_url').length
    : 0
}

function clip(text: string, max: number): string {
  const chars = [...text.trim()]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')
}

function pick<T>(items: T[], seed: Buffer, at: number): T {
  return items[seed[at] % items.length]
}

/** What the heuristics find in a prompt (exported for tests of the heuristics themselves). */
export function promptFacts(prompt: string): { title?: string; snippets: string[]; streak?: number } {
  const lines = prompt.split(/\r?\n/).map((l) => l.trim())
  let title = lines.map((l) => TITLE_KEYS.exec(l)?.[1]).find(Boolean)
  const snippets = lines.map((l) => SNIPPET_KEYS.exec(l)?.[1]).filter((s): s is string => !!s)
  const quoted = [...prompt.matchAll(QUOTED)].map((m) => m[1])
  if (!title && quoted.length) title = quoted.shift()
  if (!snippets.length) snippets.push(...lines.map((l) => LIST_ITEM.exec(l)?.[1]).filter((s): s is string => !!s))
  if (!snippets.length) snippets.push(...quoted.filter((q) => q !== title))
  const streakMatch = STREAK.exec(prompt)
  const streak = streakMatch ? Number(streakMatch[1] ?? streakMatch[2]) : undefined
  return { title: title ? clip(title, 20) : undefined, snippets: snippets.map((s) => clip(s, 24)), streak }
}

export const defaultDrafter: Drafter = (messages, model) => {
  const user = [...messages].reverse().find((m) => m.role === 'user')
  const prompt = textOf(user?.content)
  const seed = createHash('sha256').update(model).update('\u0000').update(JSON.stringify(messages)).digest()
  const { title, snippets, streak } = promptFacts(prompt)
  const parts = [`${pick(OPENINGS, seed, 0)}${title ? `「${title}」` : ''}，`]
  if (snippets.length) parts.push(`“${snippets[seed[1] % snippets.length]}”这一句写得很好，`)
  if (imageCount(user?.content) > 0) parts.push(pick(SEEN_PHOTOS, seed, 4))
  parts.push(`${pick(PRAISES, seed, 2)}。`)
  if (streak !== undefined && streak > 0) parts.push(`已经连续打卡${streak}天了，坚持得真棒！`)
  parts.push(pick(NEXT_STEPS, seed, 3))
  return parts.join('')
}

/**
 * A deterministic token count standing in for the model's tokenizer: one token per CJK character, one per run of
 * letters/digits, one per other visible symbol. Only its stability matters (usage and budgets in tests).
 */
export function countTokens(text: string): number {
  return (text.match(/[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+|[^\sA-Za-z0-9\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length
}
