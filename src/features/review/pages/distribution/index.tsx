import { useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { DistributionTeacherView, DistributionView } from '@cloud/contracts/review-views'
import Button from '@/shared/ui/button'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'
import RoleGate from '@/shared/ui/role-gate'
import { navigateTo, useRouteParam } from '@/shared/route'
import { distribution, rebalance, setAway } from '../../api'
import './index.scss'

/**
 * 点评分配 (operators, issue #17 item 2): how one period's waiting submissions are spread over its teachers. Each
 * teacher has a personal queue dealt by load; an operator marks a teacher away (their unopened items go to the
 * others), deals the pool now, or opens one teacher's queue to move a single item (改派, on the queue page).
 */

function TeacherRow({ t, busy, onAway, onQueue }: { t: DistributionTeacherView; busy: boolean; onAway: () => void; onQueue: () => void }) {
  const away = t.state.value === 'away'
  return (
    <View id={`dist-teacher-${t.teacherId}`} className='rv-dist__row'>
      <View className='rv-dist__who'>
        <View className='rv-dist__name'>
          {t.name}
          <View className={`rv-dist__state rv-dist__state--${t.state.value}`}>{t.state.label}</View>
          {t.reviewing ? <View className='rv-dist__state rv-dist__state--reviewing'>正在点评</View> : null}
        </View>
        <View className='rv-dist__meta'>
          {t.lastActiveLabel}
          {t.teams.length ? ` · 负责 ${t.teams.join('、')}` : ''}
        </View>
      </View>
      <View className='rv-dist__backlog'>
        <View className='rv-dist__count'>{t.backlog}</View>
        <View className='rv-dist__key'>待点评</View>
      </View>
      <View className='rv-dist__actions'>
        <Button id={`dist-queue-${t.teacherId}`} size='small' plain onClick={onQueue}>
          查看队列
        </Button>
        <Button id={`dist-away-${t.teacherId}`} size='small' type={away ? 'primary' : 'default'} disabled={busy} onClick={onAway}>
          {away ? '恢复在岗' : '标记离开'}
        </Button>
      </View>
    </View>
  )
}

function Distribution({ periodId }: { periodId: string }) {
  const { load, reload, update } = useLoad(() => distribution(periodId), periodId)
  const [busy, setBusy] = useState(false)
  // One action at a time: a second tap while a modal or a call is open does nothing.
  const acting = useRef(false)

  const act = async (run: () => ReturnType<typeof rebalance>, done: string) => {
    if (acting.current) return
    acting.current = true
    setBusy(true)
    try {
      const res = await run()
      if (res.code !== 0) return void toast(res.message)
      update(() => res.data)
      toastSuccess(done)
    } finally {
      acting.current = false
      setBusy(false)
    }
  }

  const toggleAway = async (t: DistributionTeacherView) => {
    const away = t.state.value !== 'away'
    const ok = await confirm(
      away
        ? {
            title: `标记${t.name}离开`,
            content: `${t.name}未打开的 ${t.backlog} 份打卡将分给其他在岗老师，恢复在岗后重新参与分配。确认标记离开？`,
          }
        : { title: `${t.name}恢复在岗`, content: `恢复后新的打卡会按待点评数量分给${t.name}。确认恢复？` },
    )
    if (ok) await act(() => setAway(periodId, t.teacherId, away), away ? '已标记离开' : '已恢复在岗')
  }

  const ready = (v: DistributionView) => (
    <View className='rv-dist'>
      <View id='dist-summary' className='rv-dist__card'>
        <View className='rv-dist__title'>{v.periodTitle}</View>
        <View className='rv-dist__figures'>
          <View className='rv-dist__figure'>
            <View className='rv-dist__count'>{v.total}</View>
            <View className='rv-dist__key'>待点评</View>
          </View>
          <View id='dist-pool' className='rv-dist__figure'>
            <View className='rv-dist__count'>{v.pool}</View>
            <View className='rv-dist__key'>未分配</View>
          </View>
          <View className='rv-dist__figure'>
            <View className='rv-dist__count'>{v.teachers.filter((t) => t.state.value === 'present').length}</View>
            <View className='rv-dist__key'>在岗老师</View>
          </View>
        </View>
        <View className='rv-dist__note'>
          新打卡每分钟自动分给待点评最少的在岗老师；老师 2 小时没有点评视为暂时离开，其未打开的打卡会分给其他老师。
        </View>
        <View className='rv-dist__buttons'>
          <Button
            id='dist-rebalance'
            type='primary'
            round
            disabled={busy}
            onClick={() => void act(() => rebalance(periodId), '已重新分配')}
          >
            立即分配
          </Button>
          {v.pool > 0 ? (
            <Button id='dist-pool-queue' round plain onClick={() => void navigateTo('review/index', { periodId, assignee: 'pool' })}>
              查看未分配
            </Button>
          ) : null}
        </View>
      </View>
      {v.teachers.length === 0 ? (
        <View id='dist-no-teachers' className='rv-dist__card rv-dist__note'>
          本期还没有带班老师。请在期次管理的「带班老师」中添加老师后再分配点评。
        </View>
      ) : (
        <View id='dist-teachers' className='rv-dist__card'>
          {v.teachers.map((t) => (
            <TeacherRow
              key={t.teacherId}
              t={t}
              busy={busy}
              onAway={() => void toggleAway(t)}
              onQueue={() => void navigateTo('review/index', { periodId, assignee: t.teacherId })}
            />
          ))}
        </View>
      )}
    </View>
  )

  return (
    <PageState load={load} onRetry={() => void reload()}>
      {ready}
    </PageState>
  )
}

export default function ReviewDistributionPage() {
  const periodId = useRouteParam('periodId')
  return (
    <RoleGate role='admin' refusal='仅运营人员可以调整点评分配'>
      {() => <Distribution periodId={periodId} />}
    </RoleGate>
  )
}
