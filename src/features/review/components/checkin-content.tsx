import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fileSrc } from '@/shared/cloud'
import type { CheckinContent as Content } from '@cloud/domain/camp'
import VoicePlayer from '@/shared/ui/voice/player'
import './checkin-content.scss'

/**
 * What a member submitted: text, photos (tap for WeChat's viewer, which zooms) and voice. With `onAnnotate`, each
 * photo has a 批注 button that hands its fileID over.
 */
export default function CheckinContent({
  content,
  speeds,
  onAnnotate,
}: {
  content: Content
  speeds?: boolean
  onAnnotate?: (fileId: string) => void
}) {
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
            <View key={src} className='rv-content__cell'>
              <Image
                aria-label='查看大图'
                id={`checkin-photo-${i}`}
                className='rv-content__photo'
                src={src}
                mode='aspectFill'
                onClick={() => preview(src)}
              />
              {onAnnotate ? (
                <View
                  role='button'
                  id={`annotate-photo-${i}`}
                  className='rv-content__annotate'
                  onClick={() => onAnnotate(content.images[i])}
                >
                  批注
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {content.voice ? (
        <VoicePlayer id='checkin-voice' src={fileSrc(content.voice.fileId)} durationSec={content.voice.durationSec} speeds={speeds} />
      ) : null}
    </View>
  )
}
