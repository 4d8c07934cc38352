import { useMemo } from 'react'
import { View } from '@tarojs/components'
import type { PeriodDashboardView } from '@cloud/contracts/analytics'
import type { CurvePoint } from '@cloud/domain/analytics/funnel'
import { curveChart, curveSummary } from '../charts/chart-data'
import ChartCanvas from '../charts/chart-canvas'
import { lineChart } from '../charts/f2-charts'
import Heatmap from './heatmap'
import Section from './section'

/** A daily curve as a line over the days reached; the days not reached yet are named, never drawn as 0 %. */
export function CurveSection({ id, title, points, reachedDays }: { id: string; title: string; points: CurvePoint[]; reachedDays: number }) {
  const chart = useMemo(() => curveChart(points, reachedDays), [points, reachedDays])
  const tree = useMemo(() => lineChart(chart), [chart])
  const summary = curveSummary(chart)
  const last = chart.points[chart.points.length - 1]
  return (
    <Section id={id} title={title}>
      {chart.points.length === 0 ? (
        <View id={`${id}-empty`} className='an-section__hint'>
          {summary}
        </View>
      ) : (
        <>
          <ChartCanvas id={`${id}-chart`} height={180} label={`${title}：${summary}`} chart={tree} />
          <View id={`${id}-note`} className='an-section__hint'>
            {`最近 ${last.day}：${last.count}/${last.of} 人`}
            {chart.notReached > 0 ? `，还有 ${chart.notReached} 天未到` : ''}
          </View>
        </>
      )}
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
