import { useState } from 'react'
import { View } from '@tarojs/components'
import type { SlaFigureView, SlaView } from '@cloud/contracts/review-views'
import Button from '@/shared/ui/button'
import PageState, { useLoad } from '@/shared/ui/page-state'
import RoleGate from '@/shared/ui/role-gate'
import Segmented from '@/shared/ui/segmented'
import Tabs from '@/shared/ui/tabs'
import { isAdmin, type Me } from '@/shared/session'
import { allSla, mySla } from '../../api'
import { minutesLabel } from '../../stats-label'
import './index.scss'

type Scope = 'mine' | 'all'

const SCOPES: { key: Scope; title: string }[] = [
  { key: 'mine', title: '我的' },
  { key: 'all', title: '全部老师' },
]

const perHour = (f: SlaFigureView) => (f.perActiveHour === null ? '暂无' : `${f.perActiveHour} 条`)
const times = (f: SlaFigureView) => `中位 ${minutesLabel(f.p50Minutes)} · 90% ${minutesLabel(f.p90Minutes)}`

function Summary({ view }: { view: SlaView }) {
  const t = view.total
  return (
    <View id='sla-total' className='rv-sla__card'>
      <View className='rv-sla__range'>
        {view.from} 至 {view.to}
      </View>
      <View className='rv-sla__figures'>
        <View className='rv-sla__figure'>
          <View className='rv-sla__value'>{t.reviewed}</View>
          <View className='rv-sla__key'>已批改</View>
        </View>
        <View className='rv-sla__figure'>
          <View className='rv-sla__value'>{minutesLabel(t.p50Minutes)}</View>
          <View className='rv-sla__key'>中位用时</View>
        </View>
        <View className='rv-sla__figure'>
          <View className='rv-sla__value'>{minutesLabel(t.p90Minutes)}</View>
          <View className='rv-sla__key'>90% 在此之内</View>
        </View>
        <View className='rv-sla__figure'>
          <View className='rv-sla__value'>{perHour(t)}</View>
          <View className='rv-sla__key'>每小时批改</View>
        </View>
      </View>
    </View>
  )
}

/** Waiting now by age, as bars scaled to the largest bucket, and the item waiting longest. */
function Backlog({ backlog }: { backlog: SlaView['backlog'] }) {
  const max = Math.max(1, ...backlog.ages.map((a) => a.count))
  const oldest = backlog.oldest
  return (
    <View id='sla-backlog' className='rv-sla__card'>
      <View className='rv-sla__title'>
        待批改 {backlog.waiting}
        {backlog.capped ? ' 条以上（只统计最早提交的部分）' : ' 条'}
      </View>
      {backlog.ages.map((a) => (
        <View key={a.key} id={`sla-age-${a.key}`} className='rv-sla__bar-row'>
          <View className='rv-sla__bar-label'>{a.label}</View>
          <View className='rv-sla__bar-track'>
            <View
              className={`rv-sla__bar${a.key === 'gt24h' ? ' rv-sla__bar--warn' : ''}`}
              style={{ width: `${(a.count / max) * 100}%` }}
            />
          </View>
          <View className='rv-sla__bar-count'>{a.count}</View>
        </View>
      ))}
      <View id='sla-oldest' className='rv-sla__note'>
        {oldest
          ? `等待最久：${oldest.periodTitle} · ${oldest.day} 的打卡，已等 ${oldest.waitedLabel}${oldest.redo ? '（重做后）' : ''}`
          : '现在没有等待批改的打卡'}
      </View>
    </View>
  )
}

function Rows({ view }: { view: SlaView }) {
  return (
    <>
      <View id='sla-teachers' className='rv-sla__card'>
        <View className='rv-sla__title'>按老师</View>
        {view.teachers.map((t) => (
          <View key={t.teacher.id} className='rv-sla__row'>
            <View className='rv-sla__row-name'>{t.teacher.name}</View>
            <View className='rv-sla__row-line'>
              批改 {t.reviewed} · {times(t)} · 每小时 {perHour(t)}
            </View>
          </View>
        ))}
      </View>
      <View id='sla-days' className='rv-sla__card'>
        <View className='rv-sla__title'>按天</View>
        {view.byDay.map((d) => (
          <View key={d.day} className='rv-sla__row'>
            <View className='rv-sla__row-name'>{d.day}</View>
            <View className='rv-sla__row-line'>
              批改 {d.reviewed} · {times(d)}
            </View>
          </View>
        ))}
      </View>
    </>
  )
}

/** The ranges offered (the server takes any 1–31 days; a picked range, never typed dates). */
const RANGES = [
  { value: '7', label: '近 7 天' },
  { value: '14', label: '近 14 天' },
  { value: '30', label: '近 30 天' },
] as const
type Range = (typeof RANGES)[number]['value']

function Sla({ me }: { me: Me }) {
  const [scope, setScope] = useState<Scope>('mine')
  const [range, setRange] = useState<Range>('7')
  const [page, setPage] = useState(0)
  const days = Number(range)
  // useLoad drops an answer for a tab, range or page no longer shown, and reloads on pull-to-refresh.
  const { load, reload } = useLoad(() => (scope === 'mine' ? mySla(days) : allSla(days, page)), `${scope}:${range}:${page}`)
  const pick = (s: Scope) => {
    setScope(s)
    setPage(0)
  }
  const pickRange = (r: Range) => {
    setRange(r)
    setPage(0)
  }
  return (
    <View className='rv-sla'>
      {isAdmin(me) ? <Tabs id='sla-scope' tabs={SCOPES} active={scope} onChange={pick} /> : null}
      <Segmented id='sla-range' options={RANGES} value={range} onChange={pickRange} />
      <PageState
        load={load}
        onRetry={() => void reload()}
        empty='还没有批改记录'
        isEmpty={(v) => v.total.reviewed === 0 && v.backlog.waiting === 0 && v.teachers.every((t) => t.reviewed === 0)}
      >
        {(view) => (
          <>
            <Summary view={view} />
            <Backlog backlog={view.backlog} />
            <Rows view={view} />
            {view.scope === 'all' && (page > 0 || view.nextPage !== null) ? (
              <View className='rv-sla__pager'>
                {page > 0 ? (
                  <Button id='sla-prev' size='small' onClick={() => setPage(page - 1)}>
                    上一页
                  </Button>
                ) : null}
                {view.nextPage !== null ? (
                  <Button id='sla-next' size='small' onClick={() => setPage(view.nextPage ?? 0)}>
                    下一页老师
                  </Button>
                ) : null}
              </View>
            ) : null}
          </>
        )}
      </PageState>
    </View>
  )
}

export default function ReviewSlaPage() {
  return (
    <RoleGate role='staff' refusal='仅带班老师可以查看批改时效'>
      {(me) => <Sla me={me} />}
    </RoleGate>
  )
}
