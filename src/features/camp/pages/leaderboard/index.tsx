import { useState } from 'react'
import { View } from '@tarojs/components'
import type { Leaderboard, LeaderboardCursor } from '@cloud/domain/camp'
import LoadMore from '@/shared/ui/load-more'
import Tabs from '@/shared/ui/tabs'
import { useListPageEvents, usePagedList } from '@/shared/paging/use-paged-list'
import { useRouteParam } from '@/shared/route'
import { leaderboard } from '../../api'
import BadgeStrip from '../../components/badge-strip'
import MemberAvatar from '../../components/member-avatar'
import './index.scss'
import PageState from '@/shared/ui/page-state'

const BOARDS = [
  { key: 'streak', title: '连续打卡榜' },
  { key: 'checkins', title: '打卡天数榜' },
] as const

export default function LeaderboardPage() {
  const periodId = useRouteParam('periodId')
  const [board, setBoard] = useState<Leaderboard>('streak')
  const list = usePagedList((cursor: LeaderboardCursor | undefined) => leaderboard(periodId, board, cursor), [board])

  useListPageEvents(list)

  return (
    <View className='board'>
      <Tabs id='board' tabs={BOARDS} active={board} onChange={setBoard} />
      <PageState load={list.load} onRetry={() => void list.reload()} empty='还没有人上榜，快去打卡吧'>
        {(rows) => (
          <View>
            {rows.map((row) => (
              <View key={row.member.id} id={`rank-${row.rank}`} className={`board__row${row.isMe ? ' board__row--me' : ''}`}>
                <View className={`board__rank board__rank--${Math.min(row.rank, 4)}`}>{row.rank}</View>
                <MemberAvatar member={row.member} />
                <View className='board__who'>
                  <View className='board__name'>
                    {row.member.nickname}
                    {row.isMe ? <View className='board__me'>我</View> : null}
                  </View>
                  <BadgeStrip id={`rank-${row.rank}-badges`} tier={row.tier} badges={row.badges} compact />
                </View>
                <View className='board__value'>
                  {board === 'streak' ? `最长连续 ${row.bestStreak} 天` : `打卡 ${row.checkedDays} 天`}
                  <View className='board__sub'>当前连续 {row.currentStreak} 天</View>
                </View>
              </View>
            ))}
            <LoadMore status={list.more} onLoad={() => void list.loadMore()} />
          </View>
        )}
      </PageState>
    </View>
  )
}
