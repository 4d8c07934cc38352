import { View } from '@tarojs/components'
import RoleGate from '@/shared/ui/role-gate'
import Cell from '@/shared/ui/cell'
import { navigateTo, useRouteParam } from '@/shared/route'
import { periods } from '../../api'
import PageState, { useLoad } from '@/shared/ui/page-state'

const NEXT_PAGES = ['period', 'conversion', 'export'] as const
type NextPage = (typeof NEXT_PAGES)[number]

const STATUS_LABELS: Record<string, string> = { open: '招募中', running: '进行中', ended: '已结束', closed: '已结营' }

/** Pick a period, then go on to its dashboard, conversion form or export (`?next=`). */
function Picker({ next }: { next: NextPage }) {
  const { load, reload } = useLoad(periods, 'periods')
  return (
    <PageState load={load} onRetry={() => void reload()} empty='还没有已发布的期次'>
      {(list) => (
        <View style={{ paddingTop: '12px' }}>
          {list.map((p) => (
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
      )}
    </PageState>
  )
}

export default function PeriodsPage() {
  const asked = useRouteParam('next')
  const next = (NEXT_PAGES as readonly string[]).includes(asked) ? (asked as NextPage) : 'period'
  return (
    <RoleGate role='admin'>
      <Picker next={next} />
    </RoleGate>
  )
}
