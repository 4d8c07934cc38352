import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './voice-player.scss'
import { toast } from '@/shared/ui/feedback'

interface VoicePlayerProps {
  id?: string
  /** Something the audio context can load: a local path, or fileSrc(fileID). */
  src: string
  /** Omitted when unknown (an example clip): the bubble then says 播放. */
  durationSec?: number
}

/** A voice bubble (like WeChat's): tap to play, tap again to stop. One audio context per bubble, destroyed on unmount. */
export default function VoicePlayer({ id, src, durationSec }: VoicePlayerProps) {
  const [playing, setPlaying] = useState(false)
  const audio = useRef<Taro.InnerAudioContext | null>(null)

  useEffect(
    () => () => {
      audio.current?.destroy()
      audio.current = null
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
    audio.current.play()
    setPlaying(true)
  }

  // Wider bubbles for longer clips, as chat apps do: four widths up to a minute.
  const size = Math.min(4, Math.ceil((durationSec ?? 10) / 15))
  return (
    <View
      role='button'
      id={id}
      className={`voice-player voice-player--w${size}${playing ? ' voice-player--playing' : ''}`}
      onClick={toggle}
    >
      <View className='voice-player__icon'>{playing ? '■' : '▶'}</View>
      <View>{durationSec ? `${durationSec}″` : '播放'}</View>
    </View>
  )
}
