import Taro from '@tarojs/taro'
import { fileSrc } from '@/shared/cloud'
import type { CheckinDraft } from './composer-model'

/**
 * A check-in draft kept in local storage, one per period, day and kind (new check-in, same-day edit, redo), so a reload
 * or a closed page does not lose what the member wrote. Only what survives a reload is kept: the text and the files
 * already uploaded (by fileID; local temp paths die with the page). Cleared after a successful submit.
 */
export type DraftKind = 'new' | 'edit' | 'redo'

interface StoredDraft {
  text: string
  images: string[]
  voice: { fileId: string; durationSec: number } | null
}

const PREFIX = 'camp-draft:'

export const draftKey = (periodId: string, day: string, kind: DraftKind): string => `${PREFIX}${periodId}:${day}:${kind}`

export function loadDraft(key: string): CheckinDraft | null {
  let stored: unknown
  try {
    stored = Taro.getStorageSync(key)
  } catch {
    return null
  }
  if (!stored || typeof stored !== 'object') return null
  const d = stored as Partial<StoredDraft>
  if (typeof d.text !== 'string' || !Array.isArray(d.images)) return null
  const images = d.images.filter((f): f is string => typeof f === 'string')
  const voice = d.voice && typeof d.voice.fileId === 'string' && typeof d.voice.durationSec === 'number' ? d.voice : null
  return {
    text: d.text,
    photos: images.map((fileId) => ({ key: fileId, preview: fileSrc(fileId), fileId, state: 'done' })),
    voice: voice ? { preview: fileSrc(voice.fileId), durationSec: voice.durationSec, fileId: voice.fileId, state: 'done' } : null,
  }
}

export function saveDraft(key: string, draft: CheckinDraft): void {
  const stored: StoredDraft = {
    text: draft.text,
    images: draft.photos.flatMap((p) => (p.fileId && p.state === 'done' ? [p.fileId] : [])),
    voice:
      draft.voice?.fileId && draft.voice.state === 'done' ? { fileId: draft.voice.fileId, durationSec: draft.voice.durationSec } : null,
  }
  try {
    if (!stored.text && stored.images.length === 0 && !stored.voice) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, stored)
  } catch {
    // Storage full or unavailable: the draft just is not kept.
  }
}

export function forgetDraft(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // Nothing kept, nothing to clear.
  }
}
