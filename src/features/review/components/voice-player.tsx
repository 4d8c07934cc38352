import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { playbackRateSupported } from './playback-rate'
import './voice-player.scss'
import { toast } from '@/shared/ui/feedback'

interface VoicePlayerProps {
  id: string
  /** What the audio context loads: a local path, or fileSrc(fileID). */
  src: string
  durationSec: number
  /** Offer 1× / 1.5× / 2× (teachers skim many clips); members just play. */
  speeds?: boolean
}

const RATES = [1, 1.5, 2] as const

/** A voice bubble: tap to play, tap again to stop. One audio context per bubble, destroyed on unmount or a new clip. */
export default function VoicePlayer({ id, src, durationSec, speeds }: VoicePlayerProps) {
  const [playing, setPlaying] = useState(false)
  const [rate, setRate] = useState<number>(1)
  const audio = useRef<Taro.InnerAudioContext | null>(null)
  const rateSupported = !!speeds && playbackRateSupported()

  useEffect(
    () => () => {
      audio.current?.destroy()
      audio.current = null
      setPlaying(false)
    },
    [src],
  )

  const toggle = () => {
    if (playing) {
      audio.current?.stop()
      setPlaying(false)
      return
    }
    if (!audio.current) {
      const ctx = Taro.createInnerAudioContext()
      ctx.src = src
      ctx.onEnded(() => setPlaying(false))
      ctx.onStop(() => setPlaying(false))
      ctx.onError(() => {
        setPlaying(false)
        toast('语音播放失败')
      })
      audio.current = ctx
    }
    if (rateSupported) audio.current.playbackRate = rate
    audio.current.play()
    setPlaying(true)
  }

  const choose = (next: number) => {
    setRate(next)
    if (audio.current) audio.current.playbackRate = next
  }

  return (
    <View className='rv-voice'>
      <View role='button' id={id} className={`rv-voice__bubble${playing ? ' rv-voice__bubble--playing' : ''}`} onClick={toggle}>
        <View>{playing ? '■' : '▶'}</View>
        <View>{durationSec}″</View>
      </View>
      {speeds && rateSupported ? (
        <View className='rv-voice__rates'>
          {RATES.map((r) => (
            <View
              role='button'
              key={r}
              id={`${id}-rate-${r}`}
              className={`rv-voice__rate${r === rate ? ' rv-voice__rate--on' : ''}`}
              onClick={() => choose(r)}
            >
              {r}×
            </View>
          ))}
        </View>
      ) : speeds ? (
        <View className='rv-voice__note'>当前微信版本不支持倍速播放</View>
      ) : null}
    </View>
  )
}
