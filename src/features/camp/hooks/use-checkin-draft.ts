import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { uploadFile } from '@/shared/cloud'
import { EMPTY_DRAFT, type CheckinDraft, type DraftPhoto } from '../composer-model'
import { checkinUploadPath, MAX_IMAGES, uploadName } from '../rules'
import type { RecordedClip } from '../components/voice-recorder.types'

/**
 * The composer's state: text, photos and voice, each file uploaded as soon as it is picked (so the member sees
 * progress while still typing) to the member's own folder, the only place the function accepts files from.
 */
export function useCheckinDraft(memberId: string, periodId: string, initial: CheckinDraft = EMPTY_DRAFT) {
  const [draft, setDraft] = useState<CheckinDraft>(initial)
  const seq = useRef(0)

  const upload = (localPath: string, ext: string) =>
    uploadFile(checkinUploadPath(memberId, periodId, uploadName(localPath, ext)), localPath)

  const setPhoto = (key: string, patch: Partial<DraftPhoto>) =>
    setDraft((d) => ({ ...d, photos: d.photos.map((p) => (p.key === key ? { ...p, ...patch } : p)) }))

  const addPhotos = async () => {
    const room = MAX_IMAGES - draft.photos.length
    if (room <= 0) return void Taro.showToast({ title: `最多上传 ${MAX_IMAGES} 张图片`, icon: 'none' })
    let paths: string[]
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] })
      paths = res.tempFiles.map((f) => f.tempFilePath)
    } catch {
      return // The member closed the picker.
    }
    // The browser's file picker ignores `count`: keep what fits and say why the rest was left out.
    if (paths.length > room) void Taro.showToast({ title: `最多上传 ${MAX_IMAGES} 张图片`, icon: 'none' })
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
