import { View } from '@tarojs/components'
import type { SegmentedProps } from './types'
import './index.scss'

/** Pick one of a few options (like van-radio-group in button style), for short choices in admin forms. */
export default function Segmented<V extends string>({ id = 'seg', options, value, disabled, onChange }: SegmentedProps<V>) {
  return (
    <View className={`ui-segmented${disabled ? ' ui-segmented--disabled' : ''}`}>
      {options.map((o) => (
        <View
          role='button'
          key={o.value}
          id={`${id}-${o.value}`}
          className={`ui-segmented__option${o.value === value ? ' ui-segmented__option--active' : ''}`}
          onClick={disabled ? undefined : () => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
