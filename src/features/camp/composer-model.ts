import type { CheckinContent, ContentType } from '@cloud/domain/camp'
import { MAX_IMAGES, MAX_TEXT_CHARS, MAX_VOICE_SEC, textLength } from './rules'

/** A picked photo: shown at once from its local path, usable once its upload answered a fileID. */
export interface DraftPhoto {
  key: string
  /** Local temp path (or, when editing, the fileSrc of the uploaded file). */
  preview: string
  fileId: string | null
  state: 'uploading' | 'done' | 'failed'
}

export interface DraftVoice {
  preview: string
  durationSec: number
  fileId: string | null
  state: 'uploading' | 'done' | 'failed'
}

export interface CheckinDraft {
  text: string
  photos: DraftPhoto[]
  voice: DraftVoice | null
}

export const EMPTY_DRAFT: CheckinDraft = { text: '', photos: [], voice: null }

/** Why the draft cannot be sent yet (shown as a toast), or null when it can. */
export function draftProblem(draft: CheckinDraft, allowed: readonly ContentType[]): string | null {
  const text = draft.text.trim()
  if (!text && draft.photos.length === 0 && !draft.voice) return '请填写打卡内容'
  if (text && !allowed.includes('text')) return '本期不支持文字打卡'
  if (draft.photos.length && !allowed.includes('image')) return '本期不支持图片打卡'
  if (draft.voice && !allowed.includes('voice')) return '本期不支持语音打卡'
  if (textLength(draft.text) > MAX_TEXT_CHARS) return `文字不能超过 ${MAX_TEXT_CHARS} 字`
  if (draft.photos.length > MAX_IMAGES) return `最多上传 ${MAX_IMAGES} 张图片`
  if (draft.voice && draft.voice.durationSec > MAX_VOICE_SEC) return `语音不能超过 ${MAX_VOICE_SEC} 秒`
  const files = [...draft.photos, ...(draft.voice ? [draft.voice] : [])]
  if (files.some((f) => f.state === 'uploading')) return '文件上传中，请稍候'
  if (files.some((f) => f.state === 'failed')) return '有文件上传失败，请删除后重新添加'
  return null
}

/** The content the function receives: trimmed text and uploaded fileIDs only. */
export function draftContent(draft: CheckinDraft): CheckinContent {
  const voice = draft.voice?.fileId ? { fileId: draft.voice.fileId, durationSec: draft.voice.durationSec } : null
  return {
    text: draft.text.trim(),
    images: draft.photos.flatMap((p) => (p.fileId ? [p.fileId] : [])),
    voice,
  }
}

/** Editing starts from what was submitted; `src` turns a fileID into something <Image> can load. */
export function draftFrom(content: CheckinContent, src: (fileId: string) => string): CheckinDraft {
  return {
    text: content.text,
    photos: content.images.map((fileId) => ({ key: fileId, preview: src(fileId), fileId, state: 'done' })),
    voice: content.voice
      ? { preview: src(content.voice.fileId), durationSec: content.voice.durationSec, fileId: content.voice.fileId, state: 'done' }
      : null,
  }
}
