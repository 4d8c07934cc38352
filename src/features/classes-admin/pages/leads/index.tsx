import { useState } from 'react'
import { View } from '@tarojs/components'
import type { LeadStage } from '@cloud/domain/classes'
import Empty from '@/shared/ui/empty'
import LoadMore from '@/shared/ui/load-more'
import Tabs from '@/shared/ui/tabs'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { leads } from '../../api'
import LeadCard from '../../components/lead-card'
import RoleGate from '@/shared/ui/role-gate'
import { STAGE_CHOICES } from '../../stages'
import '../../classes-admin.scss'
import LoadError from '@/shared/ui/load-error'
import { Loading } from '@/shared/ui/page-state'

type Tab = LeadStage | 'all'
const TABS = [{ key: 'all', title: '全部' }, ...STAGE_CHOICES.map((s) => ({ key: s.value, title: s.label }))] as const

function LeadList() {
  const [tab, setTab] = useState<Tab>('all')
  const list = usePagedList((cursor?: string) => leads(tab === 'all' ? undefined : tab, cursor), [tab])
  useListPageEvents(list)

  return (
    <View className='classes-admin'>
      <Tabs<Tab> id='stage' tabs={TABS} active={tab} onChange={setTab} />
      {list.status === 'loading' ? (
        <Loading />
      ) : list.status === 'error' ? (
        <LoadError message={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <Empty description={tab === 'all' ? '还没有报名线索' : '这个阶段没有线索'} />
      ) : (
        <View>
          {list.items.map((l) => (
            <LeadCard
              key={l.id}
              lead={l}
              onChanged={(next) => (tab === 'all' || next.stage === tab ? list.update((x) => x.id === next.id, next) : void list.reload())}
            />
          ))}
          <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
        </View>
      )}
    </View>
  )
}

export default function LeadsPage() {
  return <RoleGate role='staff'>{() => <LeadList />}</RoleGate>
}
