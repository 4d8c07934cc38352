import { View } from '@tarojs/components'
import type { LeaderboardView } from '@cloud/contracts/invites'
import { getLeaderboard } from '../../api'
import MemberAvatar from '../../components/member-avatar'
import './index.scss'
import PageState, { useLoad } from '@/shared/ui/page-state'

/** 邀请排行: inviters by friends who did something real (first check-in or a free-class signup). */
export default function InviteLeaderboardPage() {
  const { load, reload } = useLoad(getLeaderboard, '')
  return (
    <PageState
      load={load}
      onRetry={() => void reload()}
      empty='还没有人上榜，邀请好友完成首次打卡就能上榜'
      isEmpty={(board) => board.rows.length === 0}
    >
      {(board) => <Board board={board} />}
    </PageState>
  )
}

function Board({ board: state }: { board: LeaderboardView }) {
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
