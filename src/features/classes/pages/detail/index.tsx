import { useState } from 'react'
import { View } from '@tarojs/components'
import type { ClassDetailView, MySignupView } from '@cloud/contracts/class-views'
import Empty from '@/shared/ui/empty'
import { useRouteParam } from '@/shared/route'
import { getClass } from '../../api'
import { confirmCancel } from '../../cancel'
import { askForReminder } from '../../reminder'
import ClassTags from '../../components/class-tags'
import MySignupCard from '../../components/my-signup-card'
import SessionItem from '../../components/session-item'
import SignupSheet from '../../components/signup-sheet'
import '../../classes.scss'
import SinglePageNotice from '@/shared/ui/single-page-notice'
import { useChatAndTimelineShare } from '@/shared/share/use-share'
import { isSinglePageMode } from '@/shared/wx/share'
import PageState, { useLoad } from '@/shared/ui/page-state'

function ClassDetail() {
  const classId = useRouteParam('classId')
  const { load, reload: fetchClass, update } = useLoad(() => getClass(classId), classId)
  useChatAndTimelineShare({
    target: load.status === 'ready' ? { page: 'class', classId } : null,
    title: load.status === 'ready' ? `免费课「${load.data.cls.title}」报名中` : '免费体验课报名中',
  })
  const [picked, setPicked] = useState<string | null>(null)

  const setMine = (signup: MySignupView | null) => {
    if (signup) update((view) => ({ ...view, mySignup: signup }))
  }
  const ready = ({ cls, sessions, mySignup }: ClassDetailView) => {
    const active = mySignup && (mySignup.status === 'confirmed' || mySignup.status === 'waitlisted')
    const session = sessions.find((s) => s.id === picked)
    const open = sessions.filter((s) => !s.started)
    return (
      <View className='classes-detail'>
        <View className='classes-detail__head'>
          <View id='class-title' className='classes-detail__title'>
            {cls.title}
          </View>
          <ClassTags cls={cls} />
          <View className='classes-card__meta'>主讲 {cls.teacherName}</View>
          {cls.description ? <View className='classes-detail__desc'>{cls.description}</View> : null}
          {cls.signupPoints > 0 ? <View className='classes-detail__award'>报名成功送 {cls.signupPoints} 积分（每门课一次）</View> : null}
        </View>
        {mySignup && mySignup.status !== 'cancelled' ? (
          <MySignupCard
            signup={mySignup}
            onCancel={() => void confirmCancel(mySignup, cls.signupPoints).then((s) => s && void fetchClass())}
            onRemind={() => void askForReminder(cls.id).then(setMine)}
          />
        ) : null}
        <View className='classes__section'>选择场次</View>
        {open.length === 0 ? <Empty description='暂无可报名的场次，敬请期待' /> : null}
        {sessions.map((s) => (
          <SessionItem key={s.id} session={s} selected={s.id === picked} onSelect={active ? undefined : () => setPicked(s.id)} />
        ))}
        {active ? <View className='classes-detail__hint'>每门免费课只能报名一个场次，如需更换请先取消报名。</View> : null}
        {session && !active ? (
          <SignupSheet
            classId={cls.id}
            session={session}
            onClose={() => setPicked(null)}
            onDone={(signup) => {
              setPicked(null)
              setMine(signup)
              void fetchClass()
            }}
          />
        ) : null}
      </View>
    )
  }
  return (
    <PageState load={load} onRetry={() => void fetchClass()}>
      {ready}
    </PageState>
  )
}

/** In Moments' 单页模式 nothing can be called: a static landing instead. */
export default function ClassDetailPage() {
  return isSinglePageMode() ? <SinglePageNotice kind='class' /> : <ClassDetail />
}
