import { View } from '@tarojs/components'
import './streak-stats.scss'

export interface StreakStat {
  id: string
  label: string
  value: string
}

/** A row of big numbers (连续打卡 / 已打卡 / 积分) used on today's page and the calendar. */
export default function StreakStats({ stats }: { stats: StreakStat[] }) {
  return (
    <View className='streak-stats'>
      {stats.map((s) => (
        <View key={s.id} className='streak-stats__item'>
          <View id={s.id} className='streak-stats__value'>
            {s.value}
          </View>
          <View className='streak-stats__label'>{s.label}</View>
        </View>
      ))}
    </View>
  )
}
