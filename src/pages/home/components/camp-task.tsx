import { View } from '@tarojs/components'
import { taskAction, type HomeCampItem } from '../home-data'
import { navigateTo } from '@/shared/route'

/** One running (or upcoming) camp of the member: today's task, done or not, the streak, and one button. */
export default function CampTask({ item }: { item: HomeCampItem }) {
  const action = taskAction(item)
  const running = item.period.status.value === 'running'
  const redo = item.todayReview?.value === 'returned'
  const open = () => void navigateTo('camp/today', { periodId: item.period.id, redoDay: redo ? item.today : undefined })
  return (
    <View role='button' id={`task-${item.period.id}`} className='home__task-card' onClick={open}>
      <View className='home__task-top'>
        <View className='home__task-camp'>{item.campTitle}</View>
        <View className={`home__chip${item.checkedToday && !redo ? ' home__chip--done' : ''}${redo ? ' home__chip--redo' : ''}`}>
          {!running ? item.dayLabel : redo ? '待重做' : item.checkedToday ? '今日已完成' : '今日未打卡'}
        </View>
      </View>
      <View className='home__task-theme'>
        {running ? (item.taskTheme ? `今日任务：${item.taskTheme}` : '今日任务：自由打卡') : `${item.period.startDay} 开营`}
      </View>
      <View className='home__task-foot'>
        <View className='home__task-meta'>
          {item.period.title} · {item.dayLabel} · 连续 {item.currentStreak} 天 · 已打卡 {item.checkedDays}/{item.completionTarget}
          {item.todayReview && !redo ? ` · ${item.todayReview.label}` : ''}
        </View>
        <View className={`home__go${action.done ? ' home__go--done' : ''}${redo ? ' home__go--redo' : ''}`}>{action.label}</View>
      </View>
    </View>
  )
}
