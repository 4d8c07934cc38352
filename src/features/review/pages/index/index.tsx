import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import LoadMore from '@/shared/ui/load-more'
import Segmented from '@/shared/ui/segmented'
import Tabs from '@/shared/ui/tabs'
import { usePagedList } from '@/shared/paging/use-paged-list'
import type { QueueItemView, TeacherStatsView } from '@cloud/contracts/review-views'
import type { BacklogSummary, QueueCursor, QueueKind } from '@cloud/domain/review'
import { myStats, queuePage, type QueueFilter } from '../../api'
import QueueCard from '../../components/queue-card'
import ReassignSheet from '../../components/reassign-sheet'
import RoleGate from '@/shared/ui/role-gate'
import { isAdmin } from '@/shared/session'
import { ALL_PERIODS, dayOptions, filterFromParams, filterParams, periodOptions } from '../../queue-filter'
import './index.scss'
import { navigateTo, routeParam, useOnReturn } from '@/shared/route'
import PageState from '@/shared/ui/page-state'

const KIND_TABS: { key: QueueKind; title: string }[] = [
  { key: 'pending', title: '待点评' },
  { key: 'flagged', title: '待审核内容' },
  { key: 'returned', title: '已退回' },
]

function emptyText(f: QueueFilter): string {
  if (f.kind === 'flagged') return '没有需要审核的内容'
  if (f.kind === 'returned') return '没有等待重做的打卡'
  if (f.assignee === 'pool') return '没有未分配的打卡'
  if (f.assignee) return '这位老师没有待点评的打卡'
  return f.day === 'today' && !f.periodId ? '今天的点评都完成了' : '这里没有待点评的打卡'
}

/** Whose queue an operator opened from 点评分配: the pool, or a teacher named by the items' assignee. */
function scopeTitle(f: QueueFilter, items: readonly QueueItemView[]): string | null {
  if (!f.assignee) return null
  if (f.assignee === 'pool') return '未分配的打卡'
  const name = items.find((i) => i.assignee?.teacherId === f.assignee)?.assignee?.name
  return name ? `${name}的队列` : '这位老师的队列'
}

/**
 * The review queue. A teacher sees their personal queue (what distribution dealt them, issue #17 item 2); an
 * operator sees every teacher's items with whose queue each is in and 改派, or one teacher's queue / the pool when
 * opened from 点评分配 (`periodId` and `assignee` in the query).
 */
function Queue({ admin }: { admin: boolean }) {
  const [filter, setFilter] = useState<QueueFilter>(() => {
    const { assignee, ...f } = filterFromParams(routeParam)
    return admin && assignee ? { ...f, day: 'all', assignee } : f
  })
  const [moving, setMoving] = useState<QueueItemView | null>(null)
  const [backlog, setBacklog] = useState<BacklogSummary | null>(null)
  const [stats, setStats] = useState<TeacherStatsView | null>(null)
  // Period titles seen so far (queue items, today's stats): the backlog counts carry only ids.
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map())
  const learnTitles = useCallback((pairs: [string, string][]) => setTitles((prev) => new Map([...prev, ...pairs])), [])

  const list = usePagedList(
    async (cursor?: QueueCursor) => {
      const res = await queuePage(filter, cursor)
      if (res.code !== 0) return res
      if (res.data.backlog) setBacklog(res.data.backlog)
      learnTitles(res.data.items.map((i): [string, string] => [i.periodId, i.periodTitle]))
      return { code: 0, data: { items: res.data.items, next: res.data.next } }
    },
    [filter.kind, filter.periodId, filter.day, filter.assignee],
  )

  const loadStats = useCallback(async () => {
    const res = await myStats()
    if (res.code !== 0) return
    setStats(res.data)
    learnTitles(res.data.periods.map((p): [string, string] => [p.periodId, p.title]))
  }, [learnTitles])
  useEffect(() => void loadStats(), [loadStats])

  // Back from reviewing: what was reviewed leaves the list.
  useOnReturn(() => void Promise.all([list.reload(), loadStats()]))
  usePullDownRefresh(() => void Promise.all([list.reload(), loadStats()]).then(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.loadMore())

  const open = (item: QueueItemView) => void navigateTo('review/review', { checkinId: item.id, ...filterParams(filter) })
  const go = (page: 'stats' | 'phrases') => () => void navigateTo(`review/${page}`)

  const title = list.load.status === 'ready' ? scopeTitle(filter, list.items) : null
  return (
    <View className='rv-queue'>
      {title ? (
        <View id='queue-scope' className='rv-queue__scope'>
          {title}
        </View>
      ) : null}
      <View className='rv-queue__summary'>
        <View id='queue-backlog'>
          {admin ? '待点评' : '我的待点评'} <View className='rv-queue__count'>{backlog ? backlog.total : '–'}</View>
        </View>
        <View id='queue-reviewed-today'>今日已点评 {stats ? stats.reviewedToday : '–'}</View>
        <View role='button' id='go-stats' className='rv-queue__link' onClick={go('stats')}>
          统计
        </View>
        <View role='button' id='go-phrases' className='rv-queue__link' onClick={go('phrases')}>
          常用语
        </View>
      </View>
      <Tabs id='kind' tabs={KIND_TABS} active={filter.kind} onChange={(kind) => setFilter((f) => ({ ...f, kind }))} />
      <View className='rv-queue__filters'>
        <Segmented
          id='day'
          options={dayOptions(backlog, filter.day)}
          value={filter.day}
          onChange={(day) => setFilter((f) => ({ ...f, day }))}
        />
        <Segmented
          id='period'
          options={periodOptions(backlog, titles, filter.periodId)}
          value={filter.periodId ?? ALL_PERIODS}
          onChange={(p) => setFilter(({ periodId: _, ...f }) => (p === ALL_PERIODS ? f : { ...f, periodId: p }))}
        />
      </View>
      <PageState load={list.load} onRetry={() => void list.reload()} empty={emptyText(filter)}>
        {(items) => (
          <View>
            {items.map((item) => (
              <QueueCard key={item.id} item={item} onOpen={() => open(item)} onReassign={admin ? () => setMoving(item) : undefined} />
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )}
      </PageState>
      {moving ? (
        <ReassignSheet
          item={moving}
          onClose={() => setMoving(null)}
          onDone={(moved) => {
            setMoving(null)
            // Out of the teacher's or the pool's list it was opened from; in the full list it stays, with its new teacher.
            if (filter.assignee && moved.assignee?.teacherId !== filter.assignee) void list.reload()
            else list.update((i) => i.id === moved.id, moved)
          }}
        />
      ) : null}
    </View>
  )
}

export default function ReviewQueuePage() {
  return (
    <RoleGate role='staff' refusal='仅带班老师可以使用点评工作台'>
      {(me) => <Queue admin={isAdmin(me)} />}
    </RoleGate>
  )
}
