import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import LoadMore from '@/shared/ui/load-more'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { formatDateTime } from '@/shared/time'
import type { OrderView } from '@cloud/contracts/mall'
import { fulfilmentQueue, fulfilOrder } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import './index.scss'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState from '@/shared/ui/page-state'

function addressText(order: OrderView): string {
  const a = order.address
  return a ? `${a.name} ${a.phone}\n${[a.province, a.city, a.district, a.detail].filter(Boolean).join(' ')}` : ''
}

function Queue() {
  const list = usePagedList(fulfilmentQueue, [])
  const [tracking, setTracking] = useState<Record<string, string>>({})
  const [busyId, setBusyId] = useState<string | null>(null)

  useListPageEvents(list)

  const fulfil = async (order: OrderView) => {
    if (busyId) return
    const trackingNo = (tracking[order.id] ?? '').trim()
    if (order.kind === 'physical' && !trackingNo) return void toast('请填写物流单号')
    const confirmed = await confirm({
      title: order.kind === 'physical' ? '确认发货' : '确认发放',
      content:
        order.kind === 'physical' ? `「${order.title}」物流单号 ${trackingNo}，确认已发货吗？` : `确认「${order.title}」已发放给学员吗？`,
      confirmText: '确认',
      cancelText: '取消',
    })
    if (!confirmed) return
    setBusyId(order.id)
    const res = await fulfilOrder(order.id, trackingNo || undefined)
    setBusyId(null)
    if (res.code !== 0) return void toast(res.message)
    list.update((o) => o.id === order.id, res.data)
    toastSuccess(order.kind === 'physical' ? '已标记发货' : '已标记发放')
  }

  return (
    <PageState load={list.load} onRetry={() => void list.reload()} empty='没有待发放的订单'>
      {(orders) => (
        <View className='queue'>
          {orders.map((order) => (
            <View key={order.id} id={`queue-${order.id}`} className='queue__card'>
              <View className='queue__top'>
                <View>{formatDateTime(order.createdAt)}</View>
                <View className={`queue__status queue__status--${order.status}`}>{order.statusLabel}</View>
              </View>
              <View className='queue__title'>
                {order.title} · {order.cost} 积分
              </View>
              {order.address ? <View className='queue__address'>{addressText(order)}</View> : null}
              {order.status === 'pending' ? (
                <View className='queue__actions'>
                  {order.kind === 'physical' ? (
                    <Input
                      id={`tracking-${order.id}`}
                      className='queue__tracking'
                      value={tracking[order.id] ?? ''}
                      placeholder='物流单号'
                      maxlength={64}
                      onInput={(e) => setTracking((t) => ({ ...t, [order.id]: e.detail.value }))}
                    />
                  ) : null}
                  <Button
                    id={`fulfil-${order.id}`}
                    type='primary'
                    size='small'
                    round
                    loading={busyId === order.id}
                    loadingText='提交中'
                    onClick={() => void fulfil(order)}
                  >
                    {order.kind === 'physical' ? '标记已发货' : '标记已发放'}
                  </Button>
                </View>
              ) : order.trackingNo ? (
                <View className='queue__address'>物流单号：{order.trackingNo}</View>
              ) : null}
            </View>
          ))}
          <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
        </View>
      )}
    </PageState>
  )
}

export default function FulfilmentPage() {
  return (
    <RoleGate role='admin'>
      <Queue />
    </RoleGate>
  )
}
