import { View } from '@tarojs/components'
import './form.scss'

interface ChipsProps<V extends string> {
  /** Prefix for each chip's id: `${id}-${value}`. */
  id: string
  options: readonly { value: V; label: string }[]
  values: readonly V[]
  onChange: (values: V[]) => void
}

/** Pick several of a few options (grades, content types); keeps the options' order. */
export default function Chips<V extends string>({ id, options, values, onChange }: ChipsProps<V>) {
  const toggle = (v: V) => {
    const next = values.includes(v) ? values.filter((x) => x !== v) : [...values, v]
    onChange(options.map((o) => o.value).filter((x) => next.includes(x)))
  }
  return (
    <View className='admin-chips'>
      {options.map((o) => (
        <View
          role='button'
          key={o.value}
          id={`${id}-${o.value}`}
          className={`admin-chips__chip${values.includes(o.value) ? ' admin-chips__chip--on' : ''}`}
          onClick={() => toggle(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
