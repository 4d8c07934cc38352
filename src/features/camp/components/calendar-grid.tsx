import { View } from '@tarojs/components'
import { dateOf, monthBlocks, type CalendarDay } from '../calendar-model'
import './calendar-grid.scss'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

interface CalendarGridProps {
  days: CalendarDay[]
  onMakeUp: (day: CalendarDay) => void
}

/** Month grids of the period: each day coloured by its status; a missed day that may still be made up says 补卡. */
export default function CalendarGrid({ days, onMakeUp }: CalendarGridProps) {
  return (
    <View className='calendar-grid'>
      <View className='calendar-grid__legend'>
        <View className='calendar-grid__key calendar-grid__key--checked'>已打卡</View>
        <View className='calendar-grid__key calendar-grid__key--made_up'>已补卡</View>
        <View className='calendar-grid__key calendar-grid__key--missed'>未打卡</View>
        <View className='calendar-grid__key calendar-grid__key--today'>今天</View>
      </View>
      {monthBlocks(days).map((block) => (
        <View key={block.key} className='calendar-grid__month'>
          <View className='calendar-grid__title'>{block.title}</View>
          <View className='calendar-grid__row'>
            {WEEKDAYS.map((w) => (
              <View key={w} className='calendar-grid__weekday'>
                {w}
              </View>
            ))}
          </View>
          {block.weeks.map((week, wi) => (
            <View key={wi} className='calendar-grid__row'>
              {week.map((d, i) =>
                d ? (
                  <View
                    key={d.day}
                    id={`day-${d.day}`}
                    className={`calendar-grid__cell calendar-grid__cell--${d.status.value}`}
                    onClick={d.canMakeUp ? () => onMakeUp(d) : undefined}
                  >
                    <View className='calendar-grid__date'>{dateOf(d.day)}</View>
                    <View className='calendar-grid__mark'>
                      {d.canMakeUp ? '补卡' : d.status.value === 'today' ? '今天' : `第${d.index}天`}
                    </View>
                  </View>
                ) : (
                  <View key={`blank-${i}`} className='calendar-grid__cell calendar-grid__cell--blank' />
                ),
              )}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
