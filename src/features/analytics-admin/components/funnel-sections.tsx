import { useMemo } from 'react'
import { View } from '@tarojs/components'
import type { PeriodDashboardView } from '@cloud/contracts/analytics'
import type { BreakdownRow } from '@cloud/domain/analytics/funnel'
import { funnelSteps, funnelSummary } from '../charts/chart-data'
import ChartCanvas from '../charts/chart-canvas'
import { funnelChart } from '../charts/f2-charts'
import { STAGES } from '../stages'
import { percent } from '../format'
import BarRow from './bar-row'
import Section from './section'
import './funnel-sections.scss'

/** joined → checked in → half → completed → paid drawn as a funnel, with each stage's count and share of joined. */
export function FunnelSection({ view }: { view: PeriodDashboardView }) {
  const steps = useMemo(() => funnelSteps(view.stages), [view.stages])
  const tree = useMemo(() => funnelChart(steps), [steps])
  return (
    <Section id='funnel' title='转化漏斗'>
      {view.stages.joined > 0 ? (
        <ChartCanvas id='funnel-chart' height={200} label={`转化漏斗：${funnelSummary(steps)}`} chart={tree} />
      ) : null}
      <View className='funnel-legend'>
        {STAGES.map(({ key, label }, i) => (
          <View key={key} id={`stage-${key}`} className='funnel-legend__item'>
            <View className='funnel-legend__label'>{label}</View>
            <View className='funnel-legend__value'>{`${steps[i].count} 人 · ${percent(steps[i].share)}`}</View>
          </View>
        ))}
      </View>
      <View id='completion-rate' className='an-section__hint'>
        完成率 {percent(view.completionRate)}
      </View>
    </Section>
  )
}

/** A breakdown table: one row per channel or poster code, counts per stage. */
export function BreakdownSection({ id, title, rows }: { id: string; title: string; rows: BreakdownRow[] }) {
  return (
    <Section id={id} title={title}>
      {rows.length === 0 ? (
        <View className='an-section__hint'>暂无数据</View>
      ) : (
        <View className='breakdown'>
          <View className='breakdown__row breakdown__head'>
            <View className='breakdown__key'>来源</View>
            {STAGES.map((s) => (
              <View key={s.key} className='breakdown__num'>
                {s.short}
              </View>
            ))}
          </View>
          {rows.map((r) => (
            <View key={r.key} id={`${id}-${r.key}`} className='breakdown__row'>
              <View className='breakdown__key'>{r.key}</View>
              {STAGES.map((s) => (
                <View key={s.key} className='breakdown__num'>
                  {r[s.key]}
                </View>
              ))}
            </View>
          ))}
        </View>
      )}
    </Section>
  )
}

/** Conversion per round: paid / members and paid / completers. */
export function RoundsSection({ view }: { view: PeriodDashboardView }) {
  return (
    <Section id='rounds' title='转化轮次'>
      {view.rounds.length === 0 ? (
        <View className='an-section__hint'>尚未设置转化轮次（在“转化登记”中设置）</View>
      ) : (
        view.rounds.map((r) => (
          <BarRow
            key={r.round}
            id={`round-${r.round}`}
            label={`第${r.round}轮 ${r.name}`}
            share={r.rateOfMembers}
            text={`${r.paid} 人 · ${percent(r.rateOfMembers)} / 完成者 ${percent(r.rateOfCompleted)}`}
          />
        ))
      )}
    </Section>
  )
}
