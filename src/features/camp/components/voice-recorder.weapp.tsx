import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { VoiceRecorderProps } from './voice-recorder.types'
import './voice-recorder.scss'
import { toast } from '@/shared/ui/feedback'

/**
 * Weapp: records in-app with the recorder manager (a singleton, so its handlers are set once and read the latest
 * props through a ref). The recorder stops by itself at `maxSec`.
 */
export default function VoiceRecorder({ maxSec, onRecorded }: VoiceRecorderProps) {
  const [recording, setRecording] = useState(false)
  const [elapsed, setElapsed] = useState(0)
  const onRecordedRef = useRef(onRecorded)
  onRecordedRef.current = onRecorded
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const manager = useRef<Taro.RecorderManager | null>(null)

  const stopTimer = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }

  useEffect(() => {
    const rm = Taro.getRecorderManager()
    manager.current = rm
    rm.onStop((res) => {
      stopTimer()
      setRecording(false)
      const durationSec = Math.min(maxSec, Math.max(1, Math.round(res.duration / 1000)))
      if (res.tempFilePath) onRecordedRef.current({ path: res.tempFilePath, durationSec })
    })
    rm.onError(() => {
      stopTimer()
      setRecording(false)
      toast('无法录音，请在设置中允许使用麦克风')
    })
    return stopTimer
  }, [maxSec])

  const toggle = () => {
    const rm = manager.current
    if (!rm) return
    if (recording) return rm.stop()
    setElapsed(0)
    setRecording(true)
    timer.current = setInterval(() => setElapsed((s) => s + 1), 1000)
    rm.start({ duration: maxSec * 1000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 })
  }

  return (
    <View className='voice-recorder'>
      <View
        role='button'
        id='voice-record'
        className={`voice-recorder__button${recording ? ' voice-recorder__button--on' : ''}`}
        onClick={toggle}
      >
        {recording ? `录音中 ${elapsed}″ · 点击结束` : '点击开始录音'}
      </View>
      <View className='voice-recorder__hint'>最长 {maxSec} 秒，到时自动结束</View>
    </View>
  )
}
