import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import LoadMore from '@/shared/ui/load-more'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import type { ItemView } from '@cloud/contracts/mall'
import { listAllItems, updateItem } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import './index.scss'
import { navigateTo, useOnReturn } from '@/shared/route'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState from '@/shared/ui/page-state'

function ItemsList() {
  const list = usePagedList(listAllItems, [])
  const [busyId, setBusyId] = useState<string | null>(null)

  // Back from the form: show the saved changes.
  useOnReturn(() => void list.reload())
  useListPageEvents(list)

  const toggleShelf = async (item: ItemView) => {
    const onShelf = item.saleState === 'off_shelf'
    const confirmed = await confirm({
      title: onShelf ? '上架商品' : '下架商品',
      content: onShelf ? `上架后学员即可兑换「${item.title}」。确定上架吗？` : `下架后学员将不能再兑换「${item.title}」。确定下架吗？`,
      confirmText: '确定',
      cancelText: '取消',
    })
    if (!confirmed) return
    setBusyId(item.id)
    const res = await updateItem(item.id, { onShelf })
    setBusyId(null)
    if (res.code !== 0) {
      toast(res.message)
      return
    }
    list.update((i) => i.id === item.id, res.data)
    toastSuccess(onShelf ? '已上架' : '已下架')
  }

  return (
    <PageState load={list.load} onRetry={() => void list.reload()}>
      {(items) => (
        <View className='admin-items'>
          <View className='admin-items__bar'>
            <Button id='new-item' type='primary' size='small' round onClick={() => void navigateTo('mall-admin/item-form')}>
              新建商品
            </Button>
          </View>
          {items.length === 0 ? (
            <Empty description='还没有商品，点击「新建商品」添加' />
          ) : (
            items.map((item) => (
              <View key={item.id} id={`admin-item-${item.id}`} className='admin-items__row'>
                <View
                  role='button'
                  className='admin-items__main'
                  onClick={() => void navigateTo('mall-admin/item-form', { itemId: item.id })}
                >
                  <View className='admin-items__title'>{item.title}</View>
                  <View className='admin-items__meta'>
                    {item.kindLabel} · {item.cost} 积分 · 库存 {item.stock} · {item.saleStateLabel}
                  </View>
                </View>
                <Button
                  id={`shelf-${item.id}`}
                  size='small'
                  round
                  type={item.saleState === 'off_shelf' ? 'primary' : 'default'}
                  loading={busyId === item.id}
                  loadingText='提交中'
                  onClick={() => void toggleShelf(item)}
                >
                  {item.saleState === 'off_shelf' ? '上架' : '下架'}
                </Button>
              </View>
            ))
          )}
          {items.length > 0 ? <LoadMore status={list.more} onLoad={() => void list.loadMore()} /> : null}
        </View>
      )}
    </PageState>
  )
}

export default function AdminItemsPage() {
  return (
    <RoleGate role='admin'>
      <ItemsList />
    </RoleGate>
  )
}
