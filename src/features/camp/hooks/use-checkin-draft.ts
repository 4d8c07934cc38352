import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { uploadFile } from '@/shared/cloud'
import { EMPTY_DRAFT, type CheckinDraft, type DraftPhoto } from '../composer-model'
import { loadDraft, saveDraft } from '../draft-store'
import { checkinUploadPath, MAX_IMAGES, photoProblem, uploadName, type PickedFile } from '../rules'
import type { RecordedClip } from '@/shared/ui/voice/recorder.types'
import { alert, toast } from '@/shared/ui/feedback'

/**
 * The composer's state: text, photos and voice, each file uploaded as soon as it is picked (so the member sees
 * progress while still typing) to the member's own folder, the only place the function accepts files from. With a
 * `storageKey` the draft starts from what was kept there and is kept on every change (draft-store.ts).
 */
export function useCheckinDraft(memberId: string, periodId: string, initial: CheckinDraft = EMPTY_DRAFT, storageKey?: string) {
  const [draft, setDraft] = useState<CheckinDraft>(() => (storageKey ? loadDraft(storageKey) : null) ?? initial)
  const seq = useRef(0)
  useEffect(() => {
    if (storageKey) saveDraft(storageKey, draft)
  }, [storageKey, draft])

  const upload = (localPath: string, ext: string) =>
    uploadFile(checkinUploadPath(memberId, periodId, uploadName(localPath, ext)), localPath)

  const setPhoto = (key: string, patch: Partial<DraftPhoto>) =>
    setDraft((d) => ({ ...d, photos: d.photos.map((p) => (p.key === key ? { ...p, ...patch } : p)) }))

  const addPhotos = async () => {
    const room = MAX_IMAGES - draft.photos.length
    if (room <= 0) return void toast(`最多上传 ${MAX_IMAGES} 张图片`)
    let files: PickedFile[]
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] })
      files = res.tempFiles as PickedFile[]
    } catch {
      return // The member closed the picker.
    }
    // A file that is not a photo, or too large, is left out with its reason (the first one is shown).
    const problems = files.map((f, i) => photoProblem(f, i + 1))
    const firstProblem = problems.find((p) => p !== null)
    if (firstProblem) void alert({ title: '图片无法上传', content: firstProblem, confirmText: '知道了' })
    const paths = files.filter((_, i) => problems[i] === null).map((f) => f.tempFilePath)
    // The browser's file picker ignores `count`: keep what fits and say why the rest was left out.
    if (!firstProblem && paths.length > room) toast(`最多上传 ${MAX_IMAGES} 张图片`)
    const picked: DraftPhoto[] = paths
      .slice(0, room)
      .map((preview) => ({ key: `p${++seq.current}`, preview, fileId: null, state: 'uploading' }))
    setDraft((d) => ({ ...d, photos: [...d.photos, ...picked] }))
    await Promise.all(
      picked.map(async (p) => {
        try {
          setPhoto(p.key, { fileId: await upload(p.preview, 'jpg'), state: 'done' })
        } catch {
          setPhoto(p.key, { state: 'failed' })
        }
      }),
    )
  }

  const removePhoto = (key: string) => setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.key !== key) }))

  const setVoice = async (clip: RecordedClip) => {
    setDraft((d) => ({ ...d, voice: { preview: clip.path, durationSec: clip.durationSec, fileId: null, state: 'uploading' } }))
    let fileId: string | null = null
    try {
      fileId = await upload(clip.path, 'mp3')
    } catch {
      fileId = null
    }
    setDraft((d) => (d.voice?.preview === clip.path ? { ...d, voice: { ...d.voice, fileId, state: fileId ? 'done' : 'failed' } } : d))
  }

  const removeVoice = () => setDraft((d) => ({ ...d, voice: null }))
  const setText = (text: string) => setDraft((d) => ({ ...d, text }))

  return { draft, setText, addPhotos, removePhoto, setVoice, removeVoice }
}
