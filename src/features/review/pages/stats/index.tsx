import { useState } from 'react'
import { View } from '@tarojs/components'
import Tabs from '@/shared/ui/tabs'
import { isAdmin, type Me } from '@/shared/session'
import { allTeacherStats, myStats } from '../../api'
import StatsCard from '../../components/stats-card'
import RoleGate from '@/shared/ui/role-gate'
import { goTo } from '@/shared/route'
import './index.scss'
import PageState, { useLoad } from '@/shared/ui/page-state'

type Scope = 'mine' | 'all'

const SCOPES: { key: Scope; title: string }[] = [
  { key: 'mine', title: '我的' },
  { key: 'all', title: '全部老师' },
]

function Stats({ me }: { me: Me }) {
  const [scope, setScope] = useState<Scope>('mine')
  // useLoad drops an answer for a tab no longer shown.
  const { load, reload } = useLoad(async () => {
    const res = scope === 'mine' ? await myStats() : await allTeacherStats()
    if (res.code !== 0) return res
    return { code: 0 as const, data: 'items' in res.data ? res.data.items : [res.data] }
  }, scope)

  return (
    <View className='rv-stats-page'>
      {isAdmin(me) ? <Tabs id='scope' tabs={SCOPES} active={scope} onChange={setScope} /> : null}
      <View role='button' id='go-sla' className='rv-stats-page__link' onClick={goTo('review/sla')}>
        批改时效（近 7 天用时、积压）›
      </View>
      <PageState load={load} onRetry={() => void reload()} empty='今天还没有点评数据'>
        {(items) => items.map((s) => <StatsCard key={s.teacher.id} stats={s} showName={scope === 'all'} />)}
      </PageState>
    </View>
  )
}

export default function ReviewStatsPage() {
  return (
    <RoleGate role='staff' refusal='仅带班老师可以使用点评工作台'>
      {(me) => <Stats me={me} />}
    </RoleGate>
  )
}
