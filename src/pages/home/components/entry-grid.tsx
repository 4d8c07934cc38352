import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './entry-grid.scss'

/** One character on a coloured tile: no icon font or images in the main package. */
const GLYPH: Record<Entry['icon'], string> = {
  camps: '营',
  mall: '兑',
  materials: '资',
  classes: '课',
  invite: '邀',
  points: '分',
  orders: '单',
  calendar: '评',
}

export interface Entry {
  id: string
  title: string
  icon: 'camps' | 'mall' | 'materials' | 'classes' | 'invite' | 'points' | 'orders' | 'calendar'
  url: string
  /** A small number in the corner (e.g. unread reviews). */
  badge?: number
}

/** A grid of round icon entries, four to a row (vant grid look, drawn without the component to keep the main package small). */
export default function EntryGrid({ entries }: { entries: Entry[] }) {
  return (
    <View className='entry-grid'>
      {entries.map((e) => (
        <View role='button' key={e.id} id={e.id} className='entry-grid__item' onClick={() => void Taro.navigateTo({ url: e.url })}>
          <View className={`entry-grid__icon entry-grid__icon--${e.icon}`}>
            {GLYPH[e.icon]}
            {e.badge ? <View className='entry-grid__badge'>{e.badge > 99 ? '99+' : e.badge}</View> : null}
          </View>
          <View className='entry-grid__title'>{e.title}</View>
        </View>
      ))}
    </View>
  )
}
