/**
 * Client copies of the check-in limits (cloudfunctions/src/domain/camp/content.ts): the mini program may import cloud
 * code as types only, so the few numbers and the upload path rule are repeated here. The function checks them again.
 */
import type { SubscribeTemplateIds } from '@cloud/contracts/subscribe-templates'

export const MAX_TEXT_CHARS = 1000
export const MAX_IMAGES = 9
export const MAX_VOICE_SEC = 60

/** Characters as people count them (an emoji is one), like the function's textLength. */
export const textLength = (text: string): number => [...text].length

/** Uploads go under `checkins/{memberId}/{periodId}/…`: the function accepts only the caller's own files. */
export function checkinUploadPath(memberId: string, periodId: string, fileName: string): string {
  return `checkins/${memberId}/${periodId}/${fileName}`
}

/** A unique file name that keeps the picked file's extension (temp paths end with one on both platforms). */
export function uploadName(localPath: string, fallbackExt: string, now = Date.now()): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(localPath)?.[1]?.toLowerCase() ?? fallbackExt
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext}`
}

/** Defined at build time by config/index.ts from the same variables the functions use (contracts/subscribe-templates.ts). */
declare const SUBSCRIBE_TEMPLATE_IDS: SubscribeTemplateIds
/** The template the reminder timer sends. */
export const REMINDER_TEMPLATE_ID = SUBSCRIBE_TEMPLATE_IDS.checkinReminder
/** One accepted credit lets the review function notify the member once. */
export const REVIEW_TEMPLATE_ID = SUBSCRIBE_TEMPLATE_IDS.reviewArrived
