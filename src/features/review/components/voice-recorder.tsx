import { View } from '@tarojs/components'
import type { VoiceRecorderProps } from './voice-recorder.types'
import './voice-recorder.scss'
import { toast } from '@/shared/ui/feedback'

/** The length of an audio file from its metadata; null when the browser cannot tell. */
function audioSeconds(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const audio = new Audio()
    audio.preload = 'metadata'
    audio.onloadedmetadata = () => resolve(Number.isFinite(audio.duration) ? audio.duration : null)
    audio.onerror = () => resolve(null)
    audio.src = url
  })
}

const extOf = (name: string) => /\.([a-z0-9]{1,5})$/i.exec(name)?.[1].toLowerCase() ?? 'mp3'

/**
 * H5 (local mode): browsers have no WeChat recorder, so the page says so plainly and offers an audio file of at most
 * `maxSec` seconds instead (enough to try the flow in a browser).
 */
export default function VoiceRecorder({ maxSec, disabled, onRecorded }: VoiceRecorderProps) {
  const pick = async (file: File | undefined) => {
    if (!file) return
    const url = URL.createObjectURL(file)
    const seconds = await audioSeconds(url)
    if (seconds === null || seconds <= 0) return void toast('无法读取音频时长，请换一个文件')
    if (seconds > maxSec) return void toast(`语音点评不能超过 ${maxSec} 秒`)
    onRecorded({ path: url, durationSec: Math.max(1, Math.round(seconds)), ext: extOf(file.name) })
  }
  return (
    <View className='rv-recorder'>
      <View id='voice-comment-unsupported' className='rv-recorder__hint'>
        浏览器中不能录音，请在微信小程序里录制语音点评；这里可选择一段不超过 {maxSec} 秒的音频文件。
      </View>
      {disabled ? null : (
        <label className='rv-recorder__button'>
          选择音频文件
          <input
            id='voice-comment-file'
            type='file'
            accept='audio/*'
            style={{ display: 'none' }}
            onChange={(e) => void pick(e.currentTarget.files?.[0])}
          />
        </label>
      )}
    </View>
  )
}
