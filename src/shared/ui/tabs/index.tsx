import { View } from '@tarojs/components'
import type { TabsProps } from './types'
import './index.scss'

/** A row of tabs styled like van-tabs (line type); plain components so it costs nothing from vant in either build. */
export default function Tabs<K extends string>({ id = 'tab', tabs, active, onChange }: TabsProps<K>) {
  return (
    <View className='ui-tabs'>
      {tabs.map((t) => (
        <View
          role='button'
          key={t.key}
          id={`${id}-${t.key}`}
          className={`ui-tabs__tab${t.key === active ? ' ui-tabs__tab--active' : ''}`}
          onClick={() => t.key !== active && onChange(t.key)}
        >
          {t.title}
        </View>
      ))}
    </View>
  )
}
