import { ScrollView, View } from '@tarojs/components'
import './filter-bar.scss'

interface FilterBarProps<V extends string> {
  /** Prefix for each chip's id: `${id}-${value}`, and `${id}-all`. */
  id: string
  options: readonly { value: V; label: string }[]
  value: V | undefined
  onChange: (value: V | undefined) => void
}

/** One row of filter chips that scrolls sideways: 全部 plus each option; one at a time. */
export default function FilterBar<V extends string>({ id, options, value, onChange }: FilterBarProps<V>) {
  const chip = (key: string, label: string, active: boolean, pick: () => void) => (
    <View role='button' key={key} id={`${id}-${key}`} className={`filter-bar__chip${active ? ' filter-bar__chip--on' : ''}`} onClick={pick}>
      {label}
    </View>
  )
  return (
    <ScrollView className='filter-bar' scrollX enableFlex>
      <View className='filter-bar__row'>
        {chip('all', '全部', value === undefined, () => onChange(undefined))}
        {options.map((o) => chip(o.value, o.label, o.value === value, () => onChange(o.value)))}
      </View>
    </ScrollView>
  )
}
