import { useState } from 'react'
import { View } from '@tarojs/components'
import type { LeadStage } from '@cloud/domain/classes'
import LoadMore from '@/shared/ui/load-more'
import Tabs from '@/shared/ui/tabs'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { leads } from '../../api'
import LeadCard from '../../components/lead-card'
import RoleGate from '@/shared/ui/role-gate'
import { STAGE_CHOICES } from '../../stages'
import '../../classes-admin.scss'
import PageState from '@/shared/ui/page-state'

type Tab = LeadStage | 'all'
const TABS = [{ key: 'all', title: '全部' }, ...STAGE_CHOICES.map((s) => ({ key: s.value, title: s.label }))] as const

function LeadList() {
  const [tab, setTab] = useState<Tab>('all')
  const list = usePagedList((cursor?: string) => leads(tab === 'all' ? undefined : tab, cursor), [tab])
  useListPageEvents(list)

  return (
    <View className='classes-admin'>
      <Tabs<Tab> id='stage' tabs={TABS} active={tab} onChange={setTab} />
      <PageState load={list.load} onRetry={() => void list.reload()} empty={tab === 'all' ? '还没有报名线索' : '这个阶段没有线索'}>
        {(items) => (
          <View>
            {items.map((l) => (
              <LeadCard
                key={l.id}
                lead={l}
                onChanged={(next) =>
                  tab === 'all' || next.stage === tab ? list.update((x) => x.id === next.id, next) : void list.reload()
                }
              />
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )}
      </PageState>
    </View>
  )
}

export default function LeadsPage() {
  return <RoleGate role='staff'>{() => <LeadList />}</RoleGate>
}
