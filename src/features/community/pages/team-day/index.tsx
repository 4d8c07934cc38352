import { useState } from 'react'
import { View } from '@tarojs/components'
import type { TeamDayMember, TeamDayView, TeamRemindView } from '@cloud/contracts/community'
import Button from '@/shared/ui/button'
import PageState, { useLoad } from '@/shared/ui/page-state'
import ShareCardButton from '@/shared/ui/share-card-button'
import { confirm, toast, toastError } from '@/shared/ui/feedback'
import { goTo, useRouteParam } from '@/shared/route'
import { useChatShare } from '@/shared/share/use-share'
import MemberFace from '../../components/member-face'
import { remindTeam, teamDay } from '../../api'
import '../../community.scss'

function Row({ row }: { row: TeamDayMember }) {
  return (
    <View className='community__row'>
      <MemberFace member={row.member} />
      <View className='community__name'>{row.member.nickname}</View>
      {row.role ? <View className='community__tag'>{row.role.label}</View> : null}
      {row.reminder && row.reminder.value !== 'ready' ? <View className='community__tag'>{row.reminder.label}</View> : null}
      <View className='community__meta'>{row.streak > 0 ? `连续 ${row.streak} 天` : '未连续'}</View>
    </View>
  )
}

/** What the leader reads after 一键提醒: counts only. */
export function remindSummary(r: TeamRemindView): string {
  const parts = [r.sent > 0 ? `已提醒 ${r.sent} 人` : '没有新的提醒发出']
  if (r.alreadyReminded > 0) parts.push(`${r.alreadyReminded} 人今天已被提醒`)
  if (r.noCredit > 0) parts.push(`${r.noCredit} 人未开启提醒`)
  if (r.failed > 0) parts.push(`${r.failed} 人发送失败，可稍后再试`)
  return parts.join('，')
}

function RemindCard({ periodId, view, onDone }: { periodId: string; view: TeamDayView; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  if (view.notYet.length === 0 || view.dayIndex === null) return null
  if (view.remindable === 0)
    return (
      <View className='community__card'>
        <View className='community__meta'>还没打卡的同学今天都已被提醒过，或还没开启打卡提醒</View>
      </View>
    )
  const remind = async () => {
    const ok = await confirm({
      title: '提醒未打卡的同学',
      content: `将用订阅消息提醒 ${view.remindable} 位还没打卡的同学（每人每天最多提醒一次）`,
      confirmText: '提醒',
    })
    if (!ok) return
    setBusy(true)
    const res = await remindTeam(periodId)
    setBusy(false)
    if (res.code !== 0) return toastError(res)
    toast(remindSummary(res.data))
    onDone()
  }
  return (
    <View className='community__card'>
      <Button id='remind-team' block round type='primary' loading={busy} disabled={busy} onClick={() => void remind()}>
        提醒未打卡的 {view.remindable} 人
      </Button>
    </View>
  )
}

/**
 * A 组长 / 学习委员's view of their own team today: who has checked in (with streaks) and who has not yet, 一键提醒 for
 * those who have not (through each member's own reminder credit), and 转发 a team card into the group.
 */
export default function TeamDayPage() {
  const periodId = useRouteParam('periodId')
  const { load, reload } = useLoad(() => teamDay(periodId), periodId)
  const view = load.status === 'ready' ? load.data : null
  useChatShare({
    target: view ? { page: 'camp', campId: view.campId, periodId } : null,
    title: view ? `${view.team.name}今天已打卡 ${view.checkedIn.length} / ${view.team.size} 人，还没打卡的快来！` : '一起来打卡学习吧！',
  })
  return (
    <PageState load={load} onRetry={() => void reload()} empty='本队还没有成员' isEmpty={(v) => v.team.size === 0}>
      {(view) => (
        <View className='community'>
          <View className='community__card'>
            <View className='community__title'>{view.team.name}</View>
            <View className='community__meta'>
              {view.dayIndex ? `第 ${view.dayIndex} 天 · ` : '不在打卡日 · '}已打卡 {view.checkedIn.length} / {view.team.size} 人
            </View>
          </View>
          <View className='community__section'>还没打卡（{view.notYet.length}）</View>
          <View className='community__card'>
            {view.notYet.length === 0 ? <View className='community__empty'>全员已打卡</View> : null}
            {view.notYet.map((r) => (
              <Row key={r.member.id} row={r} />
            ))}
          </View>
          <RemindCard periodId={periodId} view={view} onDone={() => void reload()} />
          <View className='community__section'>已打卡（{view.checkedIn.length}）</View>
          <View className='community__card'>
            {view.checkedIn.length === 0 ? <View className='community__empty'>今天还没有人打卡</View> : null}
            {view.checkedIn.map((r) => (
              <Row key={r.member.id} row={r} />
            ))}
          </View>
          <View className='community__card'>
            <ShareCardButton id='share-team' label='把本队今日进度转发到群' card={{ page: 'camp', campId: view.campId, periodId }} />
            <Button id='open-board' block round plain type='primary' onClick={goTo('community/board', { periodId })}>
              查看小队 PK 榜
            </Button>
          </View>
        </View>
      )}
    </PageState>
  )
}
