import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import Tabs from '@/shared/ui/tabs'
import { isAdmin, type Me } from '@/shared/session'
import type { TeacherStatsView } from '@cloud/contracts/review-views'
import { allTeacherStats, myStats } from '../../api'
import StatsCard from '../../components/stats-card'
import RoleGate from '@/shared/ui/role-gate'
import './index.scss'
import { Loading } from '@/shared/ui/page-state'

type Scope = 'mine' | 'all'
type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: TeacherStatsView[] }

const SCOPES: { key: Scope; title: string }[] = [
  { key: 'mine', title: '我的' },
  { key: 'all', title: '全部老师' },
]

function Stats({ me }: { me: Me }) {
  const [scope, setScope] = useState<Scope>('mine')
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const shownScope = useRef(scope)

  // An answer for a tab no longer shown is dropped.
  const fetchStats = async (which: Scope) => {
    const res = which === 'mine' ? await myStats() : await allTeacherStats()
    if (shownScope.current !== which) return
    if (res.code !== 0) return setLoad({ status: 'error', message: res.message })
    setLoad({ status: 'ready', items: 'items' in res.data ? res.data.items : [res.data] })
  }
  useEffect(() => {
    shownScope.current = scope
    setLoad({ status: 'loading' })
    void fetchStats(scope)
  }, [scope])
  usePullDownRefresh(() => void fetchStats(scope).then(() => Taro.stopPullDownRefresh()))

  return (
    <View className='rv-stats-page'>
      {isAdmin(me) ? <Tabs id='scope' tabs={SCOPES} active={scope} onChange={setScope} /> : null}
      {load.status === 'loading' ? (
        <Loading />
      ) : load.status === 'error' ? (
        <Empty description={load.message}>
          <Button id='retry' type='primary' round onClick={() => void fetchStats(scope)}>
            重试
          </Button>
        </Empty>
      ) : load.items.length === 0 ? (
        <Empty description='今天还没有点评数据' />
      ) : (
        load.items.map((s) => <StatsCard key={s.teacher.id} stats={s} showName={scope === 'all'} />)
      )}
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
