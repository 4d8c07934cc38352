import { View } from '@tarojs/components'
import type { VoiceRecorderProps } from './voice-recorder.types'
import './voice-recorder.scss'
import { toast } from '@/shared/ui/feedback'

/** Reads an audio file's length from its metadata; null when the browser cannot tell. */
function durationOf(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const audio = new Audio()
    audio.preload = 'metadata'
    audio.onloadedmetadata = () => resolve(Number.isFinite(audio.duration) ? audio.duration : null)
    audio.onerror = () => resolve(null)
    audio.src = url
  })
}

/**
 * H5 (local mode): the browser build cannot use WeChat's recorder, so it says so and lets the member pick an
 * audio file of at most `maxSec` seconds instead.
 */
export default function VoiceRecorder({ maxSec, onRecorded }: VoiceRecorderProps) {
  const pick = async (file: File | undefined) => {
    if (!file) return
    const url = URL.createObjectURL(file)
    const seconds = await durationOf(url)
    if (seconds === null || seconds <= 0) return void toast('无法读取音频时长，请换一个文件')
    if (seconds > maxSec) return void toast(`语音不能超过 ${maxSec} 秒`)
    onRecorded({ path: url, durationSec: Math.max(1, Math.round(seconds)) })
  }
  return (
    <View className='voice-recorder'>
      <View id='voice-notice' className='voice-recorder__notice'>
        请在微信中录音。浏览器中可选择一段不超过 {maxSec} 秒的音频文件。
      </View>
      <label className='voice-recorder__button'>
        选择音频文件
        <input
          id='voice-file'
          type='file'
          accept='audio/*'
          style={{ display: 'none' }}
          onChange={(e) => void pick(e.currentTarget.files?.[0])}
        />
      </label>
    </View>
  )
}
