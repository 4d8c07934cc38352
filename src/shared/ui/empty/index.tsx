import { View } from '@tarojs/components'
import type { EmptyProps } from './types'
import './index.scss'

/** H5: an illustration (inline SVG, no image file), the description and an optional action. */
export default function Empty({ description, image = 'default', children }: EmptyProps) {
  return (
    <View className='ui-empty'>
      <View className={`ui-empty__image ui-empty__image--${image}`} />
      <View className='ui-empty__description'>{description}</View>
      {children ? <View className='ui-empty__bottom'>{children}</View> : null}
    </View>
  )
}
