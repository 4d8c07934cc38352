import { Image, View } from '@tarojs/components'
import type { ItemView } from '@cloud/contracts/mall'
import { fileSrc } from '@/shared/cloud'
import './item-card.scss'

/** A goods card in the 2-column mall grid; anything not on sale is greyed and says why. */
export default function ItemCard({ item, onClick }: { item: ItemView; onClick: () => void }) {
  const unavailable = item.saleState !== 'on_sale'
  return (
    <View id={`item-${item.id}`} className={`item-card${unavailable ? ' item-card--unavailable' : ''}`} onClick={onClick}>
      {item.cover ? (
        <Image className='item-card__cover' src={fileSrc(item.cover)} mode='aspectFill' lazyLoad />
      ) : (
        <View className='item-card__cover item-card__cover--empty'>{item.kindLabel}</View>
      )}
      <View className='item-card__body'>
        <View className='item-card__title'>{item.title}</View>
        <View className='item-card__foot'>
          <View className='item-card__cost'>{item.cost} 积分</View>
          <View className={`item-card__state item-card__state--${item.saleState}`}>{item.saleStateLabel}</View>
        </View>
      </View>
    </View>
  )
}
