import { View } from '@tarojs/components'
import type { PeriodDashboardView } from '@cloud/contracts/analytics'
import type { CurvePoint } from '@cloud/domain/analytics/funnel'
import { percent } from '../format'
import BarRow from './bar-row'
import Heatmap from './heatmap'
import Section from './section'

/** A daily curve as one bar per 第 N 天. */
export function CurveSection({ id, title, points }: { id: string; title: string; points: CurvePoint[] }) {
  return (
    <Section id={id} title={title}>
      {points.map((p) => (
        <BarRow
          key={p.dayIndex}
          id={`${id}-${p.dayIndex}`}
          label={`第${p.dayIndex}天`}
          share={p.rate}
          text={`${p.count}/${p.of} · ${percent(p.rate)}`}
        />
      ))}
    </Section>
  )
}

export function HeatmapSection({ view }: { view: PeriodDashboardView }) {
  return (
    <Section id='heat' title='打卡时段'>
      <Heatmap grid={view.heatmap} />
      <View id='busiest' className='an-section__hint'>
        {view.busiestHours.length === 0
          ? '暂无打卡'
          : `高频打卡时段：${view.busiestHours.map((b) => `${b.hour}:00–${b.hour + 1}:00（${b.checkins} 次）`).join('、')}`}
      </View>
    </Section>
  )
}
