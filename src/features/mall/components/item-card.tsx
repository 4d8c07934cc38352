import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import type { ItemView } from '@cloud/contracts/mall'
import { fileSrc } from '@/shared/cloud'
import './item-card.scss'

/** What stands in for a missing or broken picture: the kind's own tile, never a grey box. */
const FALLBACK_GLYPH: Record<ItemView['kind'], string> = { physical: '礼', code: '码', unlock: '锁' }

/** A goods card in the 2-column mall grid; anything not on sale is greyed and says why. */
export default function ItemCard({ item, onClick }: { item: ItemView; onClick: () => void }) {
  const unavailable = item.saleState !== 'on_sale'
  const [broken, setBroken] = useState(false)
  return (
    <View role='button' id={`item-${item.id}`} className={`item-card${unavailable ? ' item-card--unavailable' : ''}`} onClick={onClick}>
      {item.cover && !broken ? (
        <Image
          id={`item-${item.id}-image`}
          className='item-card__cover'
          src={fileSrc(item.cover)}
          mode='aspectFill'
          lazyLoad
          onError={() => setBroken(true)}
        />
      ) : (
        <View id={`item-${item.id}-fallback`} className={`item-card__cover item-card__cover--empty item-card__cover--${item.kind}`}>
          <View className='item-card__glyph'>{FALLBACK_GLYPH[item.kind]}</View>
          <View className='item-card__kind'>{item.kindLabel}</View>
        </View>
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
