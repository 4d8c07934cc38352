import { View } from '@tarojs/components'
import RoleGate from '@/shared/ui/role-gate'
import Cell from '@/shared/ui/cell'
import Empty from '@/shared/ui/empty'
import LoadError from '@/shared/ui/load-error'
import { navigateTo, routeParam } from '@/shared/route'
import { periods } from '../../api'
import { useLoad } from '@/shared/ui/page-state'
import { Loading } from '@/shared/ui/page-state'

const NEXT_PAGES = ['period', 'conversion', 'export'] as const
type NextPage = (typeof NEXT_PAGES)[number]

const STATUS_LABELS: Record<string, string> = { open: '招募中', running: '进行中', ended: '已结束', closed: '已结营' }

/** Pick a period, then go on to its dashboard, conversion form or export (`?next=`). */
function Picker({ next }: { next: NextPage }) {
  const { load, reload } = useLoad(periods, 'periods')
  if (load.status === 'loading') return <Loading />
  if (load.status === 'error') return <LoadError message={load.message} onRetry={() => void reload()} />
  if (load.data.length === 0) return <Empty description='还没有已发布的期次' />
  return (
    <View style={{ paddingTop: '12px' }}>
      {load.data.map((p) => (
        <Cell
          key={p.id}
          id={`period-${p.id}`}
          title={p.title}
          label={`${p.startDay} 开营 · ${p.lengthDays} 天`}
          value={STATUS_LABELS[p.status] ?? p.status}
          isLink
          onClick={() => void navigateTo(`analytics-admin/${next}`, { periodId: p.id })}
        />
      ))}
    </View>
  )
}

export default function PeriodsPage() {
  const asked = routeParam('next')
  const next = (NEXT_PAGES as readonly string[]).includes(asked) ? (asked as NextPage) : 'period'
  return (
    <RoleGate role='admin'>
      <Picker next={next} />
    </RoleGate>
  )
}
