import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fileSrc } from '@/shared/cloud'
import { formatDateTime } from '@/shared/time'
import type { ReviewView } from '@cloud/contracts/review-views'
import VoicePlayer from '@/shared/ui/voice/player'
import './review-card.scss'

/**
 * A teacher's review as members and other teachers read it; an annotated photo opens WeChat's viewer on the list.
 * Staff views also say when the comment started from an AI draft (`aiDraft`, which member views never carry).
 */
export default function ReviewCard({ review, title }: { review: ReviewView; title: string }) {
  const returned = review.outcome.value === 'returned'
  const photos = review.annotatedImages.map(fileSrc)
  const preview = (current: string) => void Taro.previewImage({ current, urls: photos }).catch(() => undefined)
  return (
    <View id='review-card' className='rv-card'>
      <View className='rv-card__head'>
        <View className='rv-card__title'>{title}</View>
        {review.featured ? (
          <View id='review-featured' className='rv-card__badge'>
            精选
          </View>
        ) : null}
        {review.aiDraft ? (
          <View id='review-ai-draft' className='rv-card__tag' aria-label={`AI 草稿，${review.aiDraft.label}`}>
            AI 草稿 · {review.aiDraft.label}
          </View>
        ) : null}
        <View className={`rv-card__outcome${returned ? ' rv-card__outcome--returned' : ''}`}>{review.outcome.label}</View>
      </View>
      {returned && review.redoReason ? (
        <View id='review-redo-reason' className='rv-card__reason'>
          重做原因：{review.redoReason}
        </View>
      ) : null}
      {review.score ? (
        <View id='review-score' className='rv-card__score'>
          {review.score.short === review.score.label ? review.score.label : `${review.score.short} ${review.score.label}`}
        </View>
      ) : null}
      {review.comment ? (
        <View id='review-comment' className='rv-card__comment'>
          {review.comment}
        </View>
      ) : null}
      {photos.length ? (
        <View className='rv-card__photos'>
          {photos.map((src, i) => (
            <Image
              key={src}
              aria-label='查看批注大图'
              id={`review-annotation-${i}`}
              className='rv-card__photo'
              src={src}
              mode='aspectFill'
              onClick={() => preview(src)}
            />
          ))}
        </View>
      ) : null}
      {review.voice ? <VoicePlayer id='review-voice' src={fileSrc(review.voice.fileId)} durationSec={review.voice.durationSec} /> : null}
      <View className='rv-card__foot'>
        {review.reviewer.name} · {formatDateTime(review.editedAt ?? review.reviewedAt)}
        {review.editedAt ? ' 修改' : ''}
      </View>
    </View>
  )
}
