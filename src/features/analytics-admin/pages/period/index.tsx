import { View } from '@tarojs/components'
import RoleGate from '@/shared/ui/role-gate'
import Empty from '@/shared/ui/empty'
import { useRouteParam } from '@/shared/route'
import { periodDashboard } from '../../api'
import ComputedBar from '../../components/computed-bar'
import { CurveSection, HeatmapSection } from '../../components/curve-sections'
import { BreakdownSection, FunnelSection, RoundsSection } from '../../components/funnel-sections'
import PageState, { useLoad } from '@/shared/ui/page-state'
import type { PeriodDashboardView } from '@cloud/contracts/analytics'

function Dashboard({ periodId }: { periodId: string }) {
  const { load, reload } = useLoad(() => periodDashboard(periodId), periodId)
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(view) => <DashboardBody periodId={periodId} view={view} onRefreshed={() => void reload()} />}
    </PageState>
  )
}

function DashboardBody({ periodId, view, onRefreshed }: { periodId: string; view: PeriodDashboardView; onRefreshed: () => void }) {
  return (
    <View style={{ paddingBottom: '24px' }}>
      <View id='period-title' style={{ padding: '12px 16px 0', fontSize: '16px', fontWeight: 600 }}>
        {view.period.title}
      </View>
      <ComputedBar periodId={periodId} computedAt={view.computedAt} onRefreshed={onRefreshed} />
      {view.computedAt === null ? (
        <Empty description='这一期还没有计算过数据，点击“刷新数据”立即计算' />
      ) : (
        <>
          <FunnelSection view={view} />
          <BreakdownSection id='by-channel' title='按首次来源渠道' rows={view.byChannel} />
          <BreakdownSection id='by-poster' title='按海报码（前 10）' rows={view.byPoster} />
          <CurveSection id='participation' title='每日参与率' points={view.participation} reachedDays={view.period.reachedDays} />
          <CurveSection id='retention' title='留存（第 1 天打卡者）' points={view.retention} reachedDays={view.period.reachedDays} />
          <HeatmapSection view={view} />
          <RoundsSection view={view} />
        </>
      )}
    </View>
  )
}

export default function PeriodDashboardPage() {
  const periodId = useRouteParam('periodId')
  return <RoleGate role='admin'>{periodId ? <Dashboard periodId={periodId} /> : <Empty description='请先选择期次' />}</RoleGate>
}
