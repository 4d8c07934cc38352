import { useState } from 'react'
import { View } from '@tarojs/components'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import LoadMore from '@/shared/ui/load-more'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import type { AdminMaterialView } from '@cloud/contracts/materials'
import { listAllMaterials, setShelf } from '../../api'
import './index.scss'
import { navigateTo, useOnReturn } from '@/shared/route'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState from '@/shared/ui/page-state'

function MaterialsList() {
  const list = usePagedList(listAllMaterials, [])
  const [busyId, setBusyId] = useState<string | null>(null)

  // Back from the form: show the saved changes.
  useOnReturn(() => void list.reload())
  useListPageEvents(list)

  const toggleShelf = async (m: AdminMaterialView) => {
    const onShelf = !m.onShelf
    const confirmed = await confirm({
      title: onShelf ? '上架资料' : '下架资料',
      content: onShelf
        ? `上架后学员即可在资料库看到「${m.title}」。确定上架吗？`
        : `下架后学员将看不到「${m.title}」（已解锁的学员仍可打开）。确定下架吗？`,
      confirmText: '确定',
      cancelText: '取消',
    })
    if (!confirmed) return
    setBusyId(m.id)
    const res = await setShelf(m.id, onShelf)
    setBusyId(null)
    if (res.code !== 0) {
      toast(res.message)
      return
    }
    list.update((i) => i.id === m.id, res.data)
    toastSuccess(onShelf ? '已上架' : '已下架')
  }

  return (
    <PageState load={list.load} onRetry={() => void list.reload()}>
      {(items) => (
        <View className='admin-materials'>
          <View className='admin-materials__bar'>
            <Button id='new-material' type='primary' size='small' round onClick={() => void navigateTo('materials-admin/form')}>
              新建资料
            </Button>
          </View>
          {items.length === 0 ? (
            <Empty description='还没有资料，点击「新建资料」添加' />
          ) : (
            items.map((m) => (
              <View key={m.id} id={`admin-material-${m.id}`} className='admin-materials__row'>
                <View
                  role='button'
                  className='admin-materials__main'
                  onClick={() => void navigateTo('materials-admin/form', { materialId: m.id })}
                >
                  <View className='admin-materials__title'>{m.title}</View>
                  <View className='admin-materials__meta'>
                    {m.subjectLabel} · {m.gradeLabels.join(' / ')} · {m.ruleTag} · {m.onShelf ? '已上架' : '未上架'}
                  </View>
                  <View id={`counts-${m.id}`} className='admin-materials__counts'>
                    下载 {m.downloads} 次 · {m.members} 人
                  </View>
                </View>
                <Button
                  id={`shelf-${m.id}`}
                  size='small'
                  round
                  type={m.onShelf ? 'default' : 'primary'}
                  loading={busyId === m.id}
                  loadingText='提交中'
                  onClick={() => void toggleShelf(m)}
                >
                  {m.onShelf ? '下架' : '上架'}
                </Button>
              </View>
            ))
          )}
          <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
        </View>
      )}
    </PageState>
  )
}

export default function MaterialsAdminPage() {
  return (
    <RoleGate role='admin'>
      <MaterialsList />
    </RoleGate>
  )
}
