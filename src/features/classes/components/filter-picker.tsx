import { Picker, View } from '@tarojs/components'

interface FilterPickerProps<V extends string> {
  id: string
  label: string
  options: readonly { value: V; label: string }[]
  value: V | undefined
  onChange: (value: V | undefined) => void
}

/** A "全部 / one choice" picker for the list filters. */
export default function FilterPicker<V extends string>({ id, label, options, value, onChange }: FilterPickerProps<V>) {
  const range = ['全部', ...options.map((o) => o.label)]
  const index = value ? options.findIndex((o) => o.value === value) + 1 : 0
  return (
    <Picker
      id={id}
      mode='selector'
      range={range}
      value={index}
      onChange={(e) => onChange(Number(e.detail.value) === 0 ? undefined : options[Number(e.detail.value) - 1].value)}
    >
      <View className={`classes-filter${value ? ' classes-filter--on' : ''}`}>{index === 0 ? label : range[index]} ▾</View>
    </Picker>
  )
}
