import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MyPeriodItem } from '@cloud/contracts/camp-results'
import type { TodayView } from '@cloud/contracts/camp-views'

/** The member's current period: today's task and one button to check in (or see the check-in). */
export default function MyCamp({ item, today }: { item: MyPeriodItem; today: TodayView | null }) {
  const checked = today ? !!today.checkin : item.checkedToday
  const open = () => void Taro.navigateTo({ url: `/features/camp/pages/today/index?periodId=${encodeURIComponent(item.period.id)}` })
  return (
    <View id='home-current' className='home__card'>
      <View className='home__name'>{item.campTitle}</View>
      <View>
        {item.period.title} · {today?.dayLabel ?? item.period.status.label}
      </View>
      <View id='home-task' className='home__task'>
        {today?.task ? `今日任务：${today.task.theme}` : `${item.period.startDay} 开营`}
      </View>
      {/* A styled View, not the shared Button: using it here would pull van-button's module into the main package. */}
      <View id='home-checkin' className={`home__go${checked ? ' home__go--done' : ''}`} onClick={open}>
        {checked ? '今日已打卡' : '去打卡'}
      </View>
    </View>
  )
}
