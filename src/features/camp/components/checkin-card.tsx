import { View } from '@tarojs/components'
import type { CheckinView } from '@cloud/contracts/camp-views'
import type { ReviewView } from '@cloud/contracts/review-views'
import { fileSrc } from '@/shared/cloud'
import { formatDateTime } from '@/shared/time'
import PhotoGrid from './photo-grid'
import ReviewNote from './review-note'
import VoicePlayer from '@/shared/ui/voice/player'
import './checkin-card.scss'

interface CheckinCardProps {
  checkin: CheckinView
  onEdit?: () => void
  /** The teacher's latest review of this check-in. */
  review?: ReviewView | null
  reviewUnread?: boolean
  /** Returned for redo and still open: leads into the redo composer. */
  onRedo?: () => void
}

/** What the card's title says: where the check-in stands with the teacher. */
function titleOf(checkin: CheckinView, review: ReviewView | null | undefined): string {
  if (checkin.reviewStatus === 'returned') return '老师请你重新提交'
  if (checkin.reviewStatus === 'reviewed' && review) return checkin.featured ? '老师已点评 · 精选' : '老师已点评'
  if (checkin.reviewStatus === 'pending') return checkin.redoCount > 0 ? '已重新提交，等待老师点评' : '今日已打卡，等待老师点评'
  return checkin.makeup ? '已补卡' : '今日已打卡'
}

/** The member's own check-in as submitted, with its moderation state, the points it earned and the teacher's feedback. */
export default function CheckinCard({ checkin, onEdit, review, reviewUnread, onRedo }: CheckinCardProps) {
  const { content } = checkin
  const photos = content.images.map((fileId) => ({ key: fileId, preview: fileSrc(fileId), fileId, state: 'done' as const }))
  const pending = checkin.moderation.value !== 'pass'
  return (
    <View id='my-checkin' className='checkin-card'>
      <View className='checkin-card__head'>
        <View id='checkin-title' className={`checkin-card__title checkin-card__title--${checkin.reviewStatus}`}>
          {titleOf(checkin, review)}
        </View>
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
      {review ? <ReviewNote review={review} unread={reviewUnread} onRedo={onRedo} /> : null}
      <View className='checkin-card__foot'>
        <View>
          {formatDateTime(checkin.editedAt ?? checkin.submittedAt)}
          {checkin.editedAt ? ' 修改' : ' 提交'}
          {checkin.fromGroup ? ' · 群内打卡' : ''}
        </View>
        {onEdit ? (
          <View role='button' id='checkin-edit' className='checkin-card__edit' onClick={onEdit}>
            修改
          </View>
        ) : null}
      </View>
    </View>
  )
}
