import { View } from '@tarojs/components'
import RoleGate from '@/shared/ui/role-gate'
import Empty from '@/shared/ui/empty'
import { formatDateTime } from '@/shared/time'
import type { LayersView } from '@cloud/contracts/analytics'
import { layers } from '../../api'
import BarRow from '../../components/bar-row'
import Section from '../../components/section'
import PageState, { useLoad } from '@/shared/ui/page-state'
import { COLORS } from '@/shared/ui/tokens'

/** How many of the most common transitions the page lists. */
const TOP_PATHS = 8

function LayerBoard({ view }: { view: LayersView }) {
  const total = view.counts.reduce((s, c) => s + c.count, 0)
  if (total === 0) return <Empty description='还没有分层数据，定时任务运行后即可查看' />
  const max = Math.max(...view.counts.map((c) => c.count))
  return (
    <View>
      <View style={{ padding: '12px 16px 0', fontSize: '12px', color: COLORS.text3 }}>
        {view.computedAt === null ? '' : `更新于 ${formatDateTime(view.computedAt)}，`}共 {total} 人
      </View>
      <Section id='layer-counts' title='各层人数'>
        {view.counts.map((c) => (
          <BarRow key={c.layer} id={`layer-${c.layer}`} label={c.label} share={c.count / max} text={`${c.count} 人`} />
        ))}
      </Section>
      <Section id='layer-paths' title='主要流转'>
        {view.paths.length === 0 ? (
          <View className='an-section__hint'>暂无流转记录</View>
        ) : (
          view.paths
            .slice(0, TOP_PATHS)
            .map((p) => <BarRow key={`${p.from}-${p.to}`} label={p.label} share={p.count / view.paths[0].count} text={`${p.count} 人`} />)
        )}
      </Section>
    </View>
  )
}

function Layers() {
  const { load, reload } = useLoad(layers, 'layers')
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(view) => <LayerBoard view={view} />}
    </PageState>
  )
}

export default function LayersPage() {
  return (
    <RoleGate role='admin'>
      <Layers />
    </RoleGate>
  )
}
