import { Image, View } from '@tarojs/components'
import { fileSrc } from '@/shared/cloud'
import type { ReviewOpenView } from '@cloud/contracts/review-views'
import './item-header.scss'

/** Who submitted, for which day, how long it has waited, and how the member has been doing lately. */
export default function ItemHeader({ view }: { view: ReviewOpenView }) {
  const { item } = view
  return (
    <View className='rv-head'>
      <View className='rv-head__who'>
        {item.member.avatarFileId ? (
          <Image className='rv-head__avatar' src={fileSrc(item.member.avatarFileId)} mode='aspectFill' />
        ) : (
          <View className='rv-head__avatar rv-head__avatar--text'>{[...item.member.nickname][0] ?? '学'}</View>
        )}
        <View className='rv-head__info'>
          <View id='review-member' className='rv-head__name'>
            {item.member.nickname}
            {item.redo ? <View className='rv-head__tag'>重做</View> : null}
          </View>
          <View className='rv-head__meta'>
            {item.periodTitle} · 第 {item.dayIndex} 天 · 已等 {item.waitedLabel}
          </View>
        </View>
      </View>
      <View id='review-streak' className='rv-head__streak'>
        连续打卡 {view.currentStreak} 天 · 最长 {view.bestStreak} 天
      </View>
      {view.history.length ? (
        <View className='rv-head__history'>
          {view.history.map((h) => (
            <View key={h.id} className={`rv-head__day rv-head__day--${h.reviewStatus.value}`}>
              第 {h.dayIndex} 天 · {h.reviewStatus.label}
              {h.featured ? ' · 精选' : ''}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
