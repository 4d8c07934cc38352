import { Image, View } from '@tarojs/components'
import { fileSrc } from '@/shared/cloud'
import type { QueueItemView } from '@cloud/contracts/review-views'
import './queue-card.scss'

/** One submission in the queue: who, which day, a line of text, what media it has, and how long it has waited. */
export default function QueueCard({ item, onOpen }: { item: QueueItemView; onOpen: () => void }) {
  const tags = [
    item.imageCount ? `图片 ${item.imageCount}` : '',
    item.voiceSec !== null ? `语音 ${item.voiceSec}″` : '',
    item.redo ? '重做' : '',
    item.flagged ? item.moderation.label : '',
  ].filter(Boolean)
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
        {tags.length ? (
          <View className='rv-queue-card__tags'>
            {tags.map((t) => (
              <View key={t} className={`rv-queue-card__tag${t === item.moderation.label ? ' rv-queue-card__tag--warn' : ''}`}>
                {t}
              </View>
            ))}
          </View>
        ) : null}
      </View>
      {item.firstImage ? <Image className='rv-queue-card__thumb' src={fileSrc(item.firstImage)} mode='aspectFill' lazyLoad /> : null}
    </View>
  )
}
