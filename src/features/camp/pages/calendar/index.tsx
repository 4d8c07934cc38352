import { useRef } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CalendarView } from '@cloud/contracts/camp-views'
import { navigateTo, useOnReturn, useRouteParam } from '@/shared/route'
import { calendar, makeup } from '../../api'
import { monthDay, type CalendarDay } from '../../calendar-model'
import BadgeStrip from '../../components/badge-strip'
import CalendarGrid from '../../components/calendar-grid'
import StreakStats from '../../components/streak-stats'
import './index.scss'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

function makeupQuestion(view: CalendarView, d: CalendarDay): string {
  const price = view.makeupCost > 0 ? `将消耗 ${view.makeupCost} 积分` : '本次免费'
  return `补卡「第 ${d.index} 天（${monthDay(d.day)}）」${price}，剩余 ${view.makeupsLeft} 次补卡机会。确认补卡？`
}

export default function CalendarPage() {
  const periodId = useRouteParam('periodId')
  const { load, reload } = useLoad(() => calendar(periodId), periodId)
  const asking = useRef(false)
  // Back from a day's review: its unread dot is gone.
  useOnReturn(() => void reload())

  const makeUp = async (view: CalendarView, d: CalendarDay) => {
    if (asking.current) return
    asking.current = true
    try {
      const confirmed = await confirm({
        title: '确认补卡',
        content: makeupQuestion(view, d),
        confirmText: '确认补卡',
        cancelText: '再想想',
      })
      if (!confirmed) return
      void Taro.showLoading({ title: '补卡中', mask: true })
      const res = await makeup(periodId, d.day)
      Taro.hideLoading()
      if (res.code !== 0) return void toast(res.message)
      toastSuccess('补卡成功')
      await reload()
    } finally {
      asking.current = false
    }
  }

  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(view) => <CalendarBody view={view} onMakeUp={(d) => void makeUp(view, d)} periodId={periodId} />}
    </PageState>
  )
}

function CalendarBody({ view, onMakeUp, periodId }: { view: CalendarView; onMakeUp: (d: CalendarDay) => void; periodId: string }) {
  const { summary } = view
  return (
    <View className='calendar'>
      <StreakStats
        stats={[
          { id: 'cal-streak', label: '当前连续', value: `${view.currentStreak} 天` },
          { id: 'cal-best', label: '最长连续', value: `${view.bestStreak} 天` },
          { id: 'cal-checked', label: '已打卡', value: `${summary.checked + summary.madeUp}/${summary.total}` },
        ]}
      />
      <BadgeStrip id='cal-badges' tier={view.tier} badges={view.badges} />
      <View id='cal-summary' className='calendar__summary'>
        按时打卡 {summary.checked} 天 · 补卡 {summary.madeUp} 天 · 未打卡 {summary.missed} 天
      </View>
      {view.unreadReviews > 0 ? (
        <View id='cal-unread' className='calendar__unread'>
          有 {view.unreadReviews} 条新点评，点击标红点的日期查看
        </View>
      ) : null}
      <CalendarGrid days={view.days} onMakeUp={onMakeUp} onOpen={(d) => void navigateTo('review/comment', { periodId, day: d.day })} />
      <View id='cal-makeup-policy' className='calendar__policy'>
        {view.makeupsLeft > 0
          ? `还可补卡 ${view.makeupsLeft} 次${view.makeupCost ? `，每次 ${view.makeupCost} 积分` : '，免费'}；点击标有「补卡」的日期即可补卡，点击已打卡的日期查看当天打卡与点评`
          : '本期补卡机会已用完或不支持补卡'}
      </View>
    </View>
  )
}
