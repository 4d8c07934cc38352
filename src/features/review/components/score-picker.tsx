import { View } from '@tarojs/components'
import type { ScoreView } from '@cloud/contracts/review-views'
import type { ReviewScore } from '../api'
import './score-picker.scss'

interface ScorePickerProps {
  /** The camp's scale, in order: 1–5 stars or A/B/C. */
  options: ScoreView[]
  value: ReviewScore | null
  /** Tapping the chosen score again clears it (a score is optional). */
  onChange: (value: ReviewScore | null) => void
}

/** Stars are a row where tapping the 4th gives 4; grades are chips. The chosen score's label is spelled out. */
export default function ScorePicker({ options, value, onChange }: ScorePickerProps) {
  const stars = options.every((o) => typeof o.value === 'number')
  const chosen = options.find((o) => o.value === value)
  const pick = (v: ReviewScore) => onChange(v === value ? null : v)
  return (
    <View className='rv-score'>
      <View className={stars ? 'rv-score__stars' : 'rv-score__grades'}>
        {options.map((o) => {
          const on = stars ? typeof value === 'number' && Number(o.value) <= value : o.value === value
          return (
            <View
              role='button'
              key={String(o.value)}
              id={`score-${o.value}`}
              className={`rv-score__${stars ? 'star' : 'grade'}${on ? ' rv-score--on' : ''}`}
              onClick={() => pick(o.value)}
            >
              {stars ? (on ? '★' : '☆') : o.label}
            </View>
          )
        })}
      </View>
      <View id='score-label' className='rv-score__label'>
        {chosen ? chosen.label : '未评分'}
      </View>
    </View>
  )
}
