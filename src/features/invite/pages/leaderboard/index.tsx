import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { LeaderboardView } from '@cloud/contracts/invites'
import Empty from '@/shared/ui/empty'
import LoadError from '@/shared/ui/load-error'
import { getLeaderboard } from '../../api'
import MemberAvatar from '../../components/member-avatar'
import './index.scss'
import { Loading } from '@/shared/ui/page-state'

type State = { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'ready' } & LeaderboardView)

/** 邀请排行: inviters by friends who did something real (first check-in or a free-class signup). */
export default function InviteLeaderboardPage() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const load = useCallback(async () => {
    const res = await getLeaderboard()
    setState(res.code === 0 ? { kind: 'ready', ...res.data } : { kind: 'error', message: res.message })
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => void load().then(() => Taro.stopPullDownRefresh()))

  if (state.kind === 'loading') return <Loading />
  if (state.kind === 'error') return <LoadError message={state.message} onRetry={() => void load()} />
  if (state.rows.length === 0) return <Empty description='还没有人上榜，邀请好友完成首次打卡就能上榜' />
  return (
    <View className='invite-board'>
      <View className='invite-board__caption'>按完成首次打卡或报名免费课的好友人数排名</View>
      <View id='my-rank' className='invite-board__me'>
        {state.me ? `我的排名：第 ${state.me.rank} 名 · ${state.me.qualified} 人` : '你还没有上榜，邀请好友完成首次打卡就能上榜'}
      </View>
      {state.rows.map((row) => (
        <View key={row.inviter.id} id={`leader-${row.rank}`} className='invite-board__row'>
          <View className={`invite-board__rank invite-board__rank--${Math.min(row.rank, 4)}`}>{row.rank}</View>
          <MemberAvatar nickname={row.inviter.nickname} avatarFileId={row.inviter.avatarFileId} />
          <View className='invite-board__name'>{row.inviter.nickname}</View>
          <View className='invite-board__count'>{row.qualified} 人</View>
        </View>
      ))}
    </View>
  )
}
