import { View } from '@tarojs/components'
import type { RosterView, StaffSignupView } from '@cloud/contracts/class-views'
import Button from '@/shared/ui/button'
import { useRouteParam } from '@/shared/route'
import { formatDateTime } from '@/shared/time'
import { markAttendance, roster } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import '../../classes-admin.scss'
import { toast } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

function Person({ s, started, onMark }: { s: StaffSignupView; started: boolean; onMark?: (mark: 'attended' | 'absent') => void }) {
  return (
    <View id={`roster-${s.memberId}`} className='classes-admin__card'>
      <View className='classes-admin__lead-head'>
        <View>{s.nickname || '学员'}</View>
        <View className='classes-admin__stage'>{s.statusLabel}</View>
      </View>
      <View className='classes-admin__meta'>
        孩子 {s.childGradeLabel} · 电话 <View className='classes-admin__phone'>{s.phone}</View>
      </View>
      {onMark && started ? (
        <View className='classes-admin__actions'>
          <Button
            id={`attended-${s.memberId}`}
            size='small'
            round
            type='primary'
            plain
            disabled={s.status === 'attended'}
            onClick={() => onMark('attended')}
          >
            出席
          </Button>
          <Button id={`absent-${s.memberId}`} size='small' round plain disabled={s.status === 'absent'} onClick={() => onMark('absent')}>
            缺席
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Roster() {
  const sessionId = useRouteParam('sessionId')
  // Opened without a session (a stale link): say so instead of sending a request the function would refuse.
  const { load, reload, update } = useLoad(
    () =>
      sessionId ? roster(sessionId) : Promise.resolve({ code: 'CLIENT.NO_SESSION', message: '没有找到这一场课，请从课程管理重新进入' }),
    sessionId,
  )
  const mark = async (s: StaffSignupView, m: 'attended' | 'absent') => {
    const res = await markAttendance(s.id, m)
    if (res.code !== 0) return void toast(res.message)
    update((view) => ({ ...view, confirmed: view.confirmed.map((x) => (x.id === s.id ? res.data : x)) }))
  }
  const ready = (view: RosterView) => (
    <View className='classes-admin'>
      <View className='classes-admin__card'>
        <View className='classes-admin__title'>{view.classTitle}</View>
        <View className='classes-admin__meta'>
          {formatDateTime(view.session.startAt)} · {view.session.durationMin} 分钟 · 已报名 {view.session.taken}/{view.session.capacity}
        </View>
        {!view.session.started ? <View className='classes-admin__meta'>开课后可记录出勤</View> : null}
      </View>
      <View className='classes-admin__section'>已报名（{view.confirmed.length}）</View>
      {view.confirmed.length === 0 ? <View className='classes-admin__empty'>还没有人报名</View> : null}
      {view.confirmed.map((s) => (
        <Person key={s.id} s={s} started={view.session.started} onMark={(m) => void mark(s, m)} />
      ))}
      <View className='classes-admin__section'>候补（{view.waitlisted.length}）</View>
      {view.waitlisted.length === 0 ? <View className='classes-admin__empty'>没有候补</View> : null}
      {view.waitlisted.map((s) => (
        <Person key={s.id} s={s} started={view.session.started} />
      ))}
    </View>
  )
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {ready}
    </PageState>
  )
}

export default function RosterPage() {
  return <RoleGate role='staff'>{() => <Roster />}</RoleGate>
}
