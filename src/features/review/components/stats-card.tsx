import { View } from '@tarojs/components'
import type { TeacherStatsView } from '@cloud/contracts/review-views'
import { minutesLabel } from '../stats-label'
import './stats-card.scss'

/** One teacher's day: reviewed, returned, backlog, median wait and AI-draft adoption, then the same per period. */
export default function StatsCard({ stats, showName }: { stats: TeacherStatsView; showName?: boolean }) {
  return (
    <View id={`stats-${stats.teacher.id}`} className='rv-stats'>
      {showName ? <View className='rv-stats__name'>{stats.teacher.name}</View> : null}
      <View className='rv-stats__figures'>
        <View className='rv-stats__figure'>
          <View className='rv-stats__value'>{stats.reviewedToday}</View>
          <View className='rv-stats__key'>今日已点评</View>
        </View>
        <View className='rv-stats__figure'>
          <View className='rv-stats__value'>{stats.returnedToday}</View>
          <View className='rv-stats__key'>退回重做</View>
        </View>
        <View className='rv-stats__figure'>
          <View className='rv-stats__value rv-stats__value--warn'>{stats.backlog}</View>
          <View className='rv-stats__key'>待点评</View>
        </View>
      </View>
      <View className='rv-stats__median'>{stats.medianWaitLabel}</View>
      <View id={`stats-drafted-${stats.teacher.id}`} className='rv-stats__median'>
        {stats.draftRateLabel}
      </View>
      {stats.periods.map((p) => (
        <View key={p.periodId} className='rv-stats__period'>
          <View className='rv-stats__period-title'>{p.title}</View>
          <View className='rv-stats__period-line'>
            已点评 {p.reviewed} · 退回 {p.returned} · 待点评 {p.backlog} · 中位等待 {minutesLabel(p.medianWaitMinutes)}
          </View>
        </View>
      ))}
    </View>
  )
}
