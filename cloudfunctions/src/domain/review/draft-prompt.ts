/**
 * AI-drafted review comments as pure rules: the prompt a draft is written from, the draft's cache key and stored
 * shape, the per-day token budget and the answer the teacher's page gets (a draft, or the teacher's own phrases).
 * Nothing here calls a model: services/review/drafts.ts does, through shared/ai.ts.
 */
import { textLength } from '../camp/content'
import { MAX_COMMENT_CHARS } from './limits'

/** What a draft is written from (read by the service; every list already bounded). */
export interface DraftFacts {
  /** The day's task: its theme and instructions, or null on a day without one. */
  task: { theme: string; instructions: string } | null
  dayIndex: number
  memberName: string
  text: string
  imageCount: number
  /** How many of the images go to the model with the prompt (0 for a model that reads no images). */
  imagesAttached?: number
  voiceSec: number | null
  currentStreak: number
  /** The member's earlier review comments, newest first. */
  earlierComments: readonly string[]
  /** The teacher's quick phrases, in their order: they set the tone. */
  phrases: readonly string[]
  teacherName: string
}

export const MAX_PROMPT_TEXT = 600
export const MAX_EARLIER_COMMENTS = 3
export const MAX_TONE_PHRASES = 5
/** The longest draft asked for: a comment teachers accept is short (the model stops at this many tokens). */
export const DRAFT_MAX_TOKENS = 300

const clip = (text: string, max: number): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')
}

/** The chat messages for one draft. Lines are `key：value` so any model (and the local drafter) reads them alike. */
export function draftPrompt(f: DraftFacts): { system: string; user: string } {
  const system = [
    `你是打卡营的带班老师${f.teacherName ? `「${f.teacherName}」` : ''}，为学员的今日打卡写一条点评草稿，老师会修改后再发给学员。`,
    `要求：中文，语气亲切具体，先肯定再给一条可执行的建议，不超过 120 字，不要使用 Markdown，不要编造打卡里没有的内容。`,
    ...(f.phrases.length
      ? [
          `老师的常用语（模仿其语气）：\n${f.phrases
            .slice(0, MAX_TONE_PHRASES)
            .map((p) => `- ${clip(p, 60)}`)
            .join('\n')}`,
        ]
      : []),
  ].join('\n')
  const shown = Math.min(f.imagesAttached ?? 0, f.imageCount)
  const images =
    f.imageCount > 0
      ? `${f.imageCount} 张图片${shown ? `（附上${shown === f.imageCount ? '' : `前 ${shown} 张`}，请结合图片内容点评）` : ''}`
      : ''
  const media = [images, f.voiceSec ? `${f.voiceSec} 秒语音` : ''].filter(Boolean)
  const user = [
    `任务：${f.task ? clip(f.task.theme, 40) : `第 ${f.dayIndex} 天打卡`}`,
    ...(f.task?.instructions ? [`任务说明：${clip(f.task.instructions, 200)}`] : []),
    `学员：${clip(f.memberName, 20)}`,
    `内容：${f.text.trim() ? clip(f.text, MAX_PROMPT_TEXT) : '（没有文字）'}`,
    ...(media.length ? [`附件：${media.join('、')}`] : []),
    `连续 ${f.currentStreak} 天`,
    ...(f.earlierComments.length
      ? [
          `之前的点评：${f.earlierComments
            .slice(0, MAX_EARLIER_COMMENTS)
            .map((c) => `「${clip(c, 60)}」`)
            .join(' ')}`,
        ]
      : []),
  ].join('\n')
  return { system, user }
}

/** The model's answer as a comment: trimmed, Markdown emphasis dropped, within the comment limit; '' if nothing is left. */
export function cleanDraft(text: string): string {
  const plain = text
    .replace(/\*\*|__|`/g, '')
    .replace(/^["“「]|["”」]$/g, '')
    .trim()
  if (!plain) return ''
  return textLength(plain) > MAX_COMMENT_CHARS ? [...plain].slice(0, MAX_COMMENT_CHARS).join('') : plain
}

// ---- the cached draft

/**
 * One document per submission version, `_id` = `draft:{checkinId}:{round}:{version}` (version: the check-in's
 * editedAt, 0 before any edit): the first request claims it by inserting it `drafting`; others read it.
 *  - ready: msgSecCheck passed the text;
 *  - withheld: msgSecCheck did not pass it — the text is not kept and never shown;
 *  - failed: the model call failed; claimable again after DRAFT_RETRY_MS.
 */
export type DraftStatus = 'drafting' | 'ready' | 'withheld' | 'failed'

export interface DraftDoc {
  _id: string
  checkinId: string
  round: number
  status: DraftStatus
  text: string
  /** `group/model` that wrote it. */
  model: string
  tokens: number
  /** Tokens reserved of the day's budget for its call (draftTokenEstimate; 0 when none could be); absent before settling. */
  reserved?: number
  /** Why it failed: timeout | error | quota (the gateway's quota) | budget (today's budget could not be reserved) | empty. */
  failure: string | null
  claimedAt: number
  doneAt: number | null
  /**
   * The teachers (openids) a ready draft's text was shown to (the `draft` action; prefetching shows nothing): a submit
   * counts as started from a draft only if its teacher is here (draft-use.ts). Absent on drafts written before it.
   */
  servedTo?: string[]
}

/** A claim older than this is abandoned (its function timed out): the next request takes it over. */
export const DRAFT_CLAIM_TTL_MS = 30_000
/** A failed draft is tried again after this long (not on every open: the model may be down). */
export const DRAFT_RETRY_MS = 5 * 60_000

export const draftId = (checkinId: string, round: number, editedAt: number | null): string => `draft:${checkinId}:${round}:${editedAt ?? 0}`

export function newDraftClaim(checkinId: string, round: number, editedAt: number | null, model: string, now: number): DraftDoc {
  return {
    _id: draftId(checkinId, round, editedAt),
    checkinId,
    round,
    status: 'drafting',
    text: '',
    model,
    tokens: 0,
    failure: null,
    claimedAt: now,
    doneAt: null,
  }
}

/** Whether a stored draft may be claimed again (an abandoned claim, or a failure old enough to retry). */
export function reclaimable(d: Pick<DraftDoc, 'status' | 'claimedAt' | 'doneAt'>, now: number): boolean {
  if (d.status === 'drafting') return now - d.claimedAt >= DRAFT_CLAIM_TTL_MS
  if (d.status === 'failed') return now - (d.doneAt ?? d.claimedAt) >= DRAFT_RETRY_MS
  return false
}

// ---- the per-day token budget

/**
 * `_id` = `ai-usage:{day}` (Asia/Shanghai business day). `tokens` = tokens the day's answers used plus the
 * reservations of calls still running: a call first reserves its estimate (draftTokenEstimate) with a conditional
 * `_.inc` that succeeds only while `tokens + estimate ≤ budget`, then settles the difference to the usage the model
 * reports (`_.inc(used − estimate)`, `calls` + 1), or gives the whole reservation back when the call fails. Parallel
 * calls therefore never take the day past its budget as long as each answer stays within its estimate.
 */
export interface AiUsageDoc {
  _id: string
  day: string
  tokens: number
  calls: number
}

/** Role framing per chat message, on top of its characters (the emulator counts 3, models a few). */
export const MESSAGE_OVERHEAD_TOKENS = 4

/**
 * What a call may use at most: every character of the prompt as a token (tokenizers of the built-in models count a
 * Chinese character as one token or less, a word of Latin letters as one or more characters' worth less), the
 * framing of each message, and the longest answer asked for (the model stops at `maxTokens`).
 */
export function draftTokenEstimate(prompt: { system: string; user: string }, maxTokens: number, images = 0): number {
  const chars = [...prompt.system].length + [...prompt.user].length
  return chars + 2 * MESSAGE_OVERHEAD_TOKENS + maxTokens + images * IMAGE_TOKEN_ESTIMATE
}

/**
 * Tokens reserved per image sent to a model. The CloudBase docs give no per-image count (models count by
 * resolution); this is a generous guess, settled to the reported usage after the call like the rest.
 */
export const IMAGE_TOKEN_ESTIMATE = 1_500
/** Images of a submission a draft's model is shown at most (the first ones), and how long their links live. */
export const MAX_DRAFT_IMAGES = 3
export const DRAFT_IMAGE_URL_SECONDS = 600

export const aiUsageId = (day: string): string => `ai-usage:${day}`
/** Tokens per business day per environment when CAMP_AI_DAILY_TOKENS is not set. */
export const DEFAULT_DAILY_TOKENS = 200_000

/** The configured budget: a non-negative integer, else the default (0 switches drafting off). */
export function dailyTokenBudget(raw: string | undefined): number {
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw)
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_DAILY_TOKENS
}

// ---- what the page gets

/**
 * `draft`: a model-written draft ready to edit. `phrases`: no draft — why, and the teacher's phrases to start from:
 *  - off: drafting is switched off (no budget configured) · budget: today's tokens are used up · slow: the model did
 *    not answer in time · error: the model failed · withheld: the draft did not pass content security · drafting:
 *    another request is writing it right now · reviewed: the round already has a review.
 */
export type DraftFallbackReason = 'off' | 'budget' | 'slow' | 'error' | 'withheld' | 'drafting' | 'reviewed'

export const FALLBACK_LABEL: Readonly<Record<DraftFallbackReason, string>> = {
  off: '未开启 AI 草稿，使用常用语',
  budget: '今日 AI 额度已用完，使用常用语',
  slow: 'AI 草稿生成较慢，使用常用语',
  error: 'AI 草稿暂不可用，使用常用语',
  withheld: 'AI 草稿未通过内容安全检查，使用常用语',
  drafting: 'AI 草稿生成中，先使用常用语',
  reviewed: '已点评，使用常用语',
}

/** The failure stored on a failed draft → what the page is told. */
export const fallbackOfFailure = (failure: string | null): DraftFallbackReason =>
  failure === 'timeout' ? 'slow' : failure === 'quota' || failure === 'budget' ? 'budget' : 'error'

export const DRAFT_LABEL = 'AI 草稿，可修改后提交'
/** How many queue items after the open one `prefetchDrafts` prepares at most. */
export const MAX_PREFETCH = 3
