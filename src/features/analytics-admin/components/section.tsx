import { View } from '@tarojs/components'
import './section.scss'

/** A titled white card on a dashboard page. */
export default function Section({ id, title, children }: { id?: string; title: string; children: React.ReactNode }) {
  return (
    <View id={id} className='an-section'>
      <View className='an-section__title'>{title}</View>
      {children}
    </View>
  )
}
