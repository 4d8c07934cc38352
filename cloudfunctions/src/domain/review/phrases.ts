import { textLength } from '../camp/content'
import { rejectReview, type ReviewRejection } from './rejections'

/**
 * A teacher's quick phrases: one small document `phrases:{teacherId}` holding the ordered list. A phrase is
 * identified by its text (unique per teacher), not its position, so two open pages cannot remove the wrong one.
 * Write with a condition on `updatedAt` (the value read) so concurrent edits do not overwrite each other.
 */
export const MAX_PHRASES = 30
export const MAX_PHRASE_CHARS = 100

export interface PhrasesDoc {
  _id: string
  teacherId: string
  phrases: string[]
  updatedAt: number
}

export type PhrasesResult = { ok: true; phrases: string[] } | ReviewRejection

export const phrasesDocId = (teacherId: string): string => `phrases:${teacherId}`

export function emptyPhrases(teacherId: string, now: number): PhrasesDoc {
  return { _id: phrasesDocId(teacherId), teacherId, phrases: [], updatedAt: now }
}

/** Trimmed, inner whitespace kept (line breaks are part of a phrase), within limits. */
export function normalizePhrase(text: string): string | ReviewRejection {
  const phrase = text.trim()
  if (!phrase) return rejectReview('REVIEW.PHRASE_EMPTY')
  if (textLength(phrase) > MAX_PHRASE_CHARS) return rejectReview('REVIEW.PHRASE_TOO_LONG', { max: MAX_PHRASE_CHARS })
  return phrase
}

/** Adds at the end (or at `position`, 0-based, clamped). */
export function addPhrase(phrases: readonly string[], text: string, position?: number): PhrasesResult {
  const phrase = normalizePhrase(text)
  if (typeof phrase !== 'string') return phrase
  if (phrases.includes(phrase)) return rejectReview('REVIEW.PHRASE_DUPLICATE')
  if (phrases.length >= MAX_PHRASES) return rejectReview('REVIEW.PHRASE_LIMIT', { max: MAX_PHRASES })
  const at = position === undefined ? phrases.length : Math.max(0, Math.min(phrases.length, Math.trunc(position)))
  return { ok: true, phrases: [...phrases.slice(0, at), phrase, ...phrases.slice(at)] }
}

/** Replaces a phrase in place. */
export function updatePhrase(phrases: readonly string[], from: string, to: string): PhrasesResult {
  const index = phrases.indexOf(from)
  if (index < 0) return rejectReview('REVIEW.PHRASE_NOT_FOUND')
  const phrase = normalizePhrase(to)
  if (typeof phrase !== 'string') return phrase
  if (phrase !== from && phrases.includes(phrase)) return rejectReview('REVIEW.PHRASE_DUPLICATE')
  return { ok: true, phrases: phrases.map((p, i) => (i === index ? phrase : p)) }
}

export function removePhrase(phrases: readonly string[], text: string): PhrasesResult {
  if (!phrases.includes(text)) return rejectReview('REVIEW.PHRASE_NOT_FOUND')
  return { ok: true, phrases: phrases.filter((p) => p !== text) }
}

/** `order` must be exactly the current phrases in a new order (a stale page gets PHRASE_ORDER_INVALID). */
export function reorderPhrases(phrases: readonly string[], order: readonly string[]): PhrasesResult {
  const same = order.length === phrases.length && new Set(order).size === order.length && order.every((p) => phrases.includes(p))
  return same ? { ok: true, phrases: [...order] } : rejectReview('REVIEW.PHRASE_ORDER_INVALID')
}
