import { useCallback, useRef, useState } from 'react'
import { fileSrc, uploadFile } from '@/shared/cloud'
import type { VoiceComment } from '@cloud/domain/review'
import type { RecordedClip } from '@/shared/ui/voice/recorder.types'
import { reviewUploadPath, voiceFileName } from '../upload-path'
import { toast } from '@/shared/ui/feedback'

export type VoiceState =
  | { status: 'none' }
  | { status: 'uploading'; preview: string; durationSec: number }
  | { status: 'ready'; preview: string; voice: VoiceComment }

/**
 * The voice comment of the review being written: uploaded as soon as it is recorded (so submitting is one call),
 * under the teacher's own folder. A clip from an older item that finishes uploading late is dropped.
 */
export function useVoiceComment(teacherId: string) {
  const [state, setState] = useState<VoiceState>({ status: 'none' })
  const generation = useRef(0)

  /** Starts over for another item: empty, or the voice of the teacher's own review being edited. */
  const reset = useCallback((existing: VoiceComment | null) => {
    generation.current += 1
    setState(existing ? { status: 'ready', preview: fileSrc(existing.fileId), voice: existing } : { status: 'none' })
  }, [])

  const attach = useCallback(
    async (clip: RecordedClip, periodId: string) => {
      const gen = ++generation.current
      setState({ status: 'uploading', preview: clip.path, durationSec: clip.durationSec })
      try {
        const fileId = await uploadFile(reviewUploadPath(teacherId, periodId, voiceFileName(Date.now(), clip.ext)), clip.path)
        if (gen !== generation.current) return
        setState({ status: 'ready', preview: clip.path, voice: { fileId, durationSec: clip.durationSec } })
      } catch {
        if (gen !== generation.current) return
        setState({ status: 'none' })
        toast('语音上传失败，请重新录制')
      }
    },
    [teacherId],
  )

  const remove = useCallback(() => reset(null), [reset])

  return { state, voice: state.status === 'ready' ? state.voice : null, uploading: state.status === 'uploading', attach, reset, remove }
}
