export interface SegmentedOption<V extends string> {
  value: V
  label: string
}

export interface SegmentedProps<V extends string> {
  /** Prefix for each option's id: `${id}-${value}`. */
  id?: string
  options: readonly SegmentedOption<V>[]
  value: V
  disabled?: boolean
  onChange: (value: V) => void
}
