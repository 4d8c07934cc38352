import { View } from '@tarojs/components'
import type { ReviewView } from '@cloud/contracts/review-views'
import { fileSrc } from '@/shared/cloud'
import { formatDateTime } from '@/shared/time'
import VoicePlayer from '@/shared/ui/voice/player'
import PhotoGrid from './photo-grid'
import './review-note.scss'

interface ReviewNoteProps {
  review: ReviewView
  /** Shown to the member for the first time: marked 新点评. */
  unread?: boolean
  /** Returned for redo and still open: the button leads into the redo composer. */
  onRedo?: () => void
}

/** The teacher's feedback under the member's own check-in: comment, annotated photos, voice, score, 精选, or the redo request. */
export default function ReviewNote({ review, unread, onRedo }: ReviewNoteProps) {
  const returned = review.outcome.value === 'returned'
  return (
    <View id='review-note' className={`review-note${returned ? ' review-note--returned' : ''}`}>
      <View className='review-note__head'>
        <View className='review-note__who'>{returned ? `${review.reviewer.name}请你重新提交` : `${review.reviewer.name}的点评`}</View>
        {unread ? (
          <View id='review-unread' className='review-note__tag review-note__tag--new'>
            新点评
          </View>
        ) : null}
        {review.featured ? (
          <View id='review-featured' className='review-note__tag review-note__tag--featured'>
            精选
          </View>
        ) : null}
      </View>
      {returned && review.redoReason ? (
        <View id='review-redo-reason' className='review-note__reason'>
          重做原因：{review.redoReason}
        </View>
      ) : null}
      {review.score ? (
        <View id='review-score' className='review-note__score'>
          {review.score.short === review.score.label ? review.score.label : `${review.score.short} ${review.score.label}`}
        </View>
      ) : null}
      {review.comment ? (
        <View id='review-comment' className='review-note__comment'>
          {review.comment}
        </View>
      ) : null}
      {review.annotatedImages.length ? (
        <PhotoGrid
          idPrefix='review-annotation'
          photos={review.annotatedImages.map((fileId) => ({ key: fileId, preview: fileSrc(fileId), fileId, state: 'done' as const }))}
          max={review.annotatedImages.length}
        />
      ) : null}
      {review.voice ? <VoicePlayer id='review-voice' src={fileSrc(review.voice.fileId)} durationSec={review.voice.durationSec} /> : null}
      <View className='review-note__foot'>
        <View>{formatDateTime(review.editedAt ?? review.reviewedAt)}</View>
        {onRedo ? (
          <View role='button' id='review-redo' className='review-note__redo' onClick={onRedo}>
            去重新提交
          </View>
        ) : null}
      </View>
    </View>
  )
}
