import { useState } from 'react'
import { View } from '@tarojs/components'
import type { CheckinContent } from '@cloud/domain/camp'
import type { CheckinView, TodayView } from '@cloud/contracts/camp-views'
import Button from '@/shared/ui/button'
import Empty from '@/shared/ui/empty'
import { fileSrc } from '@/shared/cloud'
import { navigateTo, routeParam, useRouteParam } from '@/shared/route'
import { useMe } from '@/shared/session'
import { checkin, editCheckin, today } from '../../api'
import { draftFrom } from '../../composer-model'
import { groupProof } from '../../group-proof'
import CheckinCard from '../../components/checkin-card'
import CheckinComposer from '../../components/checkin-composer'
import CheckinResult from '../../components/checkin-result'
import RedoComposer from '../../components/redo-composer'
import { draftKey, forgetDraft } from '../../draft-store'
import PeriodLinks from '../../components/period-links'
import BadgeStrip from '../../components/badge-strip'
import StreakStats from '../../components/streak-stats'
import TaskCard from '../../components/task-card'
import './index.scss'
import { useSubmission } from '@/shared/request-id/use-submission'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { Loading, useLoad } from '@/shared/ui/page-state'

const editable = (view: TodayView, c: CheckinView) => !c.makeup && c.day === view.today && c.reviewStatus === 'pending'

export default function TodayPage() {
  const periodId = useRouteParam('periodId')
  // A redo request (today card, comment page, 首页) opens this page with the day to resubmit.
  const [redoDay, setRedoDay] = useState(routeParam('redoDay'))
  const { me } = useMe()
  const { load, reload: fetchToday, update } = useLoad(async () => today(periodId, await groupProof()), periodId)
  const [editing, setEditing] = useState(false)
  const submission = useSubmission()
  const busy = submission.busy
  const [result, setResult] = useState<CheckinView | null>(null)

  const submit = async (view: TodayView, content: CheckinContent) => {
    const existing = view.checkin
    // A second tap while the first is in flight sends nothing (one check-in a day is also the server's key).
    const res = await submission.run(async () =>
      existing ? editCheckin(periodId, existing.day, content) : checkin(periodId, content, await groupProof()),
    )
    if (!res) return
    if (res.code !== 0) {
      toast(res.message)
      // A retry whose first try did check in (its answer was lost): show today as it is, checked in.
      if (res.code === 'CAMP.ALREADY_CHECKED_IN') void fetchToday()
      return
    }
    setEditing(false)
    forgetDraft(draftKey(periodId, view.today, existing ? (view.canRedo ? 'redo' : 'edit') : 'new'))
    if (existing) {
      toastSuccess('已修改')
      return void fetchToday()
    }
    setResult(res.data.checkin)
    update(() => res.data)
  }

  const ready = (view: TodayView) => {
    const { period } = view
    if (!view.joined) {
      return (
        <Empty description='你还没有加入这一期打卡营'>
          <Button id='go-join' type='primary' round onClick={() => void navigateTo('camp/detail', { campId: period.campId })}>
            去报名
          </Button>
        </Empty>
      )
    }
    const ended = period.status.value === 'ended' || period.status.value === 'closed'
    const contentTypes = period.contentTypes.map((t) => t.value)
    if (redoDay && redoDay !== view.today && me) {
      return (
        <View className='today'>
          <RedoComposer
            memberId={me.openid}
            periodId={periodId}
            day={redoDay}
            contentTypes={contentTypes}
            onDone={() => {
              setRedoDay('')
              void fetchToday()
            }}
          />
        </View>
      )
    }
    const redoing = view.canRedo && (editing || redoDay === view.today)
    const composer = (initial?: ReturnType<typeof draftFrom>) =>
      me ? (
        <CheckinComposer
          memberId={me.openid}
          periodId={periodId}
          contentTypes={contentTypes}
          initial={initial}
          storageKey={draftKey(periodId, view.today, initial ? (view.canRedo ? 'redo' : 'edit') : 'new')}
          submitLabel={initial ? (view.canRedo ? '重新提交' : '保存修改') : '提交打卡'}
          busy={busy}
          onSubmit={(content) => void submit(view, content)}
          onCancel={
            initial
              ? () => {
                  setEditing(false)
                  setRedoDay('')
                }
              : undefined
          }
        />
      ) : (
        <Loading />
      )
    return (
      <View className='today'>
        <View className='today__head'>
          <View className='today__period'>{period.title}</View>
          <View className='today__status'>{period.status.label}</View>
        </View>
        <StreakStats
          stats={[
            { id: 'stat-streak', label: '连续打卡', value: `${view.currentStreak} 天` },
            { id: 'stat-checked', label: '已打卡 / 目标', value: `${view.checkedDays}/${view.completionTarget}` },
            { id: 'stat-points', label: '本期积分', value: String(view.pointsEarned) },
          ]}
        />
        <BadgeStrip id='today-badges' tier={view.tier} badges={view.badges} />
        {view.dayIndex !== null ? <TaskCard dayLabel={view.dayLabel} task={view.task} /> : null}
        {result ? (
          <CheckinResult periodId={periodId} checkin={result} currentStreak={view.currentStreak} reminderTime={view.reminderTime} />
        ) : null}
        {view.checkin && (editing || redoing) ? (
          <View id='redo-here' className='today__redo'>
            {redoing && view.review?.redoReason ? <View className='today__redo-reason'>重做原因：{view.review.redoReason}</View> : null}
            {composer(draftFrom(view.checkin.content, fileSrc))}
          </View>
        ) : null}
        {view.checkin && !editing && !redoing ? (
          <CheckinCard
            checkin={view.checkin}
            review={view.review}
            reviewUnread={view.reviewUnread}
            onEdit={editable(view, view.checkin) ? () => setEditing(true) : undefined}
            onRedo={view.canRedo ? () => setEditing(true) : undefined}
          />
        ) : null}
        {view.checkin && view.checkin.day === view.today && !editing && !redoing ? (
          // After today's check-in: the member's 日签 to save and share (sharing earns nothing).
          <Button id='make-day-card' type='primary' plain block round onClick={() => void navigateTo('community/day-card', { periodId })}>
            生成日签
          </Button>
        ) : null}
        {!view.checkin && view.canCheckIn ? composer() : null}
        {!view.checkin && !view.canCheckIn ? (
          <View id='today-closed' className='today__closed'>
            {view.dayIndex === null
              ? ended
                ? '本期已结束，感谢坚持！'
                : `${view.dayLabel}，${period.startDay} 开营后即可打卡`
              : period.windowLabel
                ? `打卡时间为每天 ${period.windowLabel}`
                : '今天暂不能打卡'}
          </View>
        ) : null}
        <PeriodLinks periodId={periodId} ended={ended} team={view.team} />
      </View>
    )
  }
  return (
    <PageState load={load} onRetry={() => void fetchToday()}>
      {ready}
    </PageState>
  )
}
