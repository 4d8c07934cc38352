import { View } from '@tarojs/components'
import { dateOf, monthBlocks, type CalendarDay } from '../calendar-model'
import './calendar-grid.scss'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

interface CalendarGridProps {
  days: CalendarDay[]
  onMakeUp: (day: CalendarDay) => void
  /** A day with a check-in was tapped: open it with its review. */
  onOpen: (day: CalendarDay) => void
}

/** What a day with a check-in says under its date: the review state, else 第 N 天. */
function markOf(d: CalendarDay): string {
  if (d.canMakeUp) return '补卡'
  if (d.review?.status.value === 'returned') return '待重做'
  if (d.review?.featured) return '精选'
  if (d.review?.status.value === 'reviewed') return '已点评'
  return d.status.value === 'today' ? '今天' : `第${d.index}天`
}

/**
 * Month grids of the period: each day coloured by its status; a day with a check-in opens it with the teacher's
 * review (a red dot marks an unread one); a missed day that may still be made up says 补卡.
 */
export default function CalendarGrid({ days, onMakeUp, onOpen }: CalendarGridProps) {
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
                    role='button'
                    key={d.day}
                    id={`day-${d.day}`}
                    className={`calendar-grid__cell calendar-grid__cell--${d.status.value}${d.hasCheckin ? ' calendar-grid__cell--open' : ''}${
                      d.review?.status.value === 'returned' ? ' calendar-grid__cell--returned' : ''
                    }`}
                    onClick={d.hasCheckin ? () => onOpen(d) : d.canMakeUp ? () => onMakeUp(d) : undefined}
                  >
                    {d.review?.unread ? <View id={`unread-${d.day}`} className='calendar-grid__dot' /> : null}
                    <View className='calendar-grid__date'>{dateOf(d.day)}</View>
                    <View className='calendar-grid__mark'>{markOf(d)}</View>
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
