import { WxApiError, wxError, WX_ERR, stringParam, traceId, type OpenApiResult } from './wx-api-error'

export type Suggest = 'pass' | 'review' | 'risky'

/** Words that make local content checks answer `risky` or `review` (plain substring match). */
export interface WordLists {
  risky: string[]
  review: string[]
}

export const DEFAULT_WORDS: WordLists = {
  risky: ['违禁词', '赌博', '色情', 'risky-word'],
  review: ['待审核词', '敏感词', 'review-word'],
}

/** WeChat's labels: 100 normal; 20006 illegal acts; 21000 other. Word hits here are reported as 21000. */
export const LABEL_NORMAL = 100
export const LABEL_OTHER = 21000
const SCENES = new Set([1, 2, 3, 4])
const MAX_CONTENT_CHARS = 2500

export interface Verdict {
  suggest: Suggest
  label: number
  keyword?: string
}

export function textVerdict(content: string, words: WordLists): Verdict {
  const risky = words.risky.find((w) => w && content.includes(w))
  if (risky) return { suggest: 'risky', label: LABEL_OTHER, keyword: risky }
  const review = words.review.find((w) => w && content.includes(w))
  if (review) return { suggest: 'review', label: LABEL_OTHER, keyword: review }
  return { suggest: 'pass', label: LABEL_NORMAL }
}

/**
 * Media verdicts: a URL (file name) or file content containing "risky" or "review" says so; everything else passes.
 * The media check queue passes the URL plus the bytes it served, since WeChat judges what it downloads, not the name.
 */
export function mediaVerdict(mediaUrl: string): Verdict {
  const lower = mediaUrl.toLowerCase()
  if (lower.includes('risky')) return { suggest: 'risky', label: 20002 }
  if (lower.includes('review')) return { suggest: 'review', label: 20002 }
  return { suggest: 'pass', label: LABEL_NORMAL }
}

/** The v2 `detail` list: the model's opinion, plus the keyword strategy (naming the word it hit). */
export function verdictDetail(verdict: Verdict, withKeyword: boolean): Record<string, unknown>[] {
  const model = {
    strategy: 'content_model',
    errcode: 0,
    suggest: verdict.suggest,
    label: verdict.label,
    prob: verdict.suggest === 'pass' ? 0 : 90,
  }
  if (!withKeyword) return [model]
  const keyword = verdict.keyword
    ? { strategy: 'keyword', errcode: 0, suggest: verdict.suggest, label: verdict.label, level: 20, keyword: verdict.keyword }
    : { strategy: 'keyword', errcode: 0 }
  return [model, keyword]
}

/** Checks shared by msgSecCheck and mediaCheckAsync v2: the caller must name the user and a known scene. */
export function requireUserAndScene(params: Record<string, unknown>): string {
  const openid = stringParam(params, 'openid')
  if (!openid) throw wxError(WX_ERR.INVALID_OPENID)
  if (!SCENES.has(Number(params.scene))) throw wxError(WX_ERR.INVALID_ARGS, 'scene must be 1, 2, 3 or 4')
  return openid
}

/**
 * `security.msgSecCheck`. Version 2 answers a verdict; version 1 (no `version`) only fails with
 * 87014 for risky content, as WeChat's old interface did.
 */
export function msgSecCheck(params: Record<string, unknown>, words: WordLists, nowMs: number): OpenApiResult {
  const content = stringParam(params, 'content')
  if (content === undefined || content.length === 0) throw wxError(WX_ERR.INVALID_ARGS, 'content is empty')
  if (content.length > MAX_CONTENT_CHARS) throw wxError(WX_ERR.INVALID_ARGS, `content is longer than ${MAX_CONTENT_CHARS}`)
  const verdict = textVerdict(content, words)
  if (Number(params.version) !== 2) {
    if (verdict.suggest === 'risky') throw new WxApiError(87014, 'risky content')
    return { json: { errmsg: 'ok' } }
  }
  requireUserAndScene(params)
  return {
    json: {
      errmsg: 'ok',
      result: { suggest: verdict.suggest, label: verdict.label },
      detail: verdictDetail(verdict, true),
      trace_id: traceId(nowMs),
    },
  }
}
