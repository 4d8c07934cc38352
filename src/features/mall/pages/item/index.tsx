import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@/shared/ui/button'
import Cell from '@/shared/ui/cell'
import { navigateTo, useRouteParam } from '@/shared/route'
import type { ItemView } from '@cloud/contracts/mall'
import { fileSrc } from '@/shared/cloud'
import { getItem } from '../../api'
import { limitText, unavailableText, windowText } from '../../sale-text'
import './index.scss'
import PageState, { useLoad } from '@/shared/ui/page-state'

/**
 * Cover plus a thumbnail row; a tap opens WeChat's image viewer with all images. (A Swiper would add its templates
 * to every nesting level of the main package's base.wxml, ≈ 24 KB, for one page.)
 */
function Gallery({ item }: { item: ItemView }) {
  if (item.images.length === 0) return <View className='item__cover item__cover--empty'>{item.kindLabel}</View>
  // Uploaded images are cloud fileIDs: H5 reads them through the emulator's signed redirect (fileSrc); the weapp as is.
  const urls = item.images.map(fileSrc)
  const preview = (current: string) => void Taro.previewImage({ current, urls }).catch(() => undefined)
  return (
    <View>
      <Image aria-label='查看大图' className='item__cover' src={urls[0]} mode='aspectFill' onClick={() => preview(urls[0])} />
      {item.images.length > 1 ? (
        <View className='item__thumbs'>
          {urls.map((src) => (
            <Image aria-label='查看大图' key={src} className='item__thumb' src={src} mode='aspectFill' onClick={() => preview(src)} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

export default function ItemPage() {
  const itemId = useRouteParam('itemId')
  const { load, reload } = useLoad(() => getItem(itemId), itemId)
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(item) => <ItemBody item={item} />}
    </PageState>
  )
}

function ItemBody({ item }: { item: ItemView }) {
  const onSale = item.saleState === 'on_sale'
  return (
    <View className='item'>
      <Gallery item={item} />
      <View className='item__head'>
        <View className='item__cost'>{item.cost} 积分</View>
        <View id='item-title' className='item__title'>
          {item.title}
        </View>
        <View className='item__tags'>
          <View className='item__tag'>{item.kindLabel}</View>
          <View className={`item__tag item__tag--${item.saleState}`}>{item.saleStateLabel}</View>
        </View>
      </View>
      <View className='item__cells'>
        <Cell id='item-stock' title='库存' value={item.stock > 0 ? `剩余 ${item.stock} 件` : '已兑完'} />
        <Cell id='item-limit' title='兑换限制' value={limitText(item)} />
        <Cell id='item-window' title='兑换时间' value={windowText(item)} />
        {item.requiresAddress ? <Cell title='发放方式' value='快递寄送，兑换时填写收货地址' /> : null}
      </View>
      {item.description ? (
        <View className='item__desc'>
          <View className='item__desc-title'>商品说明</View>
          <View id='item-description' className='item__desc-text'>
            {item.description}
          </View>
        </View>
      ) : null}
      <View className='item__bar'>
        <Button
          id='redeem'
          type='danger'
          round
          block
          disabled={!onSale}
          onClick={() => void navigateTo('mall/redeem', { itemId: item.id })}
        >
          {unavailableText(item)}
        </Button>
      </View>
    </View>
  )
}
