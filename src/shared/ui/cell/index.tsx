import { Text, View } from '@tarojs/components'
import type { CellProps } from './types'
import './index.scss'

export default function Cell({ id, title, value, label, isLink, onClick }: CellProps) {
  return (
    <View role='button' id={id} className={`ui-cell${onClick ? ' ui-cell--clickable' : ''}`} onClick={onClick}>
      <View className='ui-cell__title'>
        <Text>{title}</Text>
        {label ? <View className='ui-cell__label'>{label}</View> : null}
      </View>
      {value ? <Text className='ui-cell__value'>{value}</Text> : null}
      {isLink ? <Text className='ui-cell__arrow'>›</Text> : null}
    </View>
  )
}
