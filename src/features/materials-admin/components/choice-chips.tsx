import { View } from '@tarojs/components'
import './choice-chips.scss'

interface ChoiceChipsProps<V extends string> {
  /** Prefix for each chip's id: `${id}-${value}`. */
  id: string
  options: readonly { value: V; label: string }[]
  selected: readonly V[]
  /** Several may be on (grades) or exactly one (subject). */
  multiple?: boolean
  onChange: (selected: V[]) => void
}

/** Wrapping chips for the material form; keeps the options' order in what it reports. */
export default function ChoiceChips<V extends string>({ id, options, selected, multiple, onChange }: ChoiceChipsProps<V>) {
  const tap = (v: V) => {
    if (!multiple) return onChange([v])
    const next = selected.includes(v) ? selected.filter((x) => x !== v) : [...selected, v]
    onChange(options.map((o) => o.value).filter((x) => next.includes(x)))
  }
  return (
    <View className='choice-chips'>
      {options.map((o) => (
        <View
          role='button'
          key={o.value}
          id={`${id}-${o.value}`}
          className={`choice-chips__chip${selected.includes(o.value) ? ' choice-chips__chip--on' : ''}`}
          onClick={() => tap(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
