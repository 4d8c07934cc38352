import { View } from '@tarojs/components'
import type { CheckinView } from '@cloud/contracts/camp-views'
import { fileSrc } from '@/shared/cloud'
import { formatDateTime } from '@/shared/time'
import PhotoGrid from './photo-grid'
import VoicePlayer from './voice-player'
import './checkin-card.scss'

/** The member's own check-in as submitted, with its moderation state and the points it earned. */
export default function CheckinCard({ checkin, onEdit }: { checkin: CheckinView; onEdit?: () => void }) {
  const { content } = checkin
  const photos = content.images.map((fileId) => ({ key: fileId, preview: fileSrc(fileId), fileId, state: 'done' as const }))
  const pending = checkin.moderation.value !== 'pass'
  return (
    <View id='my-checkin' className='checkin-card'>
      <View className='checkin-card__head'>
        <View className='checkin-card__title'>{checkin.makeup ? '已补卡' : '今日已打卡'}</View>
        <View className='checkin-card__points'>+{checkin.points} 积分</View>
      </View>
      {pending ? (
        <View id='checkin-moderation' className={`checkin-card__moderation checkin-card__moderation--${checkin.moderation.value}`}>
          {checkin.moderation.label}
          {checkin.moderation.value === 'risky' ? '，仅自己可见，请修改' : '，通过后其他同学可见'}
        </View>
      ) : null}
      {content.text ? <View className='checkin-card__text'>{content.text}</View> : null}
      {photos.length ? <PhotoGrid photos={photos} max={photos.length} /> : null}
      {content.voice ? <VoicePlayer src={fileSrc(content.voice.fileId)} durationSec={content.voice.durationSec} /> : null}
      <View className='checkin-card__foot'>
        <View>
          {formatDateTime(checkin.editedAt ?? checkin.submittedAt)}
          {checkin.editedAt ? ' 修改' : ' 提交'}
          {checkin.fromGroup ? ' · 群内打卡' : ''}
        </View>
        {onEdit ? (
          <View id='checkin-edit' className='checkin-card__edit' onClick={onEdit}>
            修改
          </View>
        ) : null}
      </View>
    </View>
  )
}
