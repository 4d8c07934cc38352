import { useState } from 'react'
import { View } from '@tarojs/components'
import type { TeamBoardPage, TeamBoardRowView } from '@cloud/contracts/community'
import Button from '@/shared/ui/button'
import Segmented from '@/shared/ui/segmented'
import PageState, { useLoad } from '@/shared/ui/page-state'
import { toastError } from '@/shared/ui/feedback'
import { useRouteParam } from '@/shared/route'
import { formatDateTime } from '@/shared/time'
import { board } from '../../api'
import '../../community.scss'

type Which = TeamBoardPage['board']
const BOARDS = [
  { value: 'today', label: '今日打卡率' },
  { value: 'period', label: '本期打卡率' },
] as const

function Row({ row }: { row: TeamBoardRowView }) {
  return (
    <View id={`team-row-${row.index}`} className={`community__row${row.mine ? ' community__mine' : ''}`}>
      <View className='community__rank'>{row.rank}</View>
      <View className='community__name'>
        {row.name}
        {row.mine ? <View className='community__tag'>我的小队</View> : null}
        <View className='community__meta'>
          {row.size} 人 · 平均连续 {row.averageStreak} 天
        </View>
      </View>
      <View className='community__rate'>{row.ratePercent}%</View>
    </View>
  )
}

/** Team PK: teams ranked by today's or the period's check-in rate (counters refreshed every 10 minutes). */
export default function BoardPage() {
  const periodId = useRouteParam('periodId')
  const [which, setWhich] = useState<Which>('today')
  const [more, setMore] = useState<{ rows: TeamBoardRowView[]; next: number | null } | null>(null)
  const { load, reload } = useLoad(async () => {
    setMore(null)
    return board(periodId, which, 0)
  }, `${periodId}:${which}`)
  const loadMore = async (from: number, shown: TeamBoardRowView[]) => {
    const res = await board(periodId, which, from)
    if (res.code !== 0) return toastError(res)
    setMore({ rows: [...shown, ...res.data.rows], next: res.data.next })
  }
  return (
    <View className='community'>
      <View className='community__card'>
        <Segmented id='board' options={BOARDS} value={which} onChange={setWhich} />
      </View>
      <PageState load={load} onRetry={() => void reload()} empty='还没有小队' isEmpty={(p) => p.rows.length === 0}>
        {(page) => {
          const rows = more?.rows ?? page.rows
          const next = more ? more.next : page.next
          return (
            <View className='community__card'>
              {rows.map((r) => (
                <Row key={r.index} row={r} />
              ))}
              <View className='community__meta'>
                {page.computedAt ? `统计于 ${formatDateTime(page.computedAt)}，每 10 分钟更新` : '统计中，稍后刷新'}
              </View>
              {next !== null ? (
                <Button id='board-more' block plain onClick={() => void loadMore(next, rows)}>
                  加载更多
                </Button>
              ) : null}
            </View>
          )
        }}
      </PageState>
    </View>
  )
}
