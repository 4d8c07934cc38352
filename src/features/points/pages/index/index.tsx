import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import LoadMore from '@/shared/ui/load-more'
import { usePagedList } from '@/shared/paging/use-paged-list'
import { formatDateTime } from '@/shared/time'
import type { BalanceView, HistoryItem } from '@cloud/contracts/points'
import { getBalance, getHistory } from '../../api'
import { formatSignedPoints } from '../../format'
import './index.scss'
import { navigateTo, switchTab } from '@/shared/route'
import PageState, { type Load, useLoad } from '@/shared/ui/page-state'

function BalanceCard({ data }: { data: BalanceView }) {
  const soonest = data.expiring?.buckets[0]
  return (
    <View className='points__card'>
      <View className='points__label'>当前积分</View>
      <View id='points-balance' className='points__balance'>
        {data.balance}
      </View>
      <View className='points__totals'>
        <Text id='points-earned'>累计获得 {data.earned}</Text>
        <Text id='points-spent'>累计使用 {data.spent}</Text>
      </View>
      {data.expiring && data.expiring.amount > 0 && soonest ? (
        <View id='points-expiring' className='points__expiring'>
          {soonest.amount} 积分将于 {soonest.lastDay} 后过期
          {data.expiring.buckets.length > 1 ? `，近期共 ${data.expiring.amount} 积分即将过期` : ''}
        </View>
      ) : null}
      <View className='points__action'>
        <Button id='go-mall' size='small' round onClick={() => void navigateTo('mall/index')}>
          去积分商城
        </Button>
      </View>
    </View>
  )
}

function HistoryRow({ item }: { item: HistoryItem }) {
  return (
    <View className='points__row'>
      <View className='points__row-main'>
        <View className='points__reason'>{item.reasonLabel}</View>
        {item.note ? <View className='points__note'>{item.note}</View> : null}
        <View className='points__time'>{formatDateTime(item.at)}</View>
      </View>
      <View className={`points__amount points__amount--${item.amount > 0 ? 'credit' : 'debit'}`}>{formatSignedPoints(item.amount)}</View>
    </View>
  )
}

export default function PointsPage() {
  const history = usePagedList(getHistory, [])
  // 重试 and pull-to-refresh load both again (the history too unless its first page is still on its way).
  const { load: balance, reload } = useLoad(async () => {
    const [res] = await Promise.all([getBalance(), history.status === 'loading' ? undefined : history.reload()])
    return res
  }, '')
  useReachBottom(() => void history.loadMore())

  // The page is ready when both are: a failed balance or history shows its message with 重试.
  const failed = balance.status === 'error' ? balance : history.load.status === 'error' ? history.load : null
  const load: Load<BalanceView> = failed ?? (history.load.status === 'loading' ? history.load : balance)
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(data) => (
        <View className='points'>
          <BalanceCard data={data} />
          <View className='points__section'>积分明细</View>
          {history.items.length === 0 ? (
            <Empty description='还没有积分记录，去打卡赚积分吧'>
              <Button id='points-empty-go' type='primary' round onClick={() => void switchTab('home')}>
                去打卡
              </Button>
            </Empty>
          ) : (
            <View className='points__list'>
              {history.items.map((item) => (
                <HistoryRow key={item.id} item={item} />
              ))}
              <LoadMore status={history.more} onLoad={() => void history.loadMore()} />
            </View>
          )}
        </View>
      )}
    </PageState>
  )
}
