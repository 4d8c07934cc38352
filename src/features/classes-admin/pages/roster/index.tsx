import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { RosterView, StaffSignupView } from '@cloud/contracts/class-views'
import Button from '@/shared/ui/button'
import { routeParam } from '@/shared/route'
import { formatDateTime } from '@/shared/time'
import { markAttendance, roster } from '../../api'
import RoleGate from '@/shared/ui/role-gate'
import '../../classes-admin.scss'
import LoadError from '@/shared/ui/load-error'
import { toast } from '@/shared/ui/feedback'
import { Loading } from '@/shared/ui/page-state'

type Load = { status: 'loading' } | { status: 'ok'; view: RosterView } | { status: 'error'; message: string }

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
  const sessionId = routeParam('sessionId')
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const fetchRoster = useCallback(async () => {
    const res = await roster(sessionId)
    Taro.stopPullDownRefresh()
    setLoad(res.code === 0 ? { status: 'ok', view: res.data } : { status: 'error', message: res.message })
  }, [sessionId])
  useEffect(() => {
    void fetchRoster()
  }, [fetchRoster])
  usePullDownRefresh(() => void fetchRoster())

  if (load.status === 'loading') return <Loading />
  if (load.status === 'error') {
    return <LoadError message={load.message} onRetry={() => void fetchRoster()} />
  }
  const { view } = load
  const mark = async (s: StaffSignupView, m: 'attended' | 'absent') => {
    const res = await markAttendance(s.id, m)
    if (res.code !== 0) return void toast(res.message)
    setLoad({ status: 'ok', view: { ...view, confirmed: view.confirmed.map((x) => (x.id === s.id ? res.data : x)) } })
  }
  return (
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
}

export default function RosterPage() {
  return <RoleGate role='staff'>{() => <Roster />}</RoleGate>
}
