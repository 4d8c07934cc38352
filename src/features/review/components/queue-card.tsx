import { Image, View } from '@tarojs/components'
import { fileSrc } from '@/shared/cloud'
import type { QueueItemView } from '@cloud/contracts/review-views'
import './queue-card.scss'

interface Props {
  item: QueueItemView
  onOpen: () => void
  /** Operators: the card says whose queue it is in and offers 改派. */
  onReassign?: () => void
}

/**
 * One submission in the queue: who, which day, a line of text, what media it has, how long it has waited, and
 * whether another teacher has it open. Operators also see whose personal queue holds it, with 改派.
 */
export default function QueueCard({ item, onOpen, onReassign }: Props) {
  const tags = [
    item.imageCount ? `图片 ${item.imageCount}` : '',
    item.voiceSec !== null ? `语音 ${item.voiceSec}″` : '',
    item.redo ? '重做' : '',
    item.flagged ? item.moderation.label : '',
  ].filter(Boolean)
  const busy = item.reviewingBy ? `${item.reviewingBy}正在点评` : ''
  return (
    <View role='button' id={`queue-${item.id}`} className='rv-queue-card' onClick={onOpen}>
      <View className='rv-queue-card__main'>
        <View className='rv-queue-card__top'>
          <View className='rv-queue-card__name'>{item.member.nickname}</View>
          <View className='rv-queue-card__waited'>已等 {item.waitedLabel}</View>
        </View>
        <View className='rv-queue-card__meta'>
          {item.periodTitle} · 第 {item.dayIndex} 天
        </View>
        <View className='rv-queue-card__text'>{item.textPreview || '（无文字）'}</View>
        {tags.length || busy ? (
          <View className='rv-queue-card__tags'>
            {tags.map((t) => (
              <View key={t} className={`rv-queue-card__tag${t === item.moderation.label ? ' rv-queue-card__tag--warn' : ''}`}>
                {t}
              </View>
            ))}
            {busy ? <View className='rv-queue-card__tag rv-queue-card__tag--busy'>{busy}</View> : null}
          </View>
        ) : null}
        {onReassign ? (
          <View className='rv-queue-card__assign'>
            <View id={`assignee-${item.id}`} className='rv-queue-card__assignee'>
              {item.assignee ? `分配给 ${item.assignee.name}` : '未分配'}
            </View>
            <View
              role='button'
              id={`reassign-${item.id}`}
              className='rv-queue-card__reassign'
              onClick={(e) => {
                e.stopPropagation()
                onReassign()
              }}
            >
              改派
            </View>
          </View>
        ) : null}
      </View>
      {item.firstImage ? <Image className='rv-queue-card__thumb' src={fileSrc(item.firstImage)} mode='aspectFill' lazyLoad /> : null}
    </View>
  )
}
