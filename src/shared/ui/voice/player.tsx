import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { playbackRateSupported } from './playback-rate'
import './player.scss'
import { toast } from '@/shared/ui/feedback'

export interface VoicePlayerProps {
  /** The bubble's id; the speed buttons are `${id}-rate-${rate}`. */
  id?: string
  /** What the audio context loads: a local path, or fileSrc(fileID). */
  src: string
  /** Omitted when unknown (an example clip): the bubble then says 播放. */
  durationSec?: number
  /** Offer 1× / 1.5× / 2× (teachers skim many clips); members just play. */
  speeds?: boolean
}

const RATES = [1, 1.5, 2] as const

/** Four bubble widths up to a minute, as chat apps do: longer clips, wider bubbles. */
const bubbleWidth = (durationSec: number | undefined): number => Math.min(4, Math.max(1, Math.ceil((durationSec ?? 10) / 15)))

/**
 * A voice bubble (like WeChat's): tap to play, tap again to stop. One audio context per bubble, destroyed on unmount
 * or a new clip; with `speeds`, the rate buttons change it while it plays.
 */
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
    <View className='voice-player'>
      <View
        role='button'
        id={id}
        className={`voice-player__bubble voice-player__bubble--w${bubbleWidth(durationSec)}${playing ? ' voice-player__bubble--playing' : ''}`}
        onClick={toggle}
      >
        <View className='voice-player__icon'>{playing ? '■' : '▶'}</View>
        <View>{durationSec ? `${durationSec}″` : '播放'}</View>
      </View>
      {speeds && rateSupported ? (
        <View className='voice-player__rates'>
          {RATES.map((r) => (
            <View
              role='button'
              key={r}
              id={id ? `${id}-rate-${r}` : undefined}
              className={`voice-player__rate${r === rate ? ' voice-player__rate--on' : ''}`}
              onClick={() => choose(r)}
            >
              {r}×
            </View>
          ))}
        </View>
      ) : speeds ? (
        <View className='voice-player__note'>当前微信版本不支持倍速播放</View>
      ) : null}
    </View>
  )
}
