import { View } from '@tarojs/components'
import './bar-row.scss'

export interface BarRowProps {
  id?: string
  label: string
  /** 0..1 of the row's width. */
  share: number
  /** Shown at the right, e.g. "12 / 30 · 40.0%". */
  text: string
}

/** One horizontal bar made of Views (layers, transitions, rounds); curves and the funnel are drawn by charts/. */
export default function BarRow({ id, label, share, text }: BarRowProps) {
  const width = `${Math.max(0, Math.min(1, share)) * 100}%`
  return (
    <View id={id} className='bar-row'>
      <View className='bar-row__head'>
        <View className='bar-row__label'>{label}</View>
        <View className='bar-row__text'>{text}</View>
      </View>
      <View className='bar-row__track'>
        <View className='bar-row__fill' style={{ width }} />
      </View>
    </View>
  )
}
