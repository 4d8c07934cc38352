import { View } from '@tarojs/components'
import './heatmap.scss'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']
const HOUR_MARKS = [0, 6, 12, 18, 23]

/** 7 × 24 check-in heatmap (rows 周一..周日, columns 0–23 点): darker = more check-ins. Each cell has a title for H5. */
export default function Heatmap({ grid }: { grid: number[][] }) {
  const max = Math.max(1, ...grid.flat())
  return (
    <View id='heatmap' className='heatmap'>
      {grid.map((row, w) => (
        <View key={w} className='heatmap__row'>
          <View className='heatmap__weekday'>周{WEEKDAYS[w]}</View>
          {row.map((n, hour) => (
            <View
              key={hour}
              id={`heat-${w}-${hour}`}
              className='heatmap__cell'
              data-count={n}
              style={{ opacity: n === 0 ? 0.06 : 0.2 + (0.8 * n) / max }}
            />
          ))}
        </View>
      ))}
      <View className='heatmap__row heatmap__axis'>
        <View className='heatmap__weekday' />
        {Array.from({ length: 24 }, (_, hour) => (
          <View key={hour} className='heatmap__tick'>
            {HOUR_MARKS.includes(hour) ? hour : ''}
          </View>
        ))}
      </View>
    </View>
  )
}
