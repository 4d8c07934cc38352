import { View } from '@tarojs/components'
import type { EmptyProps } from './types'
import './index.scss'

export default function Empty({ description, children }: EmptyProps) {
  return (
    <View className='ui-empty'>
      <View className='ui-empty__image' />
      <View className='ui-empty__description'>{description}</View>
      {children ? <View className='ui-empty__bottom'>{children}</View> : null}
    </View>
  )
}
