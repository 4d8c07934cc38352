import { View } from '@tarojs/components'
import type { PeriodView } from '@cloud/contracts/camp-views'
import PeriodJoin from './period-join'
import './period-item.scss'
import { navigateTo } from '@/shared/route'

function rulesText(p: PeriodView): string[] {
  const lines = [
    `${p.startDay} 至 ${p.endDay}，共 ${p.lengthDays} 天`,
    `打卡形式：${p.contentTypes.map((t) => t.label).join('、')}${p.windowLabel ? `，每天 ${p.windowLabel}` : ''}`,
    `每次打卡 +${p.perCheckin} 积分${p.groupMultiplier > 1 ? `，在打卡群内打卡 ×${p.groupMultiplier}` : ''}`,
    `完成 ${p.completion.minCheckins} 天即可结营${p.completion.bonus ? `，奖励 ${p.completion.bonus} 积分` : ''}并获得证书`,
  ]
  if (p.makeup.maxCount > 0) {
    lines.push(`可补卡 ${p.makeup.maxCount} 次（${p.makeup.withinDays} 天内）${p.makeup.cost ? `，每次 ${p.makeup.cost} 积分` : '，免费'}`)
  }
  return lines
}

/** One period of a camp on the detail page: its rules, and how to join or reach it. */
export default function PeriodItem({ period }: { period: PeriodView }) {
  const joinable = period.status.value === 'open' || period.status.value === 'running'
  return (
    <View id={`period-${period.id}`} className='period-item'>
      <View className='period-item__head'>
        <View className='period-item__title'>{period.title}</View>
        <View className={`period-item__status period-item__status--${period.status.value}`}>{period.status.label}</View>
      </View>
      {rulesText(period).map((line) => (
        <View key={line} className='period-item__line'>
          {line}
        </View>
      ))}
      <View className='period-item__entry'>{period.entry.label}</View>
      <View className='period-item__actions'>
        <View role='button' className='period-item__link' onClick={() => void navigateTo('camp/leaderboard', { periodId: period.id })}>
          排行榜
        </View>
        <View role='button' className='period-item__link' onClick={() => void navigateTo('camp/feed', { periodId: period.id })}>
          精选动态
        </View>
        {joinable ? <PeriodJoin period={period} /> : null}
      </View>
    </View>
  )
}
