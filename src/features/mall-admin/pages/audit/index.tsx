import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import LoadMore from '@/shared/ui/load-more'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { formatDateTime } from '@/shared/time'
import type { AuditItem } from '@cloud/contracts/points'
import { auditTrail } from '../../api'
import AdminGate from '../../components/admin-gate'
import './index.scss'
import LoadError from '@/shared/ui/load-error'

const signed = (n: number) => (n > 0 ? `+${n}` : `\u2212${Math.abs(n)}`)

function AuditRow({ item }: { item: AuditItem }) {
  return (
    <View id={`audit-${item.id}`} className='audit__row'>
      <View className='audit__main'>
        <View className='audit__reason'>
          {item.reasonLabel}
          <View className='audit__member'>{item.memberId}</View>
        </View>
        {item.note ? <View className='audit__note'>{item.note}</View> : null}
        <View className='audit__time'>
          {formatDateTime(item.at)}
          {item.balanceAfter !== undefined ? ` · 余额 ${item.balanceAfter}` : ''}
          {item.ref ? ` · ${item.ref}` : ''}
        </View>
      </View>
      <View className={`audit__amount audit__amount--${item.amount > 0 ? 'credit' : 'debit'}`}>{signed(item.amount)}</View>
    </View>
  )
}

function Trail() {
  const [typed, setTyped] = useState('')
  const [memberId, setMemberId] = useState('')
  const list = usePagedList((before?: number) => auditTrail(memberId, before), [memberId])

  useListPageEvents(list)

  return (
    <View className='audit'>
      <View className='audit__filter'>
        <Input
          id='audit-member'
          className='audit__input'
          value={typed}
          placeholder='按学员编号筛选（留空看全部）'
          maxlength={64}
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setMemberId(typed.trim())}
        />
        <Button id='audit-search' size='small' type='primary' round onClick={() => setMemberId(typed.trim())}>
          筛选
        </Button>
      </View>
      {list.status === 'loading' ? (
        <View className='audit__loading'>加载中…</View>
      ) : list.status === 'error' ? (
        <LoadError message={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <Empty description={memberId ? '该学员还没有积分记录' : '还没有积分记录'} />
      ) : (
        <View className='audit__list'>
          {list.items.map((item) => (
            <AuditRow key={item.id} item={item} />
          ))}
          <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
        </View>
      )}
    </View>
  )
}

export default function AuditPage() {
  return (
    <AdminGate>
      <Trail />
    </AdminGate>
  )
}
