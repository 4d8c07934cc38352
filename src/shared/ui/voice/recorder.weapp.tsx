import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { VoiceRecorderProps } from './recorder.types'
import './recorder.scss'
import { toast } from '@/shared/ui/feedback'

/**
 * Weapp: records with the recorder manager, which stops by itself at `maxSec`. The manager is one per app, so its
 * handlers are (re)set on mount and read the latest callback through a ref.
 */
export default function VoiceRecorder({ id, subject, maxSec, disabled, onRecorded }: VoiceRecorderProps) {
  const [recording, setRecording] = useState(false)
  const [seconds, setSeconds] = useState(0)
  const latest = useRef(onRecorded)
  latest.current = onRecorded
  const ticker = useRef<ReturnType<typeof setInterval> | null>(null)
  // Whether the recorder is running: stopping an idle recorder makes the base library fire onError
  // ("operateRecorder:fail:recorder not start"), which would tell the member the microphone is blocked.
  const active = useRef(false)

  const stopTicker = () => {
    if (ticker.current) clearInterval(ticker.current)
    ticker.current = null
  }

  useEffect(() => {
    const rm = Taro.getRecorderManager()
    rm.onStop((res) => {
      active.current = false
      stopTicker()
      setRecording(false)
      if (!res.tempFilePath) return
      latest.current({ path: res.tempFilePath, durationSec: Math.min(maxSec, Math.max(1, Math.round(res.duration / 1000))), ext: 'mp3' })
    })
    rm.onError(() => {
      active.current = false
      stopTicker()
      setRecording(false)
      toast('无法录音，请在设置中允许使用麦克风')
    })
    return () => {
      stopTicker()
      if (active.current) rm.stop()
    }
  }, [maxSec])

  const toggle = () => {
    if (disabled) return
    const rm = Taro.getRecorderManager()
    if (recording) return rm.stop()
    setSeconds(0)
    setRecording(true)
    ticker.current = setInterval(() => setSeconds((s) => s + 1), 1000)
    active.current = true
    rm.start({ duration: maxSec * 1000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 })
  }

  return (
    <View className='voice-recorder'>
      <View
        role='button'
        id={`${id}-record`}
        className={`voice-recorder__button${recording ? ' voice-recorder__button--on' : ''}${disabled ? ' voice-recorder__button--off' : ''}`}
        onClick={toggle}
      >
        {recording ? `录音中 ${seconds}″ · 点击结束` : `点击录制${subject}`}
      </View>
      <View className='voice-recorder__hint'>最长 {maxSec} 秒，到时自动结束</View>
    </View>
  )
}
