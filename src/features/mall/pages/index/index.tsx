import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import Button from '@/shared/ui/button'
import LoadMore from '@/shared/ui/load-more'
import { usePagedList } from '@/shared/paging/use-paged-list'
import { getMyBalance, listItems } from '../../api'
import ItemCard from '../../components/item-card'
import './index.scss'
import { navigateTo, switchTab } from '@/shared/route'
import PageState from '@/shared/ui/page-state'

export default function MallPage() {
  const list = usePagedList(listItems, [])
  const [balance, setBalance] = useState<number | null>(null)

  const loadBalance = async () => {
    const res = await getMyBalance()
    setBalance(res.code === 0 ? res.data.balance : null)
  }
  useEffect(() => {
    void loadBalance()
  }, [])

  usePullDownRefresh(() => {
    void Promise.all([list.reload(), loadBalance()]).then(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())

  const header = (
    <View className='mall__header'>
      <View role='button' id='mall-balance' className='mall__balance' onClick={() => void navigateTo('points/index')}>
        我的积分 <View className='mall__balance-value'>{balance ?? '--'}</View>
      </View>
      <View role='button' id='mall-orders' className='mall__link' onClick={() => void navigateTo('mall/orders')}>
        我的兑换 ›
      </View>
    </View>
  )

  return (
    <View className='mall'>
      {header}
      <PageState
        load={list.load}
        onRetry={() => void list.reload()}
        empty='商城还没有上架的商品，先去打卡攒积分吧'
        emptyAction={
          <Button id='mall-empty-go' type='primary' round onClick={() => void switchTab('home')}>
            去打卡赚积分
          </Button>
        }
      >
        {(items) => (
          <View>
            <View className='mall__grid'>
              {items.map((item) => (
                <ItemCard key={item.id} item={item} onClick={() => void navigateTo('mall/item', { itemId: item.id })} />
              ))}
            </View>
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )}
      </PageState>
    </View>
  )
}
