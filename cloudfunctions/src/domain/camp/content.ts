import { isOwnFile, isSealedFile } from '../media'
import type { CheckinContent, CheckinDoc, ContentType, MediaCheck, ModerationState, PeriodDoc, Verdict } from './model'
import { rejectCamp, type CampRejection } from './rejections'

import LIMITS from './checkin-limits.json'

/**
 * The check-in limits live in checkin-limits.json, the one copy both sides read: these rules, and the mini program,
 * which gets the file's content as the build constant CHECKIN_LIMITS (config/index.ts) because it may import cloud
 * code as types only.
 */
export type CheckinLimits = typeof LIMITS
export const CHECKIN_LIMITS: CheckinLimits = LIMITS
export const MAX_TEXT_CHARS = LIMITS.maxTextChars
export const MAX_IMAGES = LIMITS.maxImages
export const MAX_VOICE_SEC = LIMITS.maxVoiceSec

/** Uploads of check-in media go under `checkins/{memberId}/…`, so a fileID proves whose upload it is. */
export const CHECKIN_UPLOAD_DIR = 'checkins'

/** The cloudPath pages upload a check-in file to. */
export function checkinUploadPath(memberId: string, periodId: string, fileName: string): string {
  return `${CHECKIN_UPLOAD_DIR}/${memberId}/${periodId}/${fileName}`
}

/**
 * Whether a check-in may use the file: the member's own upload folder, or a sealed copy the function made of one of
 * their uploads (what an edit sends back for the images it keeps). Strict: plain path segments only (no query suffix,
 * no `..`), the folder right after the bucket.
 */
export function isOwnUpload(fileId: string, memberId: string): boolean {
  return isOwnFile(fileId, CHECKIN_UPLOAD_DIR, memberId) || isSealedFile(fileId, memberId)
}

/** Characters as people count them (an emoji is one), not UTF-16 units. */
export function textLength(text: string): number {
  return [...text].length
}

export function usedContentTypes(content: CheckinContent): ContentType[] {
  const used: ContentType[] = []
  if (content.text.trim()) used.push('text')
  if (content.images.length) used.push('image')
  if (content.voice) used.push('voice')
  return used
}

/** Content rules shared by check-in and edit; `textVerdict` is msgSecCheck's answer, obtained before planning. */
export function checkContent(
  period: Pick<PeriodDoc, 'contentTypes'>,
  memberId: string,
  content: CheckinContent,
  textVerdict: Verdict,
): CampRejection | null {
  const used = usedContentTypes(content)
  if (used.length === 0) return rejectCamp('CAMP.CONTENT_EMPTY')
  const notAllowed = used.find((t) => !period.contentTypes.includes(t))
  if (notAllowed) return rejectCamp('CAMP.CONTENT_TYPE_NOT_ALLOWED', { type: notAllowed })
  if (textLength(content.text) > MAX_TEXT_CHARS) return rejectCamp('CAMP.TEXT_TOO_LONG', { max: MAX_TEXT_CHARS })
  if (content.images.length > MAX_IMAGES) return rejectCamp('CAMP.TOO_MANY_IMAGES', { max: MAX_IMAGES })
  if (content.voice) {
    const { durationSec } = content.voice
    if (!Number.isFinite(durationSec) || durationSec <= 0) return rejectCamp('CAMP.VOICE_INVALID')
    if (durationSec > MAX_VOICE_SEC) return rejectCamp('CAMP.VOICE_TOO_LONG', { max: MAX_VOICE_SEC })
  }
  const files = [...content.images, ...(content.voice ? [content.voice.fileId] : [])]
  if (files.some((f) => !isOwnUpload(f, memberId))) return rejectCamp('CAMP.FOREIGN_FILE')
  if (textVerdict === 'risky') return rejectCamp('CAMP.CONTENT_RISKY')
  return null
}

const SEVERITY: Readonly<Record<Verdict, number>> = { pass: 0, review: 1, risky: 2 }

/** The worst verdict so far; `pending` while media checks run and nothing worse than pass is known. */
export function resolveModeration(textVerdict: Verdict, checks: readonly MediaCheck[]): ModerationState {
  let worst: Verdict = textVerdict
  for (const c of checks) if (c.verdict !== 'pending' && SEVERITY[c.verdict] > SEVERITY[worst]) worst = c.verdict
  if (worst === 'pass' && checks.some((c) => c.verdict === 'pending')) return 'pending'
  return worst
}

/** Moderation fields of freshly submitted (or edited) content: every media file starts pending. */
export function initialModeration(
  content: CheckinContent,
  textVerdict: Verdict,
): Pick<CheckinDoc, 'moderation' | 'textVerdict' | 'mediaChecks'> {
  const files = [...content.images, ...(content.voice ? [content.voice.fileId] : [])]
  const mediaChecks: MediaCheck[] = files.map((fileId) => ({ fileId, verdict: 'pending' }))
  return { moderation: resolveModeration(textVerdict, mediaChecks), textVerdict, mediaChecks }
}

/**
 * Applies one mediaCheckAsync answer, matched by trace id (or fileID). Null when it matches nothing — e.g. the file
 * was removed by an edit meanwhile — so a late callback changes nothing.
 */
export function applyMediaVerdict(
  checkin: Pick<CheckinDoc, 'textVerdict' | 'mediaChecks'>,
  match: { traceId?: string; fileId?: string },
  verdict: Verdict,
): Pick<CheckinDoc, 'moderation' | 'mediaChecks'> | null {
  const hits = (c: MediaCheck) => (match.traceId !== undefined ? c.traceId === match.traceId : c.fileId === match.fileId)
  if (!checkin.mediaChecks.some(hits)) return null
  const mediaChecks = checkin.mediaChecks.map((c) => (hits(c) ? { ...c, verdict } : c))
  return { mediaChecks, moderation: resolveModeration(checkin.textVerdict, mediaChecks) }
}

/** Others (members, the feed) see a check-in only once every check passed; the author and teachers always do. */
export function visibleToOthers(checkin: Pick<CheckinDoc, 'moderation'>): boolean {
  return checkin.moderation === 'pass'
}
