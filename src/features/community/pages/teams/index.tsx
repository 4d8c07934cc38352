import { View } from '@tarojs/components'
import RoleGate from '@/shared/ui/role-gate'
import PageState, { useLoad } from '@/shared/ui/page-state'
import { useRouteParam } from '@/shared/route'
import SplitForm from '../../components/split-form'
import TeamPanel from '../../components/team-panel'
import UnassignedPanel from '../../components/unassigned-panel'
import { teams } from '../../api'
import '../../community.scss'

function Teams() {
  const periodId = useRouteParam('periodId')
  const { load, reload } = useLoad(() => teams(periodId), periodId)
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(view) => (
        <View className='community'>
          <View className='community__card'>
            <View className='community__title'>{view.periodTitle}</View>
            <View className='community__meta'>
              {view.split
                ? `${view.teams.length} 个小队${view.split.mode === 'auto' ? ` · 每队约 ${view.split.size} 人，新学员自动分入人数最少的小队` : ' · 手动分队'}`
                : '把本期学员分成小队，再为每队设组长和学习委员'}
            </View>
          </View>
          {view.split ? null : <SplitForm periodId={periodId} onDone={() => void reload()} />}
          {view.teams.map((t) => (
            <TeamPanel
              key={`${t.index}:${t.name}:${t.size}`}
              periodId={periodId}
              team={t}
              teams={view.teams}
              onChanged={() => void reload()}
            />
          ))}
          {view.split ? <UnassignedPanel periodId={periodId} teams={view.teams} onChanged={() => void reload()} /> : null}
        </View>
      )}
    </PageState>
  )
}

/** The operator's team management for one period (split, rename, 组长 / 学习委员, moves). */
export default function TeamsPage() {
  return <RoleGate role='admin'>{() => <Teams />}</RoleGate>
}
