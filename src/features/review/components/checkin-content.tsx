import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fileSrc } from '@/shared/cloud'
import type { CheckinContent as Content } from '@cloud/domain/camp'
import VoicePlayer from './voice-player'
import './checkin-content.scss'

/** What a member submitted: text, photos (tap for WeChat's viewer, which zooms) and voice. */
export default function CheckinContent({ content, speeds }: { content: Content; speeds?: boolean }) {
  const urls = content.images.map(fileSrc)
  const preview = (current: string) => void Taro.previewImage({ current, urls }).catch(() => undefined)
  return (
    <View className='rv-content'>
      {content.text ? (
        <View id='checkin-text' className='rv-content__text'>
          {content.text}
        </View>
      ) : null}
      {urls.length ? (
        <View className='rv-content__photos'>
          {urls.map((src, i) => (
            <Image
              key={src}
              id={`checkin-photo-${i}`}
              className='rv-content__photo'
              src={src}
              mode='aspectFill'
              onClick={() => preview(src)}
            />
          ))}
        </View>
      ) : null}
      {content.voice ? (
        <VoicePlayer id='checkin-voice' src={fileSrc(content.voice.fileId)} durationSec={content.voice.durationSec} speeds={speeds} />
      ) : null}
    </View>
  )
}
