import { View } from '@tarojs/components'
import type { TeamDayMember } from '@cloud/contracts/community'
import Button from '@/shared/ui/button'
import PageState, { useLoad } from '@/shared/ui/page-state'
import { goTo, routeParam } from '@/shared/route'
import MemberFace from '../../components/member-face'
import { teamDay } from '../../api'
import '../../community.scss'

function Row({ row }: { row: TeamDayMember }) {
  return (
    <View className='community__row'>
      <MemberFace member={row.member} />
      <View className='community__name'>{row.member.nickname}</View>
      {row.role ? <View className='community__tag'>{row.role.label}</View> : null}
      <View className='community__meta'>{row.streak > 0 ? `连续 ${row.streak} 天` : '未连续'}</View>
    </View>
  )
}

/** A 组长 / 学习委员's view of their own team today: who has checked in (with streaks) and who has not yet. */
export default function TeamDayPage() {
  const periodId = routeParam('periodId')
  const { load, reload } = useLoad(() => teamDay(periodId), periodId)
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
          <View className='community__section'>已打卡（{view.checkedIn.length}）</View>
          <View className='community__card'>
            {view.checkedIn.length === 0 ? <View className='community__empty'>今天还没有人打卡</View> : null}
            {view.checkedIn.map((r) => (
              <Row key={r.member.id} row={r} />
            ))}
          </View>
          <View className='community__card'>
            <Button id='open-board' block round plain type='primary' onClick={goTo('community/board', { periodId })}>
              查看小队 PK 榜
            </Button>
          </View>
        </View>
      )}
    </PageState>
  )
}
