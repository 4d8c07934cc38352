import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@/shared/ui/button'
import { formatDateTime } from '@/shared/time'
import type { OrderView } from '@cloud/contracts/mall'
import { fileSrc } from '@/shared/cloud'
import './order-card.scss'

interface OrderCardProps {
  order: OrderView
  busy: boolean
  onReveal: () => void
  onCancel: () => void
}

function addressLine(order: OrderView): string {
  const a = order.address
  if (!a) return ''
  return `${a.name} ${a.phone} ${[a.province, a.city, a.district, a.detail].filter(Boolean).join('')}`
}

export default function OrderCard({ order, busy, onReveal, onCancel }: OrderCardProps) {
  const canReveal = order.kind === 'code' && order.status === 'pending'
  return (
    <View id={`order-${order.id}`} className='order-card'>
      <View className='order-card__top'>
        <View className='order-card__time'>{formatDateTime(order.createdAt)}</View>
        <View className={`order-card__status order-card__status--${order.status}`}>{order.statusLabel}</View>
      </View>
      <View className='order-card__main'>
        {order.cover ? (
          <Image className='order-card__cover' src={fileSrc(order.cover)} mode='aspectFill' />
        ) : (
          <View className='order-card__cover' />
        )}
        <View className='order-card__info'>
          <View className='order-card__title'>{order.title}</View>
          <View className='order-card__cost'>{order.cost} 积分</View>
        </View>
      </View>
      {order.code ? (
        <View className='order-card__code'>
          兑换码：<View className='order-card__code-value'>{order.code}</View>
          <View
            role='button'
            className='order-card__copy'
            onClick={() => void Taro.setClipboardData({ data: order.code ?? '' }).catch(() => undefined)}
          >
            复制
          </View>
        </View>
      ) : null}
      {order.address ? <View className='order-card__extra'>收货信息：{addressLine(order)}</View> : null}
      {order.trackingNo ? <View className='order-card__extra'>物流单号：{order.trackingNo}</View> : null}
      {canReveal || order.cancellable ? (
        <View className='order-card__actions'>
          {order.cancellable ? (
            <Button id={`cancel-${order.id}`} size='small' round disabled={busy} onClick={onCancel}>
              取消兑换
            </Button>
          ) : null}
          {canReveal ? (
            <Button id={`reveal-${order.id}`} size='small' type='primary' round loading={busy} loadingText='获取中' onClick={onReveal}>
              查看兑换码
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
