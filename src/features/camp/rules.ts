/**
 * The check-in limits come from the functions' own file (cloudfunctions/src/domain/camp/checkin-limits.json), which
 * config/index.ts defines as CHECKIN_LIMITS at build time: the mini program may import cloud code as types only. The
 * upload path rule is repeated here. The function checks text, image count and voice again.
 */
import type { SubscribeTemplateIds } from '@cloud/contracts/subscribe-templates'
import type { CheckinLimits } from '@cloud/domain/camp/content'

declare const CHECKIN_LIMITS: CheckinLimits
export const MAX_TEXT_CHARS = CHECKIN_LIMITS.maxTextChars
export const MAX_IMAGES = CHECKIN_LIMITS.maxImages
export const MAX_VOICE_SEC = CHECKIN_LIMITS.maxVoiceSec
export const MAX_IMAGE_BYTES = CHECKIN_LIMITS.maxImageBytes

/** A picked file as both pickers describe it (weapp: fileType 'image' | 'video'; H5: the MIME type and the File). */
export interface PickedFile {
  tempFilePath: string
  size: number
  fileType?: string
  originalFileObj?: { name?: string; type?: string }
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

/** Why a picked photo cannot be used (in Chinese, for a toast), or null. `n` is its 1-based place in the pick. */
export function photoProblem(file: PickedFile, n: number): string | null {
  const name = file.originalFileObj?.name ?? file.tempFilePath
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase()
  const type = (file.originalFileObj?.type || file.fileType || '').toLowerCase()
  const subtype = type.startsWith('image/') ? type.slice(6).replace('svg+xml', 'svg') : null
  const image =
    type === 'image' || type.startsWith('image/')
      ? (subtype === null || CHECKIN_LIMITS.imageExtensions.includes(subtype)) && (!ext || CHECKIN_LIMITS.imageExtensions.includes(ext))
      : false
  if (!image) return `第 ${n} 个文件不是图片，请选择 JPG、PNG、GIF 或 WEBP 格式的照片`
  if (file.size > MAX_IMAGE_BYTES) return `第 ${n} 张图片有 ${megabytes(file.size)}，超过 ${megabytes(MAX_IMAGE_BYTES)}，请压缩后再上传`
  return null
}

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
