import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import LoadMore from '@/shared/ui/load-more'
import Tabs from '@/shared/ui/tabs'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import type { OrderView } from '@cloud/contracts/mall'
import { cancelOrder, myOrders, revealCode, type OrderStatusFilter } from '../../api'
import OrderCard from '../../components/order-card'
import './index.scss'
import { navigateTo } from '@/shared/route'
import { confirm, toast } from '@/shared/ui/feedback'
import PageState from '@/shared/ui/page-state'

type TabKey = 'all' | OrderStatusFilter

const TABS: { key: TabKey; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'pending', title: '待发放' },
  { key: 'fulfilled', title: '已完成' },
  { key: 'cancelled', title: '已取消' },
]

export default function OrdersPage() {
  const [tab, setTab] = useState<TabKey>('all')
  const [busyId, setBusyId] = useState<string | null>(null)
  const list = usePagedList((before?: number) => myOrders(tab === 'all' ? undefined : tab, before), [tab])

  useListPageEvents(list)

  /** Runs one order action after the member agrees, and shows the order as the server now has it. */
  const act = async (
    order: OrderView,
    ask: { title: string; content: string },
    run: () => ReturnType<typeof cancelOrder>,
    done: string,
  ) => {
    if (busyId) return
    const confirmed = await confirm({ ...ask, confirmText: '确定', cancelText: '再想想' })
    if (!confirmed) return
    setBusyId(order.id)
    const res = await run()
    setBusyId(null)
    if (res.code !== 0) {
      toast(res.message)
      return
    }
    list.update((o) => o.id === order.id, res.data)
    toast(done)
  }

  const onCancel = (order: OrderView) =>
    act(
      order,
      { title: '取消兑换', content: `取消后 ${order.cost} 积分将退回你的账户，确定取消「${order.title}」的兑换吗？` },
      () => cancelOrder(order.id),
      '已取消，积分已退回',
    )
  const onReveal = (order: OrderView) =>
    act(
      order,
      { title: '查看兑换码', content: '兑换码查看后订单即完成，将不能再取消。确定查看吗？' },
      () => revealCode(order.id),
      '兑换码已显示',
    )

  return (
    <View className='orders'>
      <Tabs id='orders-tab' tabs={TABS} active={tab} onChange={setTab} />
      <PageState
        load={list.load}
        onRetry={() => void list.reload()}
        empty={tab === 'all' ? '还没有兑换记录' : '没有这类兑换记录'}
        emptyAction={
          <Button id='go-mall' type='primary' round onClick={() => void navigateTo('mall/index')}>
            去积分商城
          </Button>
        }
      >
        {(orders) => (
          <View>
            {orders.map((order) => (
              <OrderCard
                key={order.id}
                order={order}
                busy={busyId === order.id}
                onCancel={() => void onCancel(order)}
                onReveal={() => void onReveal(order)}
              />
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )}
      </PageState>
    </View>
  )
}
