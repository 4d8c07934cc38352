import { View } from '@tarojs/components'
import type { VoiceRecorderProps } from './recorder.types'
import './recorder.scss'
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
 * H5 (local mode): browsers have no WeChat recorder, so it says so plainly and offers an audio file of at most
 * `maxSec` seconds instead (enough to try the flow in a browser).
 */
export default function VoiceRecorder({ id, subject, maxSec, disabled, onRecorded }: VoiceRecorderProps) {
  const pick = async (file: File | undefined) => {
    if (!file) return
    const url = URL.createObjectURL(file)
    const seconds = await audioSeconds(url)
    if (seconds === null || seconds <= 0) return void toast('无法读取音频时长，请换一个文件')
    if (seconds > maxSec) return void toast(`${subject}不能超过 ${maxSec} 秒`)
    onRecorded({ path: url, durationSec: Math.max(1, Math.round(seconds)), ext: extOf(file.name) })
  }
  return (
    <View className='voice-recorder'>
      <View id={`${id}-unsupported`} className='voice-recorder__notice'>
        浏览器中不能录音，请在微信小程序里录制{subject}；这里可选择一段不超过 {maxSec} 秒的音频文件。
      </View>
      {disabled ? null : (
        <label className='voice-recorder__button'>
          选择音频文件
          <input
            id={`${id}-file`}
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
